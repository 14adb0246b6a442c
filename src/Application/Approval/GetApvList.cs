using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Approval;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E05 <c>POST /apv/get_apv_list.dspy</c> 获取审批列表: approval records, newest first. A user sees the records they
/// started; an operator or admin sees those of every org they may act on (narrowed by <c>orgid</c>, <c>user_id</c>,
/// <c>business_id</c>, <c>status</c>). Naming another user or org one may not see → 403.
/// spec: 13-approval.md; analysis/platform.md §3.1 E05, §7 #4.
/// </summary>
public sealed record GetApvList : ApvBodyRequest, IQuery<Reply<IReadOnlyList<ApprovalRecordView>>>
{
    /// <summary>Initiator (default: the caller; operators: any user of their orgs).</summary>
    public string? UserId { get; init; }
    /// <summary>Org filter (operators).</summary>
    public string? Orgid { get; init; }
    /// <summary>Business filter.</summary>
    public string? BusinessId { get; init; }
    /// <summary>Status filter: sending, running, agree, refuse, terminate, failed, unknown.</summary>
    public string? Status { get; init; }
}

public sealed class GetApvListValidator : AbstractValidator<GetApvList>
{
    public GetApvListValidator()
    {
        RuleFor(x => x.UserId).MaxChars(64);
        RuleFor(x => x.Orgid).MaxChars(64);
        RuleFor(x => x.BusinessId).MaxChars(64);
        RuleFor(x => x.Status).OneOf([ApprovalStatus.Sending, ApprovalStatus.Running, ApprovalStatus.Agree,
            ApprovalStatus.Refuse, ApprovalStatus.Terminate, ApprovalStatus.Failed, ApprovalStatus.Unknown]);
    }
}

public sealed class GetApvListHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
    : IQueryHandler<GetApvList, Reply<IReadOnlyList<ApprovalRecordView>>>
{
    public async ValueTask<Reply<IReadOnlyList<ApprovalRecordView>>> Handle(GetApvList q, CancellationToken ct)
    {
        var rows = db.ApprovalRecords.AsNoTracking();
        var manages = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator);
        if (manages)
        {
            if (q.Orgid.TrimmedOrNull() is { } org)
            {
                await orgs.EnsureCanActOnAsync(org, "无权查看该组织的审批", ct);
                rows = rows.Where(r => r.OrgId == org);
            }
            else if (await orgs.ScopeAsync(ct) is { } scope) rows = rows.Where(r => scope.Contains(r.OrgId));
            if (q.UserId.TrimmedOrNull() is { } userId) rows = rows.Where(r => r.UserId == userId);
        }
        else
        {
            var self = user.UserId ?? throw new UnauthenticatedException();
            if (q.UserId.TrimmedOrNull() is { } other && other != self) throw new ForbiddenException("无权查看他人的审批");
            if (q.Orgid.TrimmedOrNull() is { } org && org != user.OrgId) throw new ForbiddenException("无权查看该组织的审批");
            rows = rows.Where(r => r.UserId == self);
        }
        if (q.BusinessId.TrimmedOrNull() is { } business) rows = rows.Where(r => r.BusinessId == business);
        if (q.Status.TrimmedOrNull() is { } status) rows = rows.Where(r => r.Status == status);
        var list = await rows.OrderByDescending(r => r.CreateAt).ThenBy(r => r.Id).Take(1000).ToListAsync(ct);
        return Reply.Ok("success", (IReadOnlyList<ApprovalRecordView>)list.Select(ApprovalRecordView.From).ToList());
    }
}
