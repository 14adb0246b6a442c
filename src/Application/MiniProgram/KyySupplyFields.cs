using FluentValidation;
using Kboss.Application.Common.Validation;
using Kboss.Domain.MiniProgram;

namespace Kboss.Application.MiniProgram;

/// <summary>Rules shared by the ops supply requests (analysis/platform.md §3.6).</summary>
public static class KyySupplyRules
{
    /// <summary><c>basic_info</c>: a JSON object of bounded size (required when <paramref name="required"/>).</summary>
    public static IRuleBuilderOptions<T, string?> BasicInfo<T>(this IRuleBuilder<T, string?> rule, bool required)
    {
        var sized = (required ? rule.Required() : rule).MaxChars(KyySupply.MaxBasicInfo);
        return sized.Must(v => v is null || KyySupply.IsJsonObject(v)).WithMessage(KyySupply.BadBasicInfo);
    }

    /// <summary><c>filepath</c>: a stored <c>.xlsx</c> path (required when <paramref name="required"/>).</summary>
    public static IRuleBuilderOptions<T, string?> WorkbookPath<T>(this IRuleBuilder<T, string?> rule, bool required)
    {
        var sized = (required ? rule.Required("请提供文件路径") : rule).MaxChars(500);
        return sized
            .Must(v => string.IsNullOrWhiteSpace(v) || v.Trim().EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            .WithMessage("文件格式错误,仅支持xlsx");
    }

    /// <summary><c>remark</c>.</summary>
    public static IRuleBuilderOptions<T, string?> Remark<T>(this IRuleBuilder<T, string?> rule) => rule.MaxChars(1000);
}
