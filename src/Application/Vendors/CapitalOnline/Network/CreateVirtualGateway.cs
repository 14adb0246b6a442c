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
/// CDS-VPC-08 <c>GET /capital/create_virtual_gateway.dspy</c> 创建一个虚拟出网网关: CDS CreateVirtualGateWay in a live
/// VPC the caller may act on; the gateway belongs to the VPC's org. <c>data</c> = CDS's <c>Data</c>
/// (<c>{VirtualGateWayIdList, TaskIdList}</c>). spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record CreateVirtualGateway : ICommand<Reply<JsonObject>>
{
    /// <summary>VPC id.</summary>
    [JsonPropertyName("VPCId")] public string? VpcId { get; init; }
    /// <summary>Zone.</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
    /// <summary>Name.</summary>
    [JsonPropertyName("VirtualGateWayName")] public string? VirtualGateWayName { get; init; }
    /// <summary>CIDR.</summary>
    [JsonPropertyName("VirtualGateWaySegment")] public string? VirtualGateWaySegment { get; init; }
    /// <summary>带宽CODE (carrier, e.g. <c>Bandwidth_CMCC</c>).</summary>
    [JsonPropertyName("Type")] public string? Type { get; init; }
}

public sealed class CreateVirtualGatewayValidator : AbstractValidator<CreateVirtualGateway>
{
    public CreateVirtualGatewayValidator()
    {
        RuleFor(x => x.VpcId).Id();
        RuleFor(x => x.AvailableZoneCode).Id();
        RuleFor(x => x.VirtualGateWayName).Required().MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.VirtualGateWaySegment).Cidr();
        RuleFor(x => x.Type).Id();
    }
}

public sealed class CreateVirtualGatewayHandler(CdsService cds)
    : ICommandHandler<CreateVirtualGateway, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(CreateVirtualGateway c, CancellationToken ct)
    {
        var vpc = await cds.LoadOwnedAsync(CdsResourceTypes.Vpc, c.VpcId, ct);
        if (vpc.State != OutsideStates.Live) throw BusinessException.Conflict(CreateSubnetHandler.VpcNotReadyMessage);
        var key = await cds.KeyForAsync(vpc.OrgId, ct);
        var zone = c.AvailableZoneCode.Trimmed();
        var name = c.VirtualGateWayName.Trimmed();
        var body = new JsonObject
        {
            ["VPCId"] = vpc.VendorId,
            ["VirtualGateWayList"] = new JsonArray(new JsonObject
            {
                ["AvailableZoneCode"] = zone, ["VirtualGateWayName"] = name,
                ["VirtualGateWaySegment"] = c.VirtualGateWaySegment.Trimmed(), ["Type"] = c.Type.Trimmed(),
            }),
        };
        var row = cds.NewRow(CdsResourceTypes.VirtualGateway, vpc.OrgId, key, vpc.RegionCode, zone, name, vpc.VendorId);
        var answer = await cds.CreateAsync(row, key, CdsActions.CreateVirtualGateway, body,
            a => VendorJson.Strings(VendorJson.Get(a.Data, "VirtualGateWayIdList"), "VirtualGateWayId")
                .FirstOrDefault(), ct);
        return Reply.Ok(answer.Message ?? "创建成功", CdsReplies.WithTask(answer.Data!));
    }
}
