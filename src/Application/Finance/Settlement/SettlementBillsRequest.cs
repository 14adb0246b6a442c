using FluentValidation;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;

namespace Kboss.Application.Finance.Settlement;

/// <summary>
/// The body STL-02 and STL-06 share (spec 17): <c>start_date</c>, <c>end_date</c> (inclusive, <c>yyyy-MM-dd</c>),
/// <c>provider_id</c> (also accepted as <c>providerid</c>, finance.md §3.5) and <c>orgid</c> (default the caller's).
/// </summary>
public abstract record SettlementBillsRequest : IOrgScoped
{
    /// <summary>The documented body object (its fields are the other parameters).</summary>
    public string? Body { get; init; }
    /// <summary>开始日期 (inclusive).</summary>
    public string? StartDate { get; init; }
    /// <summary>结束日期 (inclusive).</summary>
    public string? EndDate { get; init; }
    /// <summary>供应商id.</summary>
    public string? ProviderId { get; init; }
    /// <summary>机构id.</summary>
    public string? Orgid { get; set; }
    /// <summary>供应商id, the spelling of the other endpoints.</summary>
    public string? Providerid { get; init; }

    /// <summary>The provider named by either spelling.</summary>
    internal string Provider => (string.IsNullOrWhiteSpace(ProviderId) ? Providerid : ProviderId)?.Trim() ?? "";
}

/// <summary>Rules of <see cref="SettlementBillsRequest"/>.</summary>
public abstract class SettlementBillsRequestValidator<T> : AbstractValidator<T> where T : SettlementBillsRequest
{
    protected SettlementBillsRequestValidator()
    {
        RuleFor(x => x.StartDate).Required().Must(v => RuleExtensions.TryDate(v, out _))
            .WithMessage(SettlementMessages.BadDate);
        RuleFor(x => x.EndDate).Required().Must(v => RuleExtensions.TryDate(v, out _))
            .WithMessage(SettlementMessages.BadDate);
        RuleFor(x => x.ProviderId).MaxChars(32)
            .Must((x, _) => x.Provider.Length > 0).WithMessage(RuleExtensions.Missing("provider_id"));
        RuleFor(x => x.Providerid).MaxChars(32);
        RuleFor(x => x.Orgid).MaxChars(32);
        RuleFor(x => x.EndDate).Must((x, end) => !RuleExtensions.TryDate(x.StartDate, out var s)
                                                 || !RuleExtensions.TryDate(end, out var e) || s <= e)
            .WithMessage(ProviderSettlement.RangeMessage);
    }
}

/// <summary>
/// Base of the settlement requests: spec 17 documents each body as one <c>body</c> object, whose fields arrive as the
/// request's own parameters (the binder merges a JSON body), as in the approval module.
/// </summary>
public abstract record SettlementRequest
{
    /// <summary>The documented body object (its fields are the other parameters).</summary>
    public string? Body { get; init; }
}

/// <summary>Messages of the settlement endpoints (finance.md §3 message set).</summary>
public static class SettlementMessages
{
    /// <summary>E_DATE.</summary>
    public const string BadDate = "日期格式错误,请使用YYYY-MM-DD格式";
    /// <summary>OK_QUERY.</summary>
    public const string Queried = "查询成功";
    /// <summary>OK_SAVE.</summary>
    public const string Done = "操作成功";
}
