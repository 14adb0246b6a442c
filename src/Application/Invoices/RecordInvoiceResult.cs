using FluentValidation;
using Kboss.Application.Approval;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Finance.Pricing;
using Kboss.Domain.Approval;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Invoices;

/// <summary>An application after INV-06.</summary>
/// <param name="Id">The application.</param>
/// <param name="ApvId">Its approval instance.</param>
/// <param name="State">0 审批中, 1 已开票, 2 已驳回, 3 发起审批失败.</param>
/// <param name="Amount">元.</param>
public sealed record InvoiceApplicationState(string Id, string? ApvId, string State, decimal Amount);

/// <summary>
/// INV-06 <c>POST /invoice/invoice_callback.dspy</c> 申请开票回调API (spec 19-invoice.md; finance.md §3.6 INV-06,
/// §6 #39, #45): records an approval result by hand — the DingTalk result arrives through the approval hub
/// (<see cref="InvoiceApprovalHandler"/>); this endpoint is for operators (an offline approval, a lost result). The
/// application is found by <c>apv_id</c>, else as the pending one of <c>client_id</c> holding exactly the records
/// <c>recharge_id</c> (<c>开票申请不存在</c>). <c>status</c> missing or <c>agree</c> → invoiced; <c>refuse</c>,
/// <c>terminate</c>, <c>revoke</c> → rejected, records free. The same result again changes nothing; a different one
/// on a final application → <c>该开票申请不在审批中</c>. Operators of the application's org, admins.
/// </summary>
public sealed record RecordInvoiceResult : ApvBodyRequest, ICommand<Reply<InvoiceApplicationState>>
{
    /// <summary>orgid (informational).</summary>
    public string? Orgid { get; init; }
    /// <summary>发起人 (informational).</summary>
    public string? Maker { get; init; }
    /// <summary>客户id.</summary>
    public string? ClientId { get; init; }
    /// <summary>充值记录id (JSON array or comma list).</summary>
    public string? RechargeId { get; init; }
    /// <summary>审批实例id (kboss addition; preferred).</summary>
    public string? ApvId { get; init; }
    /// <summary>agree (default), refuse, terminate, revoke.</summary>
    public string? Status { get; init; }
}

public sealed class RecordInvoiceResultValidator : AbstractValidator<RecordInvoiceResult>
{
    public RecordInvoiceResultValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(32);
        RuleFor(x => x.Maker).MaxChars(32);
        RuleFor(x => x.ClientId).MaxChars(32);
        RuleFor(x => x.RechargeId).MaxChars(32 * 200 + 1000);
        RuleFor(x => x.ApvId).MaxChars(64);
        RuleFor(x => x.Status).OneOf([ApprovalStatus.Agree, ApprovalStatus.Refuse, ApprovalStatus.Terminate, "revoke"]);
        RuleFor(x => x.ApvId)
            .Must((x, v) => !string.IsNullOrWhiteSpace(v)
                            || (!string.IsNullOrWhiteSpace(x.ClientId) && PricingParams.Ids(x.RechargeId).Count > 0))
            .WithMessage("apv_id或client_id与recharge_id不能为空");
    }
}

public sealed class RecordInvoiceResultHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs,
    InvoiceDecisions decisions) : ICommandHandler<RecordInvoiceResult, Reply<InvoiceApplicationState>>
{
    public async ValueTask<Reply<InvoiceApplicationState>> Handle(RecordInvoiceResult c, CancellationToken ct)
    {
        var app = await FindAsync(c, ct) ?? throw BusinessException.NotFound("开票申请不存在");
        await orgs.EnsureCanActOnAsync(app.OrgId, "无权处理该开票申请", ct);
        var approved = c.Status.TrimmedOrNull() is null or ApprovalStatus.Agree;
        var changed = await decisions.DecideAsync(app, approved, ct);
        if (changed)
        {
            db.AuditEntries.Add(Audit.Entry(user, "invoice.decided", "invoice_application", app.Id,
                new { app.ApvId, approved, source = "invoice_callback" }));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ClearChanges(); // decided meanwhile (the hub or a twin call): answer as a repeat
                app = await db.InvoiceApplications.AsNoTracking().FirstAsync(a => a.Id == app.Id, ct);
                changed = false;
            }
        }
        var wanted = approved ? InvoiceApplicationStates.Approved : InvoiceApplicationStates.Rejected;
        if (!changed && app.State != wanted) throw BusinessException.Conflict(InvoiceApplication.NotPendingMessage);
        if (changed) await decisions.NotifyAsync(app, ct);
        return Reply.Ok("操作成功", new InvoiceApplicationState(app.Id, app.ApvId, app.State, app.Amount));
    }

    private async Task<InvoiceApplication?> FindAsync(RecordInvoiceResult c, CancellationToken ct)
    {
        if (c.ApvId.TrimmedOrNull() is { } apvId)
            return await db.InvoiceApplications.FirstOrDefaultAsync(a => a.ApvId == apvId, ct);
        var client = c.ClientId.Trimmed();
        var ids = PricingParams.Ids(c.RechargeId).ToHashSet();
        var candidates = await (from a in db.InvoiceApplications.AsNoTracking()
                                where a.ClientId == client && a.State == InvoiceApplicationStates.InApproval
                                      && a.RecordCount == ids.Count
                                join i in db.InvoiceApplicationItems.AsNoTracking() on a.Id equals i.ApplicationId
                                where i.Live
                                select new { a.Id, i.RechargeId }).ToListAsync(ct);
        var id = candidates.GroupBy(x => x.Id).FirstOrDefault(g => g.Select(x => x.RechargeId).ToHashSet().SetEquals(ids))?.Key;
        return id is null ? null : await db.InvoiceApplications.FirstAsync(a => a.Id == id, ct);
    }
}
