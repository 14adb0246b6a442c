using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-26 <c>GET /capital/get_vpc_band_width.dspy</c> 获取线路类型: the carrier (line) types of zone
/// <c>siteId</c> (the AzId of the region list) and their billing schemes, from CDS VPCBandWidthBillingScheme (§6 #42;
/// the console API named by the spec is not public). <c>data</c> = <c>{Data: [{id, name, BillingSchemeList}]}</c>;
/// <c>id</c> is what get_eip_price takes as <c>bandwidthConfIdStr</c> and create_eip as <c>BandwidthType</c>.
/// spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record GetVpcBandWidth : IQuery<Reply<JsonObject>>
{
    /// <summary>地域接口中返回的AzId (zone code).</summary>
    [JsonPropertyName("siteId")] public string? SiteId { get; init; }
}

public sealed class GetVpcBandWidthValidator : AbstractValidator<GetVpcBandWidth>
{
    public GetVpcBandWidthValidator() => RuleFor(x => x.SiteId).Id();
}

public sealed class GetVpcBandWidthHandler(CdsService cds, ICurrentUser user)
    : IQueryHandler<GetVpcBandWidth, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(GetVpcBandWidth q, CancellationToken ct)
    {
        var key = await cds.KeyForAsync(user.OrgId ?? "", ct);
        var answer = await cds.ReadAsync(key, CdsActions.BandwidthBillingScheme,
            new JsonObject { ["AvailableZoneCode"] = q.SiteId!.Trim() }, ct);
        var items = (answer.Data as JsonArray ?? VendorJson.Items(answer.Data, "Data") as IEnumerable<JsonNode?>)
            .Select(t => (JsonNode)new JsonObject
            {
                ["id"] = VendorJson.Str(t, "BandwidthType"), ["name"] = VendorJson.Str(t, "BandwidthTypeName"),
                ["BillingSchemeList"] = VendorJson.Get(t, "BillingSchemeList")?.DeepClone() ?? new JsonArray(),
            }).ToArray();
        return Reply.Ok("查询成功", new JsonObject { ["Data"] = new JsonArray(items) });
    }
}
