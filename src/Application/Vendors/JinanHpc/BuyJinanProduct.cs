using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Finance.Ledger;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// <c>POST /hpc/jncs_buy_product.dspy</c> (not in the spec; the purchase HPC-01/02/10 presuppose, §6 #44): the org
/// <c>orgid</c> (default the caller's) buys <c>quantity</c> of the centre's product <c>productid</c>. A balance that
/// does not cover the price → <c>余额不足</c> (conflict), nothing recorded. When the org has a bound account the
/// purchase is recorded and synced and charged at once (<see cref="HpcPurchaseSync.BuyAsync"/>, "购买后自动同步"; the
/// price held with the record, so a balance spent meanwhile also leaves nothing); otherwise it is recorded and waits
/// for after-sales (HPC-02), and the reply says so; a centre refusal leaves it recorded for after-sales.
/// <c>idempotency_key</c> (ADR 0046 addendum): same key + same product and quantity → the purchase's current answer,
/// no second purchase; another product or quantity → conflict <c>幂等键已用于其他请求</c>; none → every call is a
/// purchase. <c>data</c> = <c>{syncinfoid, sync_status, amount}</c>.
/// </summary>
public sealed record BuyJinanProduct : ICommand<Reply<HpcSyncResult>>, IOrgScoped
{
    /// <summary>Buying org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>The centre's product id (HPC-11).</summary>
    public string? Productid { get; init; }
    /// <summary>Units, 1–10000.</summary>
    public string? Quantity { get; init; }
    /// <summary>Client's key of this purchase (≤ 64; same key + same request → the same purchase).</summary>
    public string? IdempotencyKey { get; init; }
}

public sealed class BuyJinanProductValidator : AbstractValidator<BuyJinanProduct>
{
    public BuyJinanProductValidator()
    {
        RuleFor(x => x.Productid).Required().MaxChars(HpcAccount.CodeLength);
        RuleFor(x => x.Quantity).Required().Must(q => int.TryParse(q?.Trim(), out var n) && n is >= 1 and <= 10000)
            .WithMessage("quantity必须是1到10000的整数");
        RuleFor(x => x.IdempotencyKey).MaxChars(VendorCharge.KeyLength);
    }
}

public sealed class BuyJinanProductHandler(IKbossDbContext db, ICurrentUser user, VendorKeys keys,
    JinanHpcService hpc, HpcPurchaseSync sync, HpcPurchasePricing pricing, BalanceLedger ledger)
    : ICommandHandler<BuyJinanProduct, Reply<HpcSyncResult>>
{
    /// <summary>The reply of a purchase waiting for an account.</summary>
    public const string WaitingMessage = "购买成功,请联系售后绑定超算账号后同步";

    /// <summary>
    /// The purchase id of key <paramref name="key"/> of <paramref name="orgId"/>: 21 characters of the nanoid
    /// alphabet from SHA-256, so a twin with the same key writes the same primary key (one purchase, no extra
    /// column) and keys of different orgs never meet.
    /// </summary>
    public static string PurchaseId(string orgId, string key) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"jncs_buy\n{orgId}\n{key}")))
            .Replace('+', '-').Replace('/', '_')[..21];

    public async ValueTask<Reply<HpcSyncResult>> Handle(BuyJinanProduct c, CancellationToken ct)
    {
        var orgId = c.Orgid!;
        var productId = c.Productid.Trimmed();
        var quantity = int.Parse(c.Quantity!.Trim(), CultureInfo.InvariantCulture);
        var clientKey = c.IdempotencyKey.TrimmedOrNull();
        var id = clientKey is null ? NanoId.New() : PurchaseId(orgId, clientKey);
        if (clientKey is not null && await StoredAsync(id, ct) is { } earlier)
            return Replay(earlier, productId, quantity);

        var key = await hpc.KeyForAsync(orgId, ct);
        var product = (await hpc.ProductsAsync(key, ct)).FirstOrDefault(p => p.ProductId == productId)
                      ?? throw RequestValidationException.For("productid", "产品不存在");
        var amount = pricing.Price(product, quantity).OrThrow().Amount;
        if (!await ledger.CoversAsync(orgId, amount, ct))
            throw BusinessException.Conflict(CustomerBalance.InsufficientMessage);
        var sales = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.SalemanId)
            .FirstOrDefaultAsync(ct);
        var row = new HpcSyncInfo
        {
            Id = id, OrgId = orgId, OperatorOrgId = await keys.OperatorOfAsync(orgId, ct), UserId = user.UserId ?? "",
            SalesUserId = sales, ProductId = product.ProductId, ProductName = product.ProductName, Quantity = quantity,
        };
        if (await hpc.BoundAsync(orgId, ct) is not { } account) return await RecordAsync(row, ct);

        var outcome = await sync.BuyAsync(row, account, key, product, ct);
        var stored = await StoredAsync(id, ct);
        if (stored is null) return Reply.Fail<HpcSyncResult>(outcome.Message, outcome.Code!, null); // nothing kept
        var result = Result(stored);
        return outcome.Done ? Reply.Ok("购买成功,已同步", result)
            : Reply.Fail($"购买已记录,同步未成功: {outcome.Message}", outcome.Code!, result);
    }

    /// <summary>Records a purchase that waits for an account; a twin with the same key answers the stored one.
    /// </summary>
    private async Task<Reply<HpcSyncResult>> RecordAsync(HpcSyncInfo row, CancellationToken ct)
    {
        db.HpcSyncInfos.Add(row);
        db.AuditEntries.Add(Audit.Entry(user, "hpc.purchase.created", "hpc_sync_info", row.Id,
            new { orgid = row.OrgId, productid = row.ProductId, quantity = row.Quantity }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.ClearChanges();
            return await StoredAsync(row.Id, ct) is { } twin
                ? Replay(twin, row.ProductId, row.Quantity)
                : throw BusinessException.Conflict(VendorCharges.InFlightMessage);
        }
        return Reply.Ok(WaitingMessage, new HpcSyncResult(row.Id, row.SyncStatus, null));
    }

    /// <summary>The answer to a repeated key: the purchase as it stands now.</summary>
    private static Reply<HpcSyncResult> Replay(HpcSyncInfo row, string productId, int quantity)
    {
        if (row.ProductId != productId || row.Quantity != quantity)
            throw BusinessException.Conflict(VendorCharges.KeyReusedMessage);
        var result = Result(row);
        return row.SyncStatus switch
        {
            HpcSyncStates.Synced => Reply.Ok("购买成功,已同步", result),
            HpcSyncStates.NotSynced => Reply.Ok(WaitingMessage, result),
            HpcSyncStates.Unknown => Reply.Fail(HpcPurchaseSync.InFlightMessage, ErrorCodes.Conflict, result),
            _ => Reply.Fail($"购买已记录,同步未成功: {row.LastError}", ErrorCodes.UpstreamFailed, result),
        };
    }

    private static HpcSyncResult Result(HpcSyncInfo row) => new(row.Id, row.SyncStatus, row.Amount);

    private Task<HpcSyncInfo?> StoredAsync(string id, CancellationToken ct) =>
        db.HpcSyncInfos.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
}
