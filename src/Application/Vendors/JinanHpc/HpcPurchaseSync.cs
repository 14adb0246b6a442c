using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>What one sync attempt came to.</summary>
/// <param name="Done">True when it is synced (now or before).</param>
/// <param name="Message">Chinese outcome (the centre's message on a refusal).</param>
/// <param name="Code">Failure code, null when done.</param>
public sealed record HpcSyncOutcome(bool Done, string Message, string? Code);

/// <summary>HPC-02's and a purchase's answer.</summary>
/// <param name="Syncinfoid">The purchase.</param>
/// <param name="SyncStatus">Its <see cref="HpcSyncStates"/>.</param>
/// <param name="Amount">The sale amount of its (last) sync, 元; charged once synced.</param>
public sealed record HpcSyncResult(string Syncinfoid, string SyncStatus, decimal? Amount);

/// <summary>
/// The paid sync of one Jinan HPC purchase (vendors.md §5.4 HPC-02 "provisions paid quota", key = <c>syncinfoid</c>)
/// on <see cref="VendorCharges"/> (ADR 0041): the price is computed on the server (<see cref="HpcPurchasePricing"/>);
/// the purchase is claimed (one attempt at a time; a synced one answers without a call or a charge); the attempt is
/// one charge (key <c>hpc-sync:{syncinfoid}:{attempt}</c>: the price held, the centre called once outside any
/// transaction with the purchase's id as its order number); synced → the hold becomes the BUY bill; refused → released,
/// left for after-sales; lost answer → held, the sync-status job asks the centre and <see cref="HpcSyncProbe"/> lets
/// the charge follow. The account's <c>sync_status</c> follows.
/// </summary>
public sealed class HpcPurchaseSync(IKbossDbContext db, IJinanHpcClient client, JinanHpcService hpc,
    HpcPurchasePricing pricing, VendorCharges charges, ICurrentUser user, TimeProvider clock)
{
    /// <summary>HPC-02 on a purchase already synced (analysis/vendors.md §3.1, proposed text).</summary>
    public const string AlreadySyncedMessage = "该购买信息已同步";
    /// <summary>A purchase whose sync is in flight or awaiting the centre's answer.</summary>
    public const string InFlightMessage = "该购买信息正在同步中,请稍后查询同步状态";
    /// <summary>The charge action.</summary>
    public const string Action = "hpc.sync_purchase";

    /// <summary>The idempotency key of attempt <paramref name="attempt"/> of purchase <paramref name="id"/>.</summary>
    public static string KeyOf(string id, int attempt) => $"hpc-sync:{id}:{attempt}";

    /// <summary>Syncs <paramref name="row"/> (tracked) to <paramref name="account"/>.</summary>
    public async Task<HpcSyncOutcome> SyncAsync(HpcSyncInfo row, HpcAccount account, CancellationToken ct)
    {
        if (row.SyncStatus == HpcSyncStates.Synced) return new(true, AlreadySyncedMessage, null);
        if (row.SyncStatus == HpcSyncStates.Unknown) return new(false, InFlightMessage, ErrorCodes.Conflict);
        var key = await hpc.OperatorKeyAsync(row.OperatorOrgId, ct);
        var product = (await hpc.ProductsAsync(key, ct)).FirstOrDefault(p => p.ProductId == row.ProductId)
                      ?? throw BusinessException.NotFound("该产品已下架");
        var price = pricing.Price(product, row.Quantity).OrThrow();
        var attempts = row.Attempts;
        var claimed = await db.HpcSyncInfos.Where(s => s.Id == row.Id && s.Attempts == attempts
                && (s.SyncStatus == HpcSyncStates.NotSynced || s.SyncStatus == HpcSyncStates.Failed))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncStatus, HpcSyncStates.Unknown)
                .SetProperty(s => s.Attempts, attempts + 1), ct);
        if (claimed == 0) return new(false, InFlightMessage, ErrorCodes.Conflict);
        row.Target(account, price.Amount);
        await db.SaveChangesAsync(ct);

        var (outcome, called) = await ChargeAsync(row, account, key, product, null, ct);
        if (!outcome.Done && !called) // refused before the centre was asked (balance, a twin): the attempt is over
        {
            row.Failed(outcome.Message); // the reply's view; the tracker may have been cleared, so write directly
            await db.HpcSyncInfos.Where(s => s.Id == row.Id && s.SyncStatus == HpcSyncStates.Unknown)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncStatus, HpcSyncStates.Failed)
                    .SetProperty(s => s.LastError, row.LastError), CancellationToken.None);
        }
        return outcome;
    }

    /// <summary>
    /// Records the new purchase <paramref name="row"/> (not saved yet) and syncs it to <paramref name="account"/> at
    /// once ("购买后自动同步"): the row is written already claimed (attempt 1) in the charge's reserve transaction, so
    /// a short balance (余额不足) or a twin with the same id leaves no purchase behind — the reply says so and
    /// nothing is recorded.
    /// </summary>
    /// <param name="row">The purchase, unsaved.</param>
    /// <param name="account">The org's bound account.</param>
    /// <param name="key">The operator's key.</param>
    /// <param name="product">The centre's product as just read.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<HpcSyncOutcome> BuyAsync(HpcSyncInfo row, HpcAccount account, VendorKey key, HpcProduct product,
        CancellationToken ct)
    {
        row.Target(account, pricing.Price(product, row.Quantity).OrThrow().Amount);
        return (await ChargeAsync(row, account, key, product, _ =>
        {
            db.HpcSyncInfos.Add(row);
            db.AuditEntries.Add(Audit.Entry(user, "hpc.purchase.created", "hpc_sync_info", row.Id,
                new { orgid = row.OrgId, productid = row.ProductId, quantity = row.Quantity }));
            return Task.CompletedTask;
        }, ct)).Outcome;
    }

    /// <summary>The charge of the claimed attempt <see cref="HpcSyncInfo.Attempts"/> of <paramref name="row"/>;
    /// <c>Called</c> says whether the centre was asked.</summary>
    private async Task<(HpcSyncOutcome Outcome, bool Called)> ChargeAsync(HpcSyncInfo row, HpcAccount account,
        VendorKey key, HpcProduct product, Func<CancellationToken, Task>? reserve, CancellationToken ct)
    {
        var purchase = new HpcPurchase(row.Id, row.OrgId, row.ProductId, row.Quantity, account.LdapUid,
            account.ClusterCode, account.QueueCode);
        var parameters = new JsonObject
        {
            ["syncinfoid"] = row.Id, ["productid"] = row.ProductId, ["quantity"] = row.Quantity,
            ["ldapuid"] = account.LdapUid, ["clustercode"] = account.ClusterCode, ["queuecode"] = account.QueueCode,
        };
        var called = false;
        try
        {
            await charges.RunAsync(new VendorChargeRequest(row.OrgId, KeyOf(row.Id, row.Attempts), Action,
                    parameters, row.Amount ?? 0m, new VendorChargeLine(ProductId: row.ProductId,
                        ListAmount: product.Price * row.Quantity, Quantity: row.Quantity),
                    new VendorChargeSubject(HpcSyncProbe.ProbeName, row.Id)),
                async _ =>
                {
                    called = true;
                    return await CallAsync(row, account, key, purchase);
                }, ct, reserve);
            return (new(true, "同步成功", null), called);
        }
        catch (Exception e) when (e is BusinessException or OutsideCallException)
        {
            return (new(false, e.Message, (e as BusinessException)?.Code ?? ErrorCodes.UpstreamFailed), called);
        }
    }

    /// <summary>The centre's call; the purchase records the outcome before the charge settles.</summary>
    private async Task<VendorChargeDone> CallAsync(HpcSyncInfo row, HpcAccount account, VendorKey key,
        HpcPurchase purchase)
    {
        var answer = await client.SyncPurchaseAsync(key, purchase, CancellationToken.None);
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
        db.AuditEntries.Add(Audit.Entry(user, "hpc.purchase.sync", "hpc_sync_info", row.Id, new
        {
            orgid = row.OrgId, productid = row.ProductId, quantity = row.Quantity, amount = row.Amount,
            ldapuid = account.LdapUid, sync_status = row.SyncStatus,
        }));
        await db.SaveChangesAsync(CancellationToken.None);
        if (!answer.Success) throw answer.ToOutsideCall(JinanHpcService.System);
        return new VendorChargeDone(new JsonObject { ["syncinfoid"] = row.Id, ["ref"] = row.VendorRef }, "同步成功",
            row.VendorRef);
    }
}
