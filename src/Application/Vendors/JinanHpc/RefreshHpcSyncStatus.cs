using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// The Quartz job "HPC user sync status" (issue 15 item 4; Quartz name <c>HpcUserSyncStatus</c>, every 2 minutes):
/// settles purchases whose sync answer was lost (<c>sync_status</c> 3) and that have waited
/// <see cref="Grace"/>: the centre has the order → synced (and charged); it has none → failed (not charged, left for
/// after-sales); the centre unreachable → asked again next run. The bound account's <c>sync_status</c> follows.
/// At most 100 purchases a run. Answers how many it settled.
/// </summary>
public sealed record RefreshHpcSyncStatus(TimeSpan Grace) : ICommand<int>
{
    /// <summary>Five minutes' grace (longer than one attempt of the centre's API).</summary>
    public RefreshHpcSyncStatus() : this(TimeSpan.FromMinutes(5)) { }
}

public sealed class RefreshHpcSyncStatusHandler(IKbossDbContext db, IJinanHpcClient client, JinanHpcService hpc,
    TimeProvider clock) : ICommandHandler<RefreshHpcSyncStatus, int>
{
    public async ValueTask<int> Handle(RefreshHpcSyncStatus c, CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - c.Grace;
        var rows = await db.HpcSyncInfos.Where(s => s.SyncStatus == HpcSyncStates.Unknown && s.UpdateTime <= before)
            .OrderBy(s => s.UpdateTime).Take(100).ToListAsync(ct);
        var settled = 0;
        foreach (var row in rows)
        {
            VendorKey key;
            try
            {
                key = await hpc.OperatorKeyAsync(row.OperatorOrgId, ct);
            }
            catch (Common.BusinessException)
            {
                continue; // the operator removed its key: nothing can be asked
            }
            var found = await client.FindPurchaseAsync(key, row.Id, ct);
            if (!found.Success && found.ErrorKind != VendorErrorKind.NotFound) continue;
            var now = clock.GetUtcNow().UtcDateTime;
            if (found.Success) row.Synced(found.Data!.VendorRef, now);
            else row.Failed("济南超算无此购买记录,未同步");
            if (await hpc.BoundAsync(row.OrgId, ct) is { } account)
                account.SyncOutcome(row.SyncStatus, now);
            await db.SaveChangesAsync(ct);
            settled++;
        }
        return settled;
    }
}
