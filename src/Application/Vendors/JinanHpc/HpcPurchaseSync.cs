using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>What one sync attempt came to.</summary>
/// <param name="Row">The purchase after the attempt.</param>
/// <param name="Done">True when it is synced (now or before).</param>
/// <param name="Message">Chinese outcome (the centre's message on a refusal).</param>
/// <param name="Code">Failure code, null when done.</param>
public sealed record HpcSyncOutcome(HpcSyncInfo Row, bool Done, string Message, string? Code);

/// <summary>HPC-02's and a purchase's answer.</summary>
public sealed record HpcSyncResult(string Syncinfoid, string SyncStatus, decimal? Amount);

/// <summary>
/// The paid sync of one Jinan HPC purchase (vendors.md §5.4 HPC-02 "provisions paid quota", key = <c>syncinfoid</c>):
/// the price is computed on the server (<see cref="HpcPurchasePricing"/>), the purchase is claimed (one attempt at
/// a time; a synced one answers without a call), the centre is called once outside any transaction with the
/// purchase's id as its order number, and the outcome is recorded: synced (charged), refused (not charged, left for
/// after-sales) or unknown (the sync-status job asks the centre). The account's <c>sync_status</c> follows.
/// </summary>
public sealed class HpcPurchaseSync(IKbossDbContext db, IJinanHpcClient client, JinanHpcService hpc,
    HpcPurchasePricing pricing, ICurrentUser user, TimeProvider clock)
{
    /// <summary>HPC-02 on a purchase already synced (analysis/vendors.md §3.1, proposed text).</summary>
    public const string AlreadySyncedMessage = "该购买信息已同步";
    /// <summary>A purchase whose sync is in flight or awaiting the centre's answer.</summary>
    public const string InFlightMessage = "该购买信息正在同步中,请稍后查询同步状态";

    /// <summary>Syncs <paramref name="row"/> (tracked) to <paramref name="account"/>.</summary>
    public async Task<HpcSyncOutcome> SyncAsync(HpcSyncInfo row, HpcAccount account, CancellationToken ct)
    {
        if (row.SyncStatus == HpcSyncStates.Synced) return new(row, true, AlreadySyncedMessage, null);
        if (row.SyncStatus == HpcSyncStates.Unknown) return new(row, false, InFlightMessage, ErrorCodes.Conflict);
        var key = await hpc.OperatorKeyAsync(row.OperatorOrgId, ct);
        var product = (await hpc.ProductsAsync(key, ct)).FirstOrDefault(p => p.ProductId == row.ProductId)
                      ?? throw BusinessException.NotFound("该产品已下架");
        var price = pricing.Price(product, row.Quantity).OrThrow();
        // the claim: one attempt at a time across requests and nodes
        var claimed = await db.HpcSyncInfos.Where(s => s.Id == row.Id
                && (s.SyncStatus == HpcSyncStates.NotSynced || s.SyncStatus == HpcSyncStates.Failed))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncStatus, HpcSyncStates.Unknown), ct);
        if (claimed == 0) return new(row, false, InFlightMessage, ErrorCodes.Conflict);
        row.Target(account, price.Amount);
        db.AuditEntries.Add(Audit.Entry(user, "hpc.purchase.sync", "hpc_sync_info", row.Id,
            new { orgid = row.OrgId, productid = row.ProductId, quantity = row.Quantity, amount = price.Amount,
                  ldapuid = account.LdapUid }));
        await db.SaveChangesAsync(ct);
        var answer = await client.SyncPurchaseAsync(key, new HpcPurchase(row.Id, row.OrgId, row.ProductId,
            row.Quantity, account.LdapUid, account.ClusterCode, account.QueueCode), CancellationToken.None);
        var now = clock.GetUtcNow().UtcDateTime;
        if (answer.Success)
        {
            row.Synced(answer.Data!.VendorRef, now);
            account.SyncOutcome(HpcSyncStates.Synced, now);
        }
        else if (answer.OutcomeUnknown) row.Lost(answer.Describe(JinanHpcService.System));
        else
        {
            row.Failed(answer.Describe(JinanHpcService.System));
            account.SyncOutcome(HpcSyncStates.Failed, now);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return answer.Success ? new(row, true, "同步成功", null)
            : new(row, false, row.LastError!, ErrorCodes.UpstreamFailed);
    }
}
