using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-20 <c>GET /capital/bandwidth_add_eip.dspy</c> 共享带宽添加EIP: CDS BandwidthAddEIP of a shared bandwidth
/// and EIPs the caller may all act on; <c>EIPIdList</c> is a JSON array (or comma list, §5.3). The EIPs then bill
/// through the bandwidth already paid (no charge). <c>data</c> = <c>{TaskId}</c>. spec: 26-capital-online-vpc.md.
/// </summary>
public sealed record BandwidthAddEip : ICommand<Reply<JsonObject>>
{
    /// <summary>Shared bandwidth id.</summary>
    [JsonPropertyName("BandwidthId")] public string? BandwidthId { get; init; }
    /// <summary>EIP ids (<c>["eip-1","eip-2"]</c>).</summary>
    [JsonPropertyName("EIPIdList")] public string? EipIdList { get; init; }
}

public sealed class BandwidthAddEipValidator : AbstractValidator<BandwidthAddEip>
{
    public BandwidthAddEipValidator()
    {
        RuleFor(x => x.BandwidthId).Id();
        RuleFor(x => x.EipIdList).IdList();
    }
}

public sealed class BandwidthAddEipHandler(CdsService cds) : ICommandHandler<BandwidthAddEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(BandwidthAddEip c, CancellationToken ct)
    {
        var bandwidth = await cds.LoadOwnedAsync(CdsResourceTypes.Bandwidth, c.BandwidthId, ct);
        var eips = await cds.LoadAllOwnedAsync(CdsResourceTypes.Eip, CdsListParam.Items(c.EipIdList), ct);
        return await cds.ChangeAsync(bandwidth, CdsActions.BandwidthAddEip, new JsonObject
        {
            ["BandwidthId"] = bandwidth.VendorId,
            ["EIPIdList"] = new JsonArray(eips.Select(e => (JsonNode)JsonValue.Create(e.VendorId!)).ToArray()),
        }, ct);
    }
}
