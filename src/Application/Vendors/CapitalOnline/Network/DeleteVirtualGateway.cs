using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-09 <c>GET /capital/delete_virtual_gateway.dspy</c> 删除一个虚拟出网网关: CDS DeleteVirtualGateWay of a
/// gateway the caller may act on (403 / 资源不存在 otherwise); already being deleted → success without a second
/// call. <c>data</c> = <c>{TaskId}</c>. spec: 26-capital-online-vpc.md.
/// </summary>
public sealed record DeleteVirtualGateway : ICommand<Reply<JsonObject>>
{
    /// <summary>Gateway id.</summary>
    [JsonPropertyName("VirtualGateWayId")] public string? VirtualGateWayId { get; init; }
}

public sealed class DeleteVirtualGatewayValidator : AbstractValidator<DeleteVirtualGateway>
{
    public DeleteVirtualGatewayValidator() => RuleFor(x => x.VirtualGateWayId).Id();
}

public sealed class DeleteVirtualGatewayHandler(CdsService cds)
    : ICommandHandler<DeleteVirtualGateway, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DeleteVirtualGateway c, CancellationToken ct) =>
        await cds.DeleteOwnedAsync(CdsResourceTypes.VirtualGateway, c.VirtualGateWayId, CdsActions.DeleteVirtualGateway, "VirtualGateWayId", ct);
}
