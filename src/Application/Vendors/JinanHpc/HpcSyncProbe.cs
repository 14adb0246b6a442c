using System.Globalization;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// Settles the charge of a sync attempt whose answer was lost (ADR 0041, 0046) from the purchase, which the
/// sync-status job settles by asking the centre (one asker, so the money and the purchase never disagree): synced →
/// happened; failed, not synced or a later attempt started → did not; still unknown → undecided.
/// </summary>
public sealed class HpcSyncProbe(IKbossDbContext db) : IVendorChargeProbe
{
    /// <summary>The probe's name in <see cref="VendorCharge.Probe"/>.</summary>
    public const string ProbeName = "hpc_sync";

    public string Name => ProbeName;

    public async Task<bool> HappenedAsync(VendorCharge charge, CancellationToken ct)
    {
        var row = await db.HpcSyncInfos.AsNoTracking().FirstOrDefaultAsync(s => s.Id == charge.SubjectId, ct);
        if (row is null) return false;
        var attempt = int.Parse(charge.IdempotencyKey[(charge.IdempotencyKey.LastIndexOf(':') + 1)..],
            CultureInfo.InvariantCulture);
        if (row.Attempts != attempt) return false; // a later attempt starts only after this one failed
        return row.SyncStatus switch
        {
            HpcSyncStates.Synced => true,
            HpcSyncStates.Unknown => throw new OutsideCallException($"{JinanHpcService.System}: 购买 {row.Id} 同步结果待确认",
                ErrorCodes.UpstreamFailed, outcomeUnknown: true),
            _ => false,
        };
    }
}
