using Kboss.Application.Common.Models;
using Kboss.Application.Products.Marketplace;
using Kboss.Application.SmartProducts;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 智算产品 (spec: 24-smart-compute-products.md; analysis/catalog.md §3.6). <c>get_smart.dspy</c> serves two documented
/// actions by method: POST is the public customer list, GET the sales list. Changes: sales, operators and admins.
/// </summary>
[Tags("智算产品")]
public sealed class SmartProductsController(IMediator mediator) : ControllerBase
{
    /// <summary>客户展示智算产品</summary>
    [LegacyPost("/product_smart/get_smart.dspy")]
    [AllowAnonymous]
    public ValueTask<ListInMsgReply<SmartProductView>> ForCustomers([FromLegacyParams] GetSmartProducts q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>销售展示智算产品</summary>
    [HttpGet("/product_smart/get_smart.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<ListInMsgReply<SmartProductSalesView>> ForSales(CancellationToken ct) => mediator.Send(new GetSmartProductsForSales(), ct);

    /// <summary>销售修改智算产品</summary>
    [LegacyPost("/product_smart/up_smart.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<SmartProductSalesView>> Update([FromLegacyParams] UpdateSmartProduct c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>销售删除智算产品</summary>
    [LegacyPost("/product_smart/del_smart.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<IdData>> Delete([FromLegacyParams] DeleteSmartProduct c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>批量添加智算产品</summary>
    [LegacyPost("/product_smart/batch_add_zhisuan.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<BatchAddResult>> BatchAdd([FromLegacyParams] BatchAddSmartProducts c, CancellationToken ct) => mediator.Send(c, ct);
}
