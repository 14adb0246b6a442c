using Kboss.Domain.Common;
using Kboss.Domain.Marketplace;

namespace Kboss.Domain.Users;

/// <summary>
/// 政企资质: the qualification data a customer submits for audit (one live record per user). Its audit state
/// (<see cref="AuditStatus"/>, <see cref="RejectReason"/>) changes only through <see cref="Decide"/>, which asks
/// <see cref="QualificationWorkflow"/>.
/// spec: 05-user-enterprise-audit.md; analysis/catalog.md §2.10, §4.3.
/// </summary>
public sealed class EnterpriseAuditInfo : Entity, ISoftDeletable
{
    /// <summary>Owner (the customer whose qualification this is).</summary>
    public string UserId { get; init; } = "";
    /// <summary>The owner's org (operators moderate the records of the orgs they may act on).</summary>
    public string OrgId { get; init; } = "";
    /// <summary>账号类型: <c>"1"</c> 政府, <c>"2"</c> 企业, <c>"3"</c> 个人.</summary>
    public string AccountType { get; set; } = AccountTypes.Enterprise;
    /// <summary>公司名称 (required for 政府/企业).</summary>
    public string? CompanyName { get; set; }
    /// <summary>执照号码 (required for 政府/企业).</summary>
    public string? LicenseNumber { get; set; }
    /// <summary>营业执照正本照片路径.</summary>
    public string? LicenseOriginalImg { get; set; }
    /// <summary>营业执照副本照片路径.</summary>
    public string? LicenseCopyImg { get; set; }
    /// <summary>办公地址.</summary>
    public string? OfficeAddress { get; set; }
    /// <summary>注册地址.</summary>
    public string? RegisteredAddress { get; set; }
    /// <summary>联系人姓名.</summary>
    public string? ContactName { get; set; }
    /// <summary>固定电话.</summary>
    public string? Telephone { get; set; }
    /// <summary>移动电话.</summary>
    public string? MobilePhone { get; set; }
    /// <summary>邮箱地址.</summary>
    public string? Email { get; set; }
    /// <summary>审核状态: pending/approved/rejected.</summary>
    public string AuditStatus { get; private set; } = QualificationWorkflow.Initial.AuditStatus;
    /// <summary>驳回原因: set on rejection, cleared (NULL, "置空") on approval and on a customer's resubmission.</summary>
    public string? RejectReason { get; private set; }
    /// <summary><c>"0"</c> alive, <c>"1"</c> deleted.</summary>
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>The audit state.</summary>
    public QualificationState State => new(AuditStatus, RejectReason);

    /// <summary>
    /// <paramref name="action"/> by <paramref name="actor"/> as <see cref="QualificationWorkflow.Decide"/> rules it;
    /// the state changes only when allowed.
    /// </summary>
    public Result Decide(QualificationActor actor, QualificationAction action, string? rejectReason = null)
    {
        var t = QualificationWorkflow.Decide(State, actor, action, rejectReason);
        if (t.Failure is { } refused) return refused;
        AuditStatus = t.State!.AuditStatus;
        RejectReason = t.State.RejectReason;
        return Result.Done;
    }

    /// <summary>
    /// The documented parameter names of required fields that are empty (analysis §3.3.1: <c>contact_name</c> and
    /// <c>mobile_phone</c> always; <c>company_name</c> and <c>license_number</c> for 政府/企业).
    /// </summary>
    public IReadOnlyList<string> MissingFields()
    {
        var missing = new List<string>();
        if (AccountType != AccountTypes.Individual)
        {
            if (string.IsNullOrWhiteSpace(CompanyName)) missing.Add("company_name");
            if (string.IsNullOrWhiteSpace(LicenseNumber)) missing.Add("license_number");
        }
        if (string.IsNullOrWhiteSpace(ContactName)) missing.Add("contact_name");
        if (string.IsNullOrWhiteSpace(MobilePhone)) missing.Add("mobile_phone");
        return missing;
    }
}

/// <summary>Values of <c>account_type</c>.</summary>
public static class AccountTypes
{
    /// <summary>政府.</summary>
    public const string Government = "1";
    /// <summary>企业.</summary>
    public const string Enterprise = "2";
    /// <summary>个人.</summary>
    public const string Individual = "3";
    /// <summary>Every value.</summary>
    public static readonly string[] All = [Government, Enterprise, Individual];
}
