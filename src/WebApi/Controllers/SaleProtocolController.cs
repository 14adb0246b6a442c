using Kboss.Application.Common.Models;
using Kboss.Application.Products.Marketplace;
using Kboss.Application.Products.Protocols;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 协议接口 (spec: 12-sale-protocol.md; analysis/catalog.md §3.7). Writes: operators and admins acting on one of the
/// parties; search: any logged-in user, scoped to the protocols of its orgs.
/// </summary>
[Tags("协议接口")]
public sealed class SaleProtocolController(IMediator mediator) : ControllerBase
{
    /// <summary>协议添加</summary>
    [LegacyGet("/product/sale_protocol_add.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> Add([FromLegacyParams] AddSaleProtocol c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>协议查找</summary>
    [LegacyGet("/product/sale_protocol_search.dspy")]
    public ValueTask<Reply<IReadOnlyList<SaleProtocolView>>> Search([FromLegacyParams] SearchSaleProtocols q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>协议删除</summary>
    [LegacyGet("/product/sale_protocol_delete.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IdData>> Delete([FromLegacyParams] DeleteSaleProtocol c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>协议更新</summary>
    [LegacyGet("/product/sale_protocol_update.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<SaleProtocolView>> Update([FromLegacyParams] UpdateSaleProtocol c, CancellationToken ct) => mediator.Send(c, ct);
}
