using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// PRV-09 <c>GET /get_discount</c> 获取折扣 (spec 10-provider.md; finance.md §3.2, §4.5, §6 #22): the discount (or, for
/// floor-price products, the unit price) in force for a customer org and a product, and its source
/// (<c>customer</c> approved configuration, <c>unified</c>, <c>default</c>). Customer org: <c>user_orgid</c>, else the
/// org of <c>userid</c>, else the caller's; the caller must be able to act on it (403). <c>prefix</c> and
/// <c>servicetype</c> are accepted; <c>productid</c> names the product.
/// </summary>
public sealed record GetDiscount : IQuery<Reply<DiscountView>>
{
    /// <summary>供应商id.</summary>
    public string? Providerid { get; init; }
    /// <summary>用户id.</summary>
    public string? Userid { get; init; }
    /// <summary>产品id.</summary>
    public string? Productid { get; init; }
    /// <summary>供应商前缀 (accepted, unused: no vendor-specific logic yet).</summary>
    public string? Prefix { get; init; }
    /// <summary>供应商自带的产品pid (accepted; <c>productid</c> wins).</summary>
    public string? Servicetype { get; init; }
    /// <summary>用户orgid.</summary>
    public string? UserOrgid { get; init; }
}

/// <summary>The answer of <see cref="GetDiscount"/>.</summary>
/// <param name="Discount">Discount in force (discount/rebate products; 1 when none), null for floor-price products.</param>
/// <param name="Price">Unit price in force (floor-price products; null: list price).</param>
/// <param name="Source"><c>customer</c>, <c>unified</c> or <c>default</c>.</param>
/// <param name="Salemode">Product sale mode.</param>
/// <param name="UserOrgid">Customer org priced.</param>
public sealed record DiscountView(decimal? Discount, decimal? Price, string Source, string Salemode, string UserOrgid);

public sealed class GetDiscountValidator : AbstractValidator<GetDiscount>
{
    public GetDiscountValidator()
    {
        RuleFor(x => x.Providerid).Required().MaxChars(32);
        RuleFor(x => x.Productid).Required().MaxChars(32);
        RuleFor(x => x.Userid).MaxChars(32);
        RuleFor(x => x.UserOrgid).MaxChars(32);
        RuleFor(x => x.Prefix).MaxChars(50);
        RuleFor(x => x.Servicetype).MaxChars(100);
    }
}

public sealed class GetDiscountHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs, PriceResolver prices)
    : IQueryHandler<GetDiscount, Reply<DiscountView>>
{
    public async ValueTask<Reply<DiscountView>> Handle(GetDiscount q, CancellationToken ct)
    {
        var customer = q.UserOrgid.TrimmedOrNull();
        if (customer is null && q.Userid.TrimmedOrNull() is { } userId)
            customer = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrgId)
                .FirstOrDefaultAsync(ct) ?? throw BusinessException.NotFound("用户不存在");
        customer ??= user.OrgId ?? throw new UnauthenticatedException();
        if (!await orgs.CanActOnAsync(customer, ct)) throw new ForbiddenException("无权查看该用户的折扣");
        var product = await prices.ProductAsync(q.Providerid.Trimmed(), q.Productid.Trimmed(), ct);
        var rate = SalePricing.Effective(await prices.LayersAsync(customer, product, ct));
        var byUnit = SalePricing.IsPricedByUnit(product.SaleMode);
        return Reply.Ok("查询成功", new DiscountView(byUnit ? null : rate.Value ?? 1m, byUnit ? rate.Value : null,
            rate.Source, product.SaleMode, customer));
    }
}
