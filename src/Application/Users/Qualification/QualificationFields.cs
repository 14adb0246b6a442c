using System.Text.RegularExpressions;
using FluentValidation;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Users;

namespace Kboss.Application.Users.Qualification;

/// <summary>The editable fields of a qualification record (05-user-enterprise-audit.md, 资质添加).</summary>
public interface IQualificationFields
{
    /// <summary>账号类型: 1:政府 2:企业 3: 个人.</summary>
    string? AccountType { get; }
    /// <summary>公司名称 (required for 1/2).</summary>
    string? CompanyName { get; }
    /// <summary>执照号码 (required for 1/2).</summary>
    string? LicenseNumber { get; }
    /// <summary>营业执照正本照片路径.</summary>
    string? LicenseOriginalImg { get; }
    /// <summary>营业执照副本照片路径.</summary>
    string? LicenseCopyImg { get; }
    /// <summary>办公地址.</summary>
    string? OfficeAddress { get; }
    /// <summary>注册地址.</summary>
    string? RegisteredAddress { get; }
    /// <summary>联系人姓名 (required).</summary>
    string? ContactName { get; }
    /// <summary>固定电话.</summary>
    string? Telephone { get; }
    /// <summary>移动电话 (required, 11 digits starting with 1).</summary>
    string? MobilePhone { get; }
    /// <summary>邮箱地址.</summary>
    string? Email { get; }
}

/// <summary>Format rules of <see cref="IQualificationFields"/> (presence is checked on the merged record).</summary>
public sealed partial class QualificationFieldsValidator : AbstractValidator<IQualificationFields>
{
    public QualificationFieldsValidator()
    {
        RuleFor(x => x.AccountType).OneOf(AccountTypes.All);
        RuleFor(x => x.CompanyName).MaxChars(200);
        RuleFor(x => x.LicenseNumber).MaxChars(100);
        RuleFor(x => x.LicenseOriginalImg).MaxChars(1000);
        RuleFor(x => x.LicenseCopyImg).MaxChars(1000);
        RuleFor(x => x.OfficeAddress).MaxChars(500);
        RuleFor(x => x.RegisteredAddress).MaxChars(500);
        RuleFor(x => x.ContactName).MaxChars(50);
        RuleFor(x => x.Telephone).MaxChars(30);
        RuleFor(x => x.MobilePhone).Must(v => string.IsNullOrWhiteSpace(v) || Mobile().IsMatch(v.Trim()))
            .WithMessage("mobile_phone 手机号格式不正确");
        RuleFor(x => x.Email).Must(v => string.IsNullOrWhiteSpace(v) || (v.Trim().Length <= 100 && EmailPattern().IsMatch(v.Trim())))
            .WithMessage("email 邮箱格式不正确");
    }

