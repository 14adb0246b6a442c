using Kboss.Application.Common.Models;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Finance.Bills;
using Kboss.Application.Finance.Ledger;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.Application.Vendors.Charges;

/// <summary>
/// The outside-call kind of <see cref="VendorCharge"/> (ADR 0015, 0041): a charge that goes live captures its hold
/// into the BUY bill (once: the ledger's settle key and the bill key are unique); one that fails releases the hold.
/// The reconciler asks the charge's <see cref="IVendorChargeProbe"/>.
/// </summary>
public sealed class VendorChargeCalls(IKbossDbContext db, BalanceLedger ledger, BillService bills,
    IServiceProvider services) : IOutsideEffectKind<VendorCharge>
{
    /// <summary>Vendors in general, in messages that can't name one.</summary>
    public const string VendorName = "云厂商";

    public string Name => "vendor_charge";
    public string System => VendorName;
    public IQueryable<VendorCharge> Rows => db.VendorCharges;

    public async Task ReleaseAsync(VendorCharge row, CancellationToken ct)
    {
        if (row.Amount > 0) await ledger.ReleaseHoldAsync(row.HoldKey, ct);
    }

    public async Task AfterTransitionAsync(VendorCharge row, CancellationToken ct)
    {
        if (row.State != OutsideStates.Live || row.BillId is not null || row.Amount <= 0) return;
        var bill = await bills.CreatePurchaseBillFromHoldAsync(row.Line, row.HoldKey, row.BillKey, ct);
        row.Billed(bill.Bill.Id);
    }

    public Task<bool> ExistsAsync(VendorCharge row, CancellationToken ct) =>
        // resolved here: the probes include this kind's own (every outside kind is one), a cycle in the constructor
        (services.GetServices<IVendorChargeProbe>().FirstOrDefault(p => p.Name == row.Probe)
         ?? throw new OutsideCallException($"费用 {row.Id}: 没有核对方式 {row.Probe}", ErrorCodes.UpstreamFailed,
             outcomeUnknown: true)).HappenedAsync(row, ct);
}
