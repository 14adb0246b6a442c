using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Approval;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Settlement;

/// <summary>
/// STL-04 <c>POST /provider_settle/apv_callback_provider_settle.dspy</c> 供应商自动结算-审批回调API (spec 17;
/// finance.md §3.5): applies the result of approval <c>apv_id</c> to its settlement. Results normally arrive
/// in-process (<see cref="SettlementApprovalHandler"/>); this endpoint is the manual replay an operator of the
/// settlement's org may call, and it is authenticated twice: the caller must be signed in with rights on the org, and
/// the result must be the one DingTalk reported (the approval record, filled from DingTalk's signed event or the
/// reconciler, has that final status) — a body can never decide an approval. Idempotent: a settled or rejected
/// settlement answers success unchanged. <c>status</c>: <c>agree</c>, <c>refuse</c>, <c>reject</c>,
/// <c>terminate</c>, <c>revoke</c>.
/// </summary>
public sealed record ApplySettlementResult : SettlementRequest, ICommand<Reply<SettlementRow>>
{
    /// <summary>审批实例id.</summary>
    public string? ApvId { get; init; }
    /// <summary>审批结果.</summary>
    public string? Status { get; init; }
}

public sealed class ApplySettlementResultValidator : AbstractValidator<ApplySettlementResult>
{
    public ApplySettlementResultValidator()
    {
        RuleFor(x => x.ApvId).Required().MaxChars(64);
        RuleFor(x => x.Status).Required()
            .OneOf([ProviderSettlement.AgreeStatus, .. ProviderSettlement.RejectStatuses])
            .WithMessage(ProviderSettlement.StatusMessage);
    }
}

public sealed class ApplySettlementResultHandler(IKbossDbContext db, SettlementBills bills, OrgAccess orgs,
    ICurrentUser user, TimeProvider clock) : ICommandHandler<ApplySettlementResult, Reply<SettlementRow>>
{
    /// <summary>The body's result is not what DingTalk reported (yet).</summary>
    public const string NotReportedMessage = "审批结果与钉钉记录不一致";

    public async ValueTask<Reply<SettlementRow>> Handle(ApplySettlementResult c, CancellationToken ct)
    {
        var (apvId, status) = (c.ApvId.Trimmed(), c.Status.Trimmed());
        await using var tx = await db.BeginTransactionAsync(ct);
        var settlement = await db.ProviderSettlements.FirstOrDefaultAsync(s => s.ApvId == apvId, ct)
                         ?? throw BusinessException.NotFound(SettlementSubmitter.NotFoundMessage);
        await orgs.EnsureCanActOnAsync(settlement.OrgId, "无权操作该结算单", ct);
        var reported = await db.ApprovalRecords.AsNoTracking()
            .Where(r => r.ApvId == apvId && r.OrgId == settlement.OrgId).Select(r => r.Status).FirstOrDefaultAsync(ct);
        var agreed = reported == ApprovalStatus.Agree;
        var refused = reported is ApprovalStatus.Refuse or ApprovalStatus.Terminate;
        if (!(status == ProviderSettlement.AgreeStatus ? agreed : refused))
            throw BusinessException.Conflict(NotReportedMessage);
        var changed = (await SettlementResults.ApplyAsync(db, bills, settlement, status,
            clock.GetUtcNow().UtcDateTime, ct)).OrThrow();
        if (changed)
            db.AuditEntries.Add(Audit.Entry(user, "finance.settlement.result", "provider_settlement", settlement.Id,
                new { apv_id = apvId, status }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Reply.Ok(SettlementMessages.Done, new SettlementRow
        {
            Id = settlement.Id, Providerid = settlement.ProviderId, StartDate = settlement.StartDate,
            EndDate = settlement.EndDate, BillCount = settlement.BillCount, TotalAmount = settlement.TotalAmount,
            SettleAmount = settlement.SettleAmount, State = settlement.State, ApvId = settlement.ApvId,
        });
    }
}
