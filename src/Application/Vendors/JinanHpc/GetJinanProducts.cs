using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>A product as HPC-11 shows it: <c>price</c> is the caller's sale price per unit (元).</summary>
public sealed record HpcProductView(string Productid, string Productname, string? Spec, decimal Price, string? Unit);

/// <summary>
/// HPC-11 <c>GET /hpc/jncs_get_product.dspy</c> 获取所有产品: the centre's products (the <c>productid</c> values of
/// a purchase and of HPC-02), fetched with the caller's operator's key, each priced by
/// <see cref="HpcPurchasePricing"/> (the price the purchase charges). spec: 09-jinan-hpc.md; vendors.md §3.1.
/// </summary>
public sealed record GetJinanProducts : IQuery<Reply<IReadOnlyList<HpcProductView>>>;

public sealed class GetJinanProductsHandler(ICurrentUser user, JinanHpcService hpc, HpcPurchasePricing pricing)
    : IQueryHandler<GetJinanProducts, Reply<IReadOnlyList<HpcProductView>>>
{
    public async ValueTask<Reply<IReadOnlyList<HpcProductView>>> Handle(GetJinanProducts q, CancellationToken ct)
    {
        var orgId = user.OrgId ?? throw new UnauthenticatedException();
        var products = await hpc.ProductsAsync(await hpc.KeyForAsync(orgId, ct), ct);
        return Reply.Ok("查询成功", (IReadOnlyList<HpcProductView>)products.Select(p =>
            new HpcProductView(p.ProductId, p.ProductName, p.Spec, pricing.Price(p, 1).OrThrow().Amount, p.Unit))
            .ToList());
    }
}
