using Kboss.Application.Common.Models;
using Kboss.Application.Resellers;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 分销商 (spec 16-reseller.md; finance.md §3.4, §4.7; ADR 0034): seller→reseller discount / floor / rebate rows,
/// white-label info served by domain, reseller users, deletion, sales. Pricing and deletion: operators; white-label,
/// users and sales: resellers too; the domain lookup: anyone.
/// </summary>
[Tags("分销商")]
public sealed class ResellersController(IMediator mediator) : ControllerBase
{
    /// <summary>分销商折扣底价更新</summary>
    [LegacyGet("/product/xiaoshou_gai_zhekou_dijia.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<ResellerPriceSet>> SetPrices([FromLegacyParams] SetResellerPrices c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>分销商产品折扣配置查</summary>
    [LegacyGet("/product/reseller_discount_config_get.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<ResellerPriceRow>>> Prices([FromLegacyParams] ListResellerPrices q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>分销商折扣底价删除</summary>
    [LegacyGet("/product/discount_guanli_shan.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<string>> DeletePrice([FromLegacyParams] DeleteResellerPrice c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>分销商独立信息添加</summary>
    [LegacyGet("/reseller/independent_info_add.dspy")]
    [Authorize(Policy = Policies.Reseller)]
    public ValueTask<Reply<ResellerInfoView>> SetInfo([FromLegacyParams] SetResellerInfo c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>查找logo_ipc信息</summary>
    [LegacyGet("/reseller/get_ipc_logo.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<ResellerInfoView>> Brand([FromLegacyParams] GetResellerBrand q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>分销商添加用户</summary>
    [LegacyGet("/reseller/reseller_add_user.dspy")]
    [Authorize(Policy = Policies.Reseller)]
    public ValueTask<Reply<ResellerUserView>> AddUser([FromLegacyParams] AddResellerUser c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>分销商删除</summary>
    [LegacyGet("/reseller/reseller_org_delete.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<ResellerDeleted>> Delete([FromLegacyParams] DeleteReseller c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>分销商销售额查看</summary>
    [LegacyGet("/reseller/reseller_analysis.dspy")]
    [Authorize(Policy = Policies.Reseller)]
    public ValueTask<Reply<ResellerSales>> Sales([FromLegacyParams] GetResellerSales q, CancellationToken ct) =>
        mediator.Send(q, ct);
}
