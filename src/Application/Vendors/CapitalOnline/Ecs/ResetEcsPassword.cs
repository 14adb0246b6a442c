using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-15 <c>GET /capital/ecs_reset_password.dspy</c> 修改实例管理员用户密码: CDS ModifyInstancePassword of live
/// hosts the caller owns; the password must satisfy <see cref="EcsPassword"/>, is never stored and is audited as
/// <c>******</c> (analysis/vendors.md §6 #32: also accepted in a POST form body). <c>data</c> = <c>{EventId}</c>.
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8.
/// </summary>
public sealed record ResetEcsPassword : ICommand<Reply<JsonNode>>
{
    /// <summary>Host ids (JSON array or comma-separated).</summary>
    [JsonPropertyName("EcsIds")] public string? EcsIds { get; init; }
    /// <summary>New password.</summary>
    [JsonPropertyName("Password")] public string? Password { get; init; }
}

public sealed class ResetEcsPasswordValidator : AbstractValidator<ResetEcsPassword>
{
    public ResetEcsPasswordValidator()
    {
        RuleFor(x => x.EcsIds).IdList();
        RuleFor(x => x.Password).Required().Must(EcsPassword.IsStrong).WithMessage(EcsPassword.Message);
    }
}

public sealed class ResetEcsPasswordHandler(CdsEcs ecs) : ICommandHandler<ResetEcsPassword, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(ResetEcsPassword c, CancellationToken ct)
    {
        var ids = CdsEcs.Ids(c.EcsIds);
        var rows = await ecs.LoadAsync(CdsResourceTypes.Ecs, ids.Select(i => i!.ToString()), ct);
        return await ecs.ChangeAsync(rows, "reset_password", CdsActions.ModifyInstancePassword,
            new JsonObject { ["EcsIds"] = ids, ["Password"] = c.Password }, ct);
    }
}

/// <summary>CDS's host password rule: 8–30 characters from at least three of upper case, lower case, digits and
/// the symbols <c>()`~!@#$%^&amp;*-+=|{}[]:;'&lt;&gt;,.?/</c>, no spaces.</summary>
public static class EcsPassword
{
    /// <summary>Why a password is refused.</summary>
    public const string Message = "密码须为8-30位,包含大写字母、小写字母、数字、特殊符号中的至少三种";
    private const string Symbols = "()`~!@#$%^&*-+=|{}[]:;'<>,.?/";

    /// <summary>True when <paramref name="password"/> satisfies the rule.</summary>
    public static bool IsStrong(string? password) =>
        password is { Length: >= 8 and <= 30 }
        && password.All(ch => char.IsAsciiLetterOrDigit(ch) || Symbols.Contains(ch))
        && new[] { password.Any(char.IsAsciiLetterUpper), password.Any(char.IsAsciiLetterLower),
            password.Any(char.IsAsciiDigit), password.Any(Symbols.Contains) }.Count(b => b) >= 3;
}