    [GeneratedRegex(@"^1\d{10}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}

/// <summary>The one mapping from <see cref="IQualificationFields"/> onto a record (add and update share it).</summary>
public static class QualificationFieldsMapper
{
    /// <summary>Copies the given (non-empty) fields onto <paramref name="r"/>; absent fields are kept.</summary>
    public static void Apply(IQualificationFields f, EnterpriseAuditInfo r)
    {
        static string? C(string? v) => v.TrimmedOrNull();
        r.AccountType = C(f.AccountType) ?? r.AccountType;
        r.CompanyName = C(f.CompanyName) ?? r.CompanyName;
        r.LicenseNumber = C(f.LicenseNumber) ?? r.LicenseNumber;
        r.LicenseOriginalImg = C(f.LicenseOriginalImg) ?? r.LicenseOriginalImg;
        r.LicenseCopyImg = C(f.LicenseCopyImg) ?? r.LicenseCopyImg;
        r.OfficeAddress = C(f.OfficeAddress) ?? r.OfficeAddress;
        r.RegisteredAddress = C(f.RegisteredAddress) ?? r.RegisteredAddress;
        r.ContactName = C(f.ContactName) ?? r.ContactName;
        r.Telephone = C(f.Telephone) ?? r.Telephone;
        r.MobilePhone = C(f.MobilePhone) ?? r.MobilePhone;
        r.Email = C(f.Email) ?? r.Email;
    }

    /// <summary>Throws invalid_argument naming every required field still empty on <paramref name="r"/>.</summary>
    /// <exception cref="Common.RequestValidationException">A required field is empty.</exception>
    public static void EnsureComplete(EnterpriseAuditInfo r)
    {
        var missing = r.MissingFields();
        if (missing.Count > 0)
            throw new Common.RequestValidationException(missing.ToDictionary(m => m, m => new[] { RuleExtensions.Missing(m) }));
    }
}

/// <summary>A qualification record on the wire (search rows; every field of analysis §2.10 plus <c>username</c>).</summary>
public sealed record QualificationView
{
    /// <summary>Record id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Owner.</summary>
    public string Userid { get; init; } = "";
    /// <summary>Owner's login name.</summary>
    public string? Username { get; init; }
    /// <summary>Owner's org.</summary>
    public string Orgid { get; init; } = "";
    /// <summary>账号类型.</summary>
    public string AccountType { get; init; } = "";
    /// <summary>公司名称.</summary>
    public string? CompanyName { get; init; }
    /// <summary>执照号码.</summary>
    public string? LicenseNumber { get; init; }
    /// <summary>营业执照正本照片路径.</summary>
    public string? LicenseOriginalImg { get; init; }
    /// <summary>营业执照副本照片路径.</summary>
    public string? LicenseCopyImg { get; init; }
    /// <summary>办公地址.</summary>
    public string? OfficeAddress { get; init; }
    /// <summary>注册地址.</summary>
    public string? RegisteredAddress { get; init; }
    /// <summary>联系人姓名.</summary>
    public string? ContactName { get; init; }
    /// <summary>固定电话.</summary>
    public string? Telephone { get; init; }
    /// <summary>移动电话.</summary>
    public string? MobilePhone { get; init; }
    /// <summary>邮箱地址.</summary>
    public string? Email { get; init; }
    /// <summary>pending/approved/rejected.</summary>
    public string AuditStatus { get; init; } = "";
    /// <summary>驳回原因 (null unless rejected).</summary>
    public string? RejectReason { get; init; }
    /// <summary>Always "0".</summary>
    public string DelFlg { get; init; } = "0";
    /// <summary>Created (platform time).</summary>
    public DateTime CreateAt { get; init; }
    /// <summary>Last changed (platform time).</summary>
    public DateTime UpdateTime { get; init; }
    /// <summary>1-based row number.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("row_num_")]
    public int RowNum { get; init; }

    /// <summary>Maps an entity.</summary>
    public static QualificationView From(EnterpriseAuditInfo r, string? username, int rowNum) => new()
    {
        Id = r.Id, Userid = r.UserId, Username = username, Orgid = r.OrgId, AccountType = r.AccountType,
        CompanyName = r.CompanyName, LicenseNumber = r.LicenseNumber, LicenseOriginalImg = r.LicenseOriginalImg,
        LicenseCopyImg = r.LicenseCopyImg, OfficeAddress = r.OfficeAddress, RegisteredAddress = r.RegisteredAddress,
        ContactName = r.ContactName, Telephone = r.Telephone, MobilePhone = r.MobilePhone, Email = r.Email,
        AuditStatus = r.AuditStatus, RejectReason = r.RejectReason, DelFlg = r.DelFlg, CreateAt = r.CreateAt,
        UpdateTime = r.UpdateTime, RowNum = rowNum,
    };
}

/// <summary>Reply data of add/update: the record id and its audit state.</summary>
/// <param name="Id">Record id.</param>
/// <param name="AuditStatus">pending/approved/rejected.</param>
/// <param name="RejectReason">Reason (null unless rejected).</param>
public sealed record QualificationStateDto(string Id, string AuditStatus, string? RejectReason)
{
    /// <summary>Maps an entity.</summary>
    public static QualificationStateDto From(EnterpriseAuditInfo r) => new(r.Id, r.AuditStatus, r.RejectReason);
}
