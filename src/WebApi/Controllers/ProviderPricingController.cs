using Kboss.Application.Common.Models;
using Kboss.Application.Finance.Pricing;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 供应商 pricing (spec 10-provider.md; finance.md §3.2, §4.5): unified discounts and prices of an operator org,
/// customers' discounts and prices proposed by sales and approved by operators, the discount in force. Writes of
/// unified values: operators; customer proposals and views: sales and operators of the customer's owner org.
/// </summary>
[Tags("供应商")]
public sealed class ProviderPricingController(IMediator mediator) : ControllerBase
{
    /// <summary>销售配置折扣底价审批接口</summary>
    [LegacyGet("/product/customer_product_config_approve_send.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<ProposalData>> Propose([FromLegacyParams] ProposeCustomerPrice c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>客户折扣底价审批 (kboss addition)</summary>
    [LegacyPost("/product/customer_product_config_approve.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<CountData>> Decide([FromLegacyParams] DecideCustomerPrice c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>运营配置统一普通折扣</summary>
    [LegacyGet("/product/discount_guanli_jia.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<CountData>> SetDiscount([FromLegacyParams] SetUnifiedDiscount c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>运营配置统一售价 (kboss addition)</summary>
    [LegacyGet("/product/shoujia_guanli_jia.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<CountData>> SetPrice([FromLegacyParams] SetUnifiedPrice c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>销售查看客户折扣底价</summary>
    [LegacyGet("/product/xiaoshou_kan_zhekou.dspy")]
    [Authorize(Policy = Policies.Sales)]
    public ValueTask<Reply<IReadOnlyList<CustomerPriceRow>>> CustomerPrices([FromLegacyParams] ListCustomerPrices q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>运营查询统一折扣配置</summary>
    [LegacyGet("/product/discount_guanli_cha.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<UnifiedDiscountRow>>> Discounts([FromLegacyParams] ListUnifiedDiscounts q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>运营查询统一售价配置</summary>
    [LegacyGet("/product/shoujia_guanli_cha.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<UnifiedPriceRow>>> Prices([FromLegacyParams] ListUnifiedPrices q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>供应商更新</summary>
    [LegacyGet("/provider/providerUpdate.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<ProviderKeys>> UpdateProvider([FromLegacyParams] UpdateProvider c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>供应商产品查询</summary>
    [LegacyGet("/product/provider_product_search.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<ProviderProductRow>>> ProviderProducts(
        [FromLegacyParams] SearchProviderProducts q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>百度云创建用户</summary>
    /// <remarks>kboss signs its own call to Baidu; the caller's <c>Authorization</c> is its kboss bearer token.
    /// </remarks>
    /// <param name="c">The account fields (Baidu's camelCase names).</param>
    /// <param name="host">Documented header of every HTTP request (the TypeScript client leaves it out).</param>
    /// <param name="contentType">Documented header of the JSON or form body (the client sets it itself).</param>
    /// <param name="ct">Cancellation.</param>
    [LegacyPost("/v1/vs/account")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<Application.Vendors.Baidu.BaiduAccountData>> CreateBaiduAccount(
        [FromLegacyParams] Application.Vendors.Baidu.CreateBaiduAccount c, [FromHeader(Name = "Host")] string? host,
        [FromHeader(Name = "Content-Type")] string? contentType, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>获取折扣</summary>
    [LegacyGet("/get_discount")]
    public ValueTask<Reply<DiscountView>> Discount([FromLegacyParams] GetDiscount q, CancellationToken ct) =>
        mediator.Send(q, ct);
}
