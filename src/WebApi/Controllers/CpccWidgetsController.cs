using Kboss.Application.Common.Models;
using Kboss.Application.Cpcc.Widgets;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// kboss容器云/算力部件(含计价)管理 and 购买页 (spec: 41-cpcc-widgets-pricing.md, 43-cpcc-purchase.md).
/// Management (list, writes): operators and admins of the centre's org; quote and GPU stock: public (purchase page).
/// </summary>
[Tags("kboss容器云/算力部件(含计价)管理")]
public sealed class CpccWidgetsController(IMediator mediator) : ControllerBase
{
    /// <summary>新增算力部件</summary>
    [LegacyPost("/dev/cpcc/cpcwidget/add_cpcwidget.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<WidgetEcho>> Add([FromLegacyParams] AddWidget c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>获取算力部件</summary>
    [LegacyGet("/dev/cpcc/cpcwidget/get_cpcwidget.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<Paged<WidgetRow>>> List([FromLegacyParams] ListWidgets q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>部件组合询价</summary>
    [LegacyGet("/dev/cpcc/cpcwidget/accrual_price.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<PriceQuote>> Quote([FromLegacyParams] QuoteWidgetPrice q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>更新算力部件单价</summary>
    [LegacyPost("/dev/cpcc/cpcwidget/update_cpcwidget.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<UpdatedWidgetPrice>> UpdatePrice([FromLegacyParams] UpdateWidgetPrice c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>移除算力部件</summary>
    [LegacyPost("/dev/cpcc/cpcwidget/delete_cpcwidget.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<DeletedWidget>> Delete([FromLegacyParams] DeleteWidget c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>获取站点GPU资源配置库存</summary>
    [LegacyGet("/dev/cpcc/cpcwidget/obtaining_gpuinfo.dspy")]
    [AllowAnonymous]
    [Tags("kboss容器云/购买页通用接口")]
    public ValueTask<Reply<IReadOnlyDictionary<string, long>>> GpuStock([FromLegacyParams] GetGpuStock q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取站点不可部署产品ID</summary>
    [LegacyGet("/dev/cpcc/cpcbuy/determine_accommodat.dspy")]
    [Tags("kboss容器云/购买页通用接口")]
    public ValueTask<Kboss.Application.Cpcc.Purchase.AccommodationReply> DetermineAccommodation(
        [FromLegacyParams] Kboss.Application.Cpcc.Purchase.DetermineAccommodation q, CancellationToken ct) => mediator.Send(q, ct);
}
