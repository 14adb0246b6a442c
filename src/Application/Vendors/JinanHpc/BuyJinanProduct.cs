using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// <c>POST /hpc/jncs_buy_product.dspy</c> (not in the spec; the purchase HPC-01/02/10 presuppose, §6 #44): the org
/// <c>orgid</c> (default the caller's) buys <c>quantity</c> of the centre's product <c>productid</c>. The purchase
/// is recorded and, when the org has a bound account, synced and charged at once
/// (<see cref="HpcPurchaseSync"/>, "购买后自动同步"); otherwise, or when the centre refuses, it waits for
/// after-sales (HPC-02) and the reply says so. <c>data</c> = <c>{syncinfoid, sync_status, amount}</c>.
/// </summary>
public sealed record BuyJinanProduct : ICommand<Reply<HpcSyncResult>>, IOrgScoped
{
    /// <summary>Buying org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>The centre's product id (HPC-11).</summary>
    public string? Productid { get; init; }
    /// <summary>Units, 1–10000.</summary>
    public string? Quantity { get; init; }
}

public sealed class BuyJinanProductValidator : AbstractValidator<BuyJinanProduct>
{
    public BuyJinanProductValidator()
    {
        RuleFor(x => x.Productid).Required().MaxChars(HpcAccount.CodeLength);
        RuleFor(x => x.Quantity).Required().Must(q => int.TryParse(q?.Trim(), out var n) && n is >= 1 and <= 10000)
            .WithMessage("quantity必须是1到10000的整数");
    }
}

public sealed class BuyJinanProductHandler(IKbossDbContext db, ICurrentUser user, VendorKeys keys,
    JinanHpcService hpc, HpcPurchaseSync sync) : ICommandHandler<BuyJinanProduct, Reply<HpcSyncResult>>
{
    public async ValueTask<Reply<HpcSyncResult>> Handle(BuyJinanProduct c, CancellationToken ct)
    {
        var orgId = c.Orgid!;
        var key = await hpc.KeyForAsync(orgId, ct);
        var product = (await hpc.ProductsAsync(key, ct)).FirstOrDefault(p => p.ProductId == c.Productid.Trimmed())
                      ?? throw RequestValidationException.For("productid", "产品不存在");
        var sales = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => o.SalemanId)
            .FirstOrDefaultAsync(ct);
        var row = new HpcSyncInfo
        {
            OrgId = orgId, OperatorOrgId = await keys.OperatorOfAsync(orgId, ct), UserId = user.UserId ?? "",
            SalesUserId = sales, ProductId = product.ProductId, ProductName = product.ProductName,
            Quantity = int.Parse(c.Quantity!.Trim(), System.Globalization.CultureInfo.InvariantCulture),
        };
        db.HpcSyncInfos.Add(row);
        db.AuditEntries.Add(Audit.Entry(user, "hpc.purchase.created", "hpc_sync_info", row.Id,
            new { orgid = orgId, productid = row.ProductId, quantity = row.Quantity }));
        await db.SaveChangesAsync(ct);
        if (await hpc.BoundAsync(orgId, ct) is not { } account)
            return Reply.Ok("购买成功,请联系售后绑定超算账号后同步", new HpcSyncResult(row.Id, row.SyncStatus, null));
        var outcome = await sync.SyncAsync(row, account, ct);
        var result = new HpcSyncResult(row.Id, row.SyncStatus, row.Amount);
        return outcome.Done ? Reply.Ok("购买成功,已同步", result)
            : Reply.Fail($"购买已记录,同步未成功: {outcome.Message}", outcome.Code!, result);
    }
}
