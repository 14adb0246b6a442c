using Kboss.Application.Common.Models;
using Kboss.Application.Finance.CpccLocalisation;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 供应商/算力中心本地化 (spec 11-provider-cpcc-localization.md; finance.md §3.3; ADR 0033): operators turn their
/// compute centres into providers and configure products per cluster; customers see them priced and buy an instance,
/// paid from their balance. The documented GETs that change state also accept POST.
/// </summary>
[Tags("供应商/算力中心本地化")]
public sealed class CpccProvidersController(IMediator mediator) : ControllerBase
{
    /// <summary>算力中心供应商列表</summary>
    [LegacyGet("/provider/get_cpcc_provider.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<CpccProviderRow>>> Providers([FromLegacyParams] ListCpccProviders q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>算力中心转供应商</summary>
    [LegacyGet("/provider/cpccProviderAdd.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<CpccProviderCreated>> Convert([FromLegacyParams] ConvertCpccToProvider c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>获取部件类型</summary>
    [LegacyGet("/provider/get_cpcc_widget.dspy")]
    [Authorize]
    public ValueTask<Reply<CpccWidgetTypes>> Widgets([FromLegacyParams] ListCpccWidgets q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>配置产品</summary>
    [LegacyGet("/provider/cpcc_product_add.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<CpccProductCreated>> AddProduct([FromLegacyParams] AddCpccProduct c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>客户查看产品</summary>
    [LegacyGet("/provider/cpcc_kehu_kan_chanpin.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<IReadOnlyList<CpccProductView>>> Products([FromLegacyParams] ViewCpccProducts q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>创建K8S实例</summary>
    [LegacyGet("/provider/create_cpcc_instance.dspy")]
    [Authorize]
    public ValueTask<Reply<CpccPurchaseReply>> Buy([FromLegacyParams] CreateCpccInstance c, CancellationToken ct) =>
        mediator.Send(c, ct);
}
