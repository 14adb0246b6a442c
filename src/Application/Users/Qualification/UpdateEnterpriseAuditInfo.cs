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
/// <c>GET /user/enterprise_audit_info_update.dspy</c> 资质更新 (analysis/catalog.md §3.3.3, §4.3): "1. 客户更新
/// 审批状态默认为待审 2. 运营更新 审批approved, 会把驳回原因reject_reason置空". The owner (a customer) edits and resubmits:
/// the record goes back to <c>pending</c> with the new data and its reason is cleared, whatever <c>audit_status</c>
/// it sends (only reviewers set approved/rejected; the document's example sends approved);
/// an operator of an org managing the owner's org approves (reason cleared), rejects (<c>reject_reason</c> required:
/// 请填写驳回原因), reopens (<c>pending</c>) or edits without changing the state. Decisions come from
/// <see cref="QualificationWorkflow"/>. Others get 403.
/// </summary>
public sealed record UpdateEnterpriseAuditInfo : ICommand<Reply<QualificationStateDto>>, IQualificationFields
{
    /// <summary>Record id (required).</summary>
    public string? Id { get; init; }
    /// <summary>Ignored (the record names its owner; the session decides the rights).</summary>
    public string? Userid { get; init; }
    /// <summary>pending/approved/rejected: a reviewer's decision; ignored when the owner resubmits.</summary>
    public string? AuditStatus { get; init; }
    /// <summary>驳回原因 (required with <c>audit_status=rejected</c>).</summary>
    public string? RejectReason { get; init; }
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
}

public sealed class UpdateEnterpriseAuditInfoValidator : AbstractValidator<UpdateEnterpriseAuditInfo>
{
    public UpdateEnterpriseAuditInfoValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(100);
        RuleFor(x => x.AuditStatus).OneOf(AuditStatuses.All);
        RuleFor(x => x.RejectReason).MaxChars(500);
        Include(new QualificationFieldsValidator());
    }
}

public sealed class UpdateEnterpriseAuditInfoHandler(IKbossDbContext db, MarketplaceAccess access, ICurrentUser user)
    : ICommandHandler<UpdateEnterpriseAuditInfo, Reply<QualificationStateDto>>
{
    public async ValueTask<Reply<QualificationStateDto>> Handle(UpdateEnterpriseAuditInfo c, CancellationToken ct)
    {
        var me = access.RequireUserId();
        var id = c.Id.Trimmed();
        var record = await db.EnterpriseAuditInfos.FirstOrDefaultAsync(r => r.Id == id, ct)
                     ?? throw BusinessException.NotFound("记录不存在");
        QualificationActor actor;
        if (access.IsOperator && await access.CanManageOrgAsync(record.OrgId, ct)) actor = QualificationActor.Operator;
        else if (record.UserId == me && !access.IsOperator) actor = QualificationActor.Customer;
        else throw new ForbiddenException("无权操作该资质");

        var action = QualificationWorkflow.Classify(actor, c.AuditStatus);
        var before = QualificationStateDto.From(record);
        record.Decide(actor, action, c.RejectReason).OrThrow();
        QualificationFieldsMapper.Apply(c, record);
        QualificationFieldsMapper.EnsureComplete(record);
        db.AuditEntries.Add(Audit.Entry(user, "qualification." + action.ToString().ToLowerInvariant(), "enterprise_audit_info", record.Id,
            new { actor = actor.ToString(), before, after = QualificationStateDto.From(record) }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("更新成功", QualificationStateDto.From(record));
    }
}
