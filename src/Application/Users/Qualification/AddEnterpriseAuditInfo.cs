using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Kboss.Domain.Marketplace;
using Kboss.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Users.Qualification;

/// <summary>
/// <c>GET /user/enterprise_audit_info_add.dspy</c> 资质添加 (analysis/catalog.md §3.3.1, §4.3 Q1): a customer submits
/// its qualification, which starts <c>pending</c>; an operator may submit for a customer of an org it manages
/// (<c>userid</c>) and decide at once with <c>audit_status</c> (approved/rejected with <c>reject_reason</c>). A customer's
/// <c>audit_status</c>/<c>reject_reason</c> are ignored. <c>account_type</c>, <c>contact_name</c> and
/// <c>mobile_phone</c> are required, <c>company_name</c> and <c>license_number</c> too for 政府/企业. One live record
/// per user: a second add is a conflict (use update).
/// </summary>
public sealed record AddEnterpriseAuditInfo : ICommand<Reply<QualificationStateDto>>, IQualificationFields
{
    /// <summary>不是必填: the owner (operators: a user of an org they manage; default the caller).</summary>
    public string? Userid { get; init; }
    /// <inheritdoc />
    public string? AccountType { get; init; }
    /// <inheritdoc />
    public string? CompanyName { get; init; }
    /// <inheritdoc />
    public string? LicenseNumber { get; init; }
    /// <inheritdoc />
    public string? LicenseOriginalImg { get; init; }
    /// <inheritdoc />
    public string? LicenseCopyImg { get; init; }
    /// <inheritdoc />
    public string? OfficeAddress { get; init; }
    /// <inheritdoc />
    public string? RegisteredAddress { get; init; }
    /// <inheritdoc />
    public string? ContactName { get; init; }
    /// <inheritdoc />
    public string? Telephone { get; init; }
    /// <inheritdoc />
    public string? MobilePhone { get; init; }
    /// <inheritdoc />
    public string? Email { get; init; }
    /// <summary>审核状态:pending待审/approved通过/rejected拒绝 (operators only; ignored for customers).</summary>
    public string? AuditStatus { get; init; }
    /// <summary>驳回原因 (with <c>audit_status=rejected</c>, operators only).</summary>
    public string? RejectReason { get; init; }
    /// <summary>The doc's empty body object: accepted and ignored.</summary>
    public string? Body { get; init; }
}

public sealed class AddEnterpriseAuditInfoValidator : AbstractValidator<AddEnterpriseAuditInfo>
{
    public AddEnterpriseAuditInfoValidator()
    {
        RuleFor(x => x.AccountType).Required();
        RuleFor(x => x.Userid).MaxChars(100);
        RuleFor(x => x.AuditStatus).OneOf(AuditStatuses.All);
        RuleFor(x => x.RejectReason).MaxChars(500);
        Include(new QualificationFieldsValidator());
    }
}

public sealed class AddEnterpriseAuditInfoHandler(IKbossDbContext db, MarketplaceAccess access, ICurrentUser user)
    : ICommandHandler<AddEnterpriseAuditInfo, Reply<QualificationStateDto>>
{
    /// <summary>Conflict message: the user already has a live record.</summary>
    public const string AlreadySubmitted = "已提交资质信息,请勿重复提交";

    public async ValueTask<Reply<QualificationStateDto>> Handle(AddEnterpriseAuditInfo c, CancellationToken ct)
    {
        var owner = await QualificationAccess.ResolveOwnerAsync(db, access, c.Userid, ct);
        if (await db.EnterpriseAuditInfos.AnyAsync(r => r.UserId == owner.UserId, ct)) throw BusinessException.Conflict(AlreadySubmitted);

        var record = new EnterpriseAuditInfo { UserId = owner.UserId, OrgId = owner.OrgId };
        QualificationFieldsMapper.Apply(c, record);
        QualificationFieldsMapper.EnsureComplete(record);
        if (access.IsOperator && c.AuditStatus.TrimmedOrNull() is { } requested)
        {
            var action = QualificationWorkflow.Classify(QualificationActor.Operator, requested);
            record.Decide(QualificationActor.Operator, action, c.RejectReason).OrThrow();
        }
        db.EnterpriseAuditInfos.Add(record);
        db.AuditEntries.Add(Audit.Entry(user, "qualification.add", "enterprise_audit_info", record.Id,
            new { owner = record.UserId, record.AuditStatus }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(AlreadySubmitted);
        }
        return Reply.Ok("提交成功", QualificationStateDto.From(record));
    }
}

/// <summary>Rights on qualification records, shared by the three use cases.</summary>
public static class QualificationAccess
{
    /// <summary>The owner a request acts for: the caller, or (operators) a user of an org they manage.</summary>
    /// <exception cref="ForbiddenException">Another user the caller may not act for.</exception>
    /// <exception cref="BusinessException">not_found: the named user does not exist.</exception>
    public static async Task<(string UserId, string OrgId)> ResolveOwnerAsync(IKbossDbContext db, MarketplaceAccess access, string? userid, CancellationToken ct)
    {
        var me = access.RequireUserId();
        var target = MarketplaceValues.Clean(userid) ?? me;
        var org = await db.Users.AsNoTracking().Where(u => u.Id == target).Select(u => u.OrgId).FirstOrDefaultAsync(ct);
        if (target == me) return (me, org ?? throw new UnauthenticatedException());
        if (!access.IsOperator) throw new ForbiddenException("无权操作其他用户的资质");
        if (org is null) throw BusinessException.NotFound("用户不存在");
        if (!await access.CanManageOrgAsync(org, ct)) throw new ForbiddenException("无权操作其他用户的资质");
        return (target, org);
    }
}
