using Kboss.Application.Approval;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Messages;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Invoices;

/// <summary>
/// The one way an invoice application is decided (finance.md §4.8 rule 7), used by the approval hub's result handler
/// and by INV-06: approved → its records are invoiced; refused → its records are free again; a final application is
/// left as it is. Then the applicant is told through <see cref="SendMessage"/> (type <see cref="MsgType"/>).
/// </summary>
public sealed class InvoiceDecisions(IKbossDbContext db, IMediator mediator)
{
    /// <summary>Message type (template code) of the result notification.</summary>
    public const string MsgType = "开票审批结果";

    /// <summary>Decides the tracked <paramref name="app"/>; false when it was already final (nothing changed).</summary>
    public async Task<bool> DecideAsync(InvoiceApplication app, bool approved, CancellationToken ct)
    {
        if (!app.IsPending) return false;
        app.Decide(approved).OrThrow();
        if (!approved)
            foreach (var item in await db.InvoiceApplicationItems.Where(i => i.ApplicationId == app.Id && i.Live)
                         .ToListAsync(ct))
                item.Release();
        return true;
    }

    /// <summary>Tells the applicant the result (saves, with whatever the unit of work holds).</summary>
    public async Task NotifyAsync(InvoiceApplication app, CancellationToken ct) =>
        await mediator.Send(new SendMessage(MsgType, "开票申请审批结果",
            "您提交的开票申请(金额${amount}元,充值记录${count}条)审批$result。",
            new Dictionary<string, string>
            {
                ["amount"] = app.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                ["count"] = app.RecordCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["result"] = app.State == InvoiceApplicationStates.Approved ? "已通过" : "未通过",
            }) { ReceiverId = app.UserId }, ct);
}

/// <summary>
/// The approval hub's result handler of business <see cref="Business"/> (ADR 0026, 0034): finds the application by
/// its id (the request's reference) or <c>apv_id</c> and decides it through <see cref="InvoiceDecisions"/>; the same
/// result delivered any number of times changes it once and notifies once.
/// </summary>
public sealed class InvoiceApprovalHandler(IKbossDbContext db, InvoiceDecisions decisions) : IApprovalResultHandler
{
    /// <summary>The business code (<c>business_name</c>) invoice approvals are sent under.</summary>
    public const string Business = "申请开票";

    /// <inheritdoc />
    public string BusinessCode => Business;

    /// <inheritdoc />
    public async Task HandleAsync(ApprovalResult result, CancellationToken ct)
    {
        var app = await db.InvoiceApplications
            .FirstOrDefaultAsync(a => a.Id == result.ReferenceId || a.ApvId == result.ApvId, ct);
        if (app is not null && await decisions.DecideAsync(app, result.Approved, ct))
            await decisions.NotifyAsync(app, ct);
    }
}
