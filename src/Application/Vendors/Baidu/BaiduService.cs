using System.Globalization;
using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Application.Finance.Bills;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>What one order sync did (BD-02 <c>data</c>).</summary>
/// <param name="Accounts">Baidu accounts read.</param>
/// <param name="Inserted">New local orders.</param>
/// <param name="Updated">Local orders whose fields changed.</param>
/// <param name="Settled">Refund confirmations or cancels whose unknown outcome the sync settled.</param>
/// <param name="Errors">Per account: <c>accountid: message</c>.</param>
public sealed record BaiduSyncCounts(int Accounts, int Inserted, int Updated, int Settled,
    IReadOnlyList<string> Errors);

/// <summary>
/// What the Baidu use cases share (analysis/vendors.md §3.3; ADR 0045): the operator's key, orders with their
/// ownership check (another org's order is 403 before any vendor call), the order sync (upsert by Baidu's order id,
/// never a duplicate; it also settles refund confirmations and cancels whose answer was lost) and the refund credit,
/// which moves money once per refund order whatever calls it (the refund action row and the bill's idempotency key).
/// </summary>
public sealed class BaiduService(IKbossDbContext db, VendorAccounts accounts, OrgAccess orgs, BillService bills,
    ICurrentUser user)
{
    /// <summary>The vendor's name in messages.</summary>
    public const string System = "百度云";
    /// <summary>An unknown order.</summary>
    public const string OrderNotFoundMessage = "订单不存在";
    /// <summary>Another org's order.</summary>
    public const string ForbiddenMessage = "无权操作该订单";
    /// <summary>A user without a Baidu account.</summary>
    public const string NotLinkedMessage = "该用户未开通百度云账号";
    /// <summary>Most pages one account's sync reads.</summary>
    private const int MaxPages = 100;

    /// <summary>The caller's (or its operator's) key for <paramref name="link"/>.</summary>
    public Task<VendorKey> KeyAsync(VendorAccount link, CancellationToken ct) =>
        accounts.OperatorKeyAsync(VendorCodes.Baidu, System, link.OperatorOrgId, ct);

    /// <summary>The order <paramref name="orderId"/> (tracked) after the ownership check.</summary>
    public async Task<BaiduOrder> LoadOrderAsync(string orderId, CancellationToken ct)
    {
        var order = await db.BaiduOrders.FirstOrDefaultAsync(o => o.OrderId == orderId, ct)
                    ?? throw BusinessException.NotFound(OrderNotFoundMessage);
        await orgs.EnsureCanActOnAsync(order.OrgId, ForbiddenMessage, ct);
        return order;
    }

    /// <summary>Pulls the orders of <paramref name="links"/> from Baidu and upserts them (no transaction is open
    /// during a vendor call; one short save per account).</summary>
    public async Task<BaiduSyncCounts> SyncAsync(IReadOnlyList<VendorAccount> links, CancellationToken ct)
    {
        int inserted = 0, updated = 0, settled = 0;
        var errors = new List<string>();
        foreach (var link in links)
        {
            VendorKey key;
            try
            {
                key = await KeyAsync(link, ct);
            }
            catch (BusinessException e)
            {
                errors.Add($"{link.VendorAccountId}: {e.Message}");
                continue;
            }
            var (items, error) = await ReadOrdersAsync(key, link.VendorAccountId, ct);
            if (error is not null) errors.Add($"{link.VendorAccountId}: {error}");
            var (i, u) = await UpsertAsync(link, items, ct);
            inserted += i;
            updated += u;
            settled += await SettleAsync(items.Select(OrderIdOf).OfType<string>().ToList(), ct);
        }
        return new BaiduSyncCounts(links.Count, inserted, updated, settled, errors);
    }

    /// <summary>Reads <paramref name="order"/> from Baidu again and saves what changed; returns Baidu's item (its
    /// <c>price</c> as sent), null when Baidu did not answer with it.</summary>
    public async Task<JsonNode?> RefreshAsync(VendorKey key, BaiduOrder order, CancellationToken ct)
    {
        var answer = await accounts.TryAsync(VendorCodes.Baidu, key,
            BaiduCalls.ListOrders(order.AccountId, 1, order.OrderId), ct);
        var item = VendorJson.Items(answer.Data, "orders")
            .FirstOrDefault(o => o is not null && OrderIdOf(o) == order.OrderId);
        if (item is not null) Apply(order, item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Credits the refund of <paramref name="refund"/> once (replays return the first bill).</summary>
    public async Task<BillMovement> CreditRefundAsync(BaiduOrder refund, BaiduOrderAction action, CancellationToken ct)
    {
        var origin = await db.BaiduOrders.FirstOrDefaultAsync(o => o.OrderId == refund.OriginOrderId, ct)
                     ?? throw BusinessException.Conflict(NotPaidHereMessage);
        if (origin.PayBillId is null
            && await db.VendorCharges.AsNoTracking().FirstOrDefaultAsync(x => x.Action == PayBaiduOrderHandler.Action
                && x.SubjectId == origin.OrderId && x.BillId != null, ct) is { } charge)
            origin.Charged(charge.Amount, charge.BillId!); // paid, its answer settled by the reconciler
        if (origin.PayBillId is null) throw BusinessException.Conflict(NotPaidHereMessage);
        var amount = RefundAmount(refund.Price, origin);
        await using var tx = await db.BeginTransactionAsync(ct);
        var movement = await bills.CreateRefundBillAsync(origin.PayBillId!, amount, $"baidu.refund:{refund.OrderId}",
            ct);
        refund.Refunded(movement.Bill.Id);
        action.Status = BaiduOrderAction.Done;
        action.Amount = amount;
        db.AuditEntries.Add(Audit.Entry(user, "baidu.order.refund_credited", "baidu_order", refund.OrderId,
            new { orgid = refund.OrgId, origin = origin.OrderId, amount, bill = movement.Bill.Id }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return movement;
    }

    /// <summary>The origin of a refund order was not charged through kboss.</summary>
    public const string NotPaidHereMessage = "原订单未通过平台支付,无法退款到余额";

    /// <summary>
    /// The part of what kboss charged for <paramref name="origin"/> that a refund of Baidu price
    /// <paramref name="refundPrice"/> gives back: charged × refund / origin price, to the 分, at most the charge.
    /// </summary>
    public static decimal RefundAmount(decimal refundPrice, BaiduOrder origin)
    {
        var charged = origin.ChargedAmount ?? 0m;
        if (origin.Price <= 0 || refundPrice >= origin.Price) return charged;
        return Math.Min(charged, Math.Round(charged * refundPrice / origin.Price, 2, MidpointRounding.AwayFromZero));
    }

    private async Task<(List<JsonNode> Items, string? Error)> ReadOrdersAsync(VendorKey key, string accountId,
        CancellationToken ct)
    {
        var items = new List<JsonNode>();
        for (var page = 1; page <= MaxPages; page++)
        {
            var answer = await accounts.TryAsync(VendorCodes.Baidu, key, BaiduCalls.ListOrders(accountId, page), ct);
            if (!answer.Success) return (items, answer.Describe(System));
            var orders = VendorJson.Items(answer.Data, "orders");
            items.AddRange(orders.OfType<JsonNode>());
            var total = VendorJson.Long(answer.Data, "totalCount") ?? 0;
            if (orders.Count == 0 || page * BaiduCalls.SyncPageSize >= total) break;
        }
        return (items, null);
    }

    private async Task<(int Inserted, int Updated)> UpsertAsync(VendorAccount link, List<JsonNode> items,
        CancellationToken ct)
    {
        var ids = items.Select(OrderIdOf).OfType<string>().Distinct().ToList();
        if (ids.Count == 0) return (0, 0);
        for (var attempt = 1; ; attempt++)
        {
            int inserted = 0, updated = 0;
            var existing = await db.BaiduOrders.Where(o => ids.Contains(o.OrderId))
                .ToDictionaryAsync(o => o.OrderId, ct);
            foreach (var item in items)
            {
                if (OrderIdOf(item) is not { } id
                    || (existing.TryGetValue(id, out var row) && row.AccountId != link.VendorAccountId))
                    continue;
                if (row is null)
                {
                    row = new BaiduOrder
                    {
                        OrderId = id, AccountId = link.VendorAccountId, OrgId = link.OrgId, UserId = link.UserId,
                        OperatorOrgId = link.OperatorOrgId,
                    };
                    db.BaiduOrders.Add(row);
                    existing[id] = row;
                    inserted++;
                    Apply(row, item);
                }
                else if (Apply(row, item)) updated++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return (inserted, updated);
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e) && attempt < 3)
            {
                db.ClearChanges(); // a parallel sync inserted the same order: read again
            }
        }
    }

    /// <summary>Settles pending refund confirmations and cancels of <paramref name="orderIds"/> by the status
    /// Baidu now reports.</summary>
    private async Task<int> SettleAsync(IReadOnlyList<string> orderIds, CancellationToken ct)
    {
        var pending = await db.BaiduOrderActions
            .Where(a => orderIds.Contains(a.OrderId) && a.Status == BaiduOrderAction.Pending).ToListAsync(ct);
        var settled = 0;
        foreach (var action in pending)
        {
            var order = await db.BaiduOrders.FirstAsync(o => o.OrderId == action.OrderId, ct);
            if (action.Action == BaiduOrderActions.RefundConfirm && order.Status == BaiduOrderStatuses.RefundSucceeded
                && order.RefundBillId is null)
            {
                try
                {
                    await CreditRefundAsync(order, action, ct);
                    settled++;
                }
                catch (BusinessException)
                {
                    db.ClearChanges(); // not creditable (origin not paid here): stays pending for an operator
                }
            }
            else if (action.Action == BaiduOrderActions.Cancel && order.Status == BaiduOrderStatuses.Cancelled)
            {
                action.Status = BaiduOrderAction.Done;
                await db.SaveChangesAsync(ct);
                settled++;
            }
        }
        return settled;
    }

    private static string? OrderIdOf(JsonNode item) => VendorJson.Str(item, "uuid", "orderId");

    private static bool Apply(BaiduOrder row, JsonNode item) => row.Apply(
        Clip(VendorJson.Str(item, "orderType", "type"), 32), Clip(VendorJson.Str(item, "serviceType"), 64),
        Clip(VendorJson.Str(item, "productType"), 16),
        decimal.TryParse(VendorJson.Str(item, "price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var p)
            ? Math.Round(p, 2) : 0m,
        Clip(VendorJson.Str(item, "status"), 32),
        VendorJson.Str(item, "autoRenewOrder", "autoRenew") is "true" or "1" ? "1" : "0",
        Clip(VendorJson.Str(item, "createTime"), 40), Clip(VendorJson.Str(item, "updateTime"), 40),
        VendorJson.Str(item, "originOrderId") is { Length: > 0 and <= 100 } origin ? origin : null);

    private static string Clip(string? s, int max) => s is null ? "" : s.Length > max ? s[..max] : s;
}
