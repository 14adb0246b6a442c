using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Invoices;

/// <summary>A recharge record (finance.md §2.15) with its invoicing state.</summary>
/// <param name="Id">充值记录id: the ledger entry id.</param>
/// <param name="Amount">Amount recharged, 元.</param>
/// <param name="BusinessOp">RECHARGE, or the recharge bill's op (RECHARGE_ALIPAY).</param>
/// <param name="Source"><c>wechat</c> (WeChat Pay), <c>bill</c> (a recharge bill), <c>offline</c> (admin credit).</param>
/// <param name="BillDate">Platform date of the recharge.</param>
/// <param name="BillTimestamp">When it was credited.</param>
/// <param name="InvoiceState">0 not invoiced, 1 applying, 2 invoiced.</param>
/// <param name="InvoiceApplyId">The application holding it.</param>
public sealed record RechargeRecordRow(string Id, decimal Amount, string BusinessOp, string Source, DateOnly BillDate,
    DateTime BillTimestamp, string InvoiceState, string? InvoiceApplyId);

/// <summary>
/// The recharge records invoices are issued against (finance.md §2.15, §4.8; ADR 0034): a view over the balance ledger,
/// not a table — every credit of kind recharge (WeChat Pay, recharge bills) and every positive admin adjustment
/// (线下充值, an offline recharge entered through <c>balance_adjust</c>); the record id is the ledger entry id. Their
/// invoicing state comes from the live items of invoice applications.
/// </summary>
public sealed class RechargeRecords(IKbossDbContext db, IPlatformSettings platform)
{
    /// <summary>Source of a WeChat Pay recharge.</summary>
    public const string WeChat = "wechat";
    /// <summary>Source of a recharge bill.</summary>
    public const string BillSource = "bill";
    /// <summary>Source of an offline recharge (admin adjustment).</summary>
    public const string Offline = "offline";

    /// <summary>The recharge records of customer org <paramref name="customerId"/>.</summary>
    public IQueryable<LedgerEntry> Of(string customerId) => db.LedgerEntries.AsNoTracking()
        .Where(e => e.CustomerOrgId == customerId && e.Amount > 0
                    && (e.Kind == LedgerEntryKind.Recharge || e.Kind == LedgerEntryKind.Adjustment));

    /// <summary>The rows of <paramref name="entries"/>, in their order.</summary>
    public async Task<List<RechargeRecordRow>> RowsAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken ct)
    {
        var ids = entries.Select(e => e.Id).ToList();
        var refs = entries.Select(e => e.Reference).ToList();
        var ops = await db.Bills.AsNoTracking().Where(b => refs.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.BusinessOp, ct);
        var held = await (from i in db.InvoiceApplicationItems.AsNoTracking()
                          where i.Live && ids.Contains(i.RechargeId)
                          join a in db.InvoiceApplications.AsNoTracking() on i.ApplicationId equals a.Id
                          select new { i.RechargeId, a.Id, a.State }).ToDictionaryAsync(x => x.RechargeId, ct);
        return entries.Select(e =>
        {
            var source = e.Kind == LedgerEntryKind.Adjustment ? Offline : ops.ContainsKey(e.Reference) ? BillSource : WeChat;
            var app = held.GetValueOrDefault(e.Id);
            var state = app is null ? RechargeInvoiceStates.None
                : app.State == InvoiceApplicationStates.Approved ? RechargeInvoiceStates.Invoiced
                : RechargeInvoiceStates.Applying;
            var local = TimeZoneInfo.ConvertTimeFromUtc(e.CreateAt, platform.TimeZone);
            return new RechargeRecordRow(e.Id, e.Amount, ops.GetValueOrDefault(e.Reference) ?? BusinessOps.Recharge,
                source, DateOnly.FromDateTime(local), e.CreateAt, state, app?.Id);
        }).ToList();
    }

    /// <summary>Σ of the customer's records held by applications in <paramref name="state"/>, 元.</summary>
    public Task<decimal> HeldAsync(string customerId, string state, CancellationToken ct) =>
        (from i in db.InvoiceApplicationItems.AsNoTracking()
         where i.Live
         join a in db.InvoiceApplications.AsNoTracking() on i.ApplicationId equals a.Id
         where a.ClientId == customerId && a.State == state
         select i.Amount).SumAsync(ct);
}
