using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-24 <c>GET /capital/eip_batch_bind_and_reserve_ip.dspy</c> 保留IP并绑定EIP (edge nodes): CDS
/// ReserveIPAndBindEIP. <c>Ips</c> (a JSON array of <c>{NetId, AddressList, EIPList, Description}</c>) wins; without
/// it one element is built from <c>NetId</c>/<c>AddressList</c>/<c>EIPList</c>/<c>Description</c> (§6 #29). Every
/// NetId must be a virtual gateway the caller may act on and every EIP address one of its EIPs (403 / 资源不存在);
/// <c>AddressList</c> and <c>EIPList</c> have equal lengths. <c>data</c> = <c>{TaskId}</c>. spec: 26; §3.6.
/// </summary>
public sealed record EipBatchBindAndReserveIp : ICommand<Reply<JsonObject>>
{
    /// <summary>Zone.</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
    /// <summary>JSON array of <c>{NetId, AddressList, EIPList, Description}</c>.</summary>
    [JsonPropertyName("Ips")] public string? Ips { get; init; }
    /// <summary>Virtual gateway id (without <c>Ips</c>).</summary>
    [JsonPropertyName("NetId")] public string? NetId { get; init; }
    /// <summary>Gateway IPs (without <c>Ips</c>).</summary>
    [JsonPropertyName("AddressList")] public string? AddressList { get; init; }
    /// <summary>EIP addresses (without <c>Ips</c>).</summary>
    [JsonPropertyName("EIPList")] public string? EipList { get; init; }
    /// <summary>Description (without <c>Ips</c>).</summary>
    [JsonPropertyName("Description")] public string? Description { get; init; }

    /// <summary>The <c>Ips</c> items, or null when they are malformed.</summary>
    internal IReadOnlyList<(string NetId, IReadOnlyList<string> Addresses, IReadOnlyList<string> Eips, string Text)>?
        Items()
    {
        if (Ips.TrimmedOrNull() is not { } raw)
            return VendorJson.ParseList(AddressList) is { } a && VendorJson.ParseList(EipList) is { } e
                ? [(NetId.Trimmed(), a, e, Description.Trimmed())] : null;
        try
        {
            if (VendorJson.ParseInput(raw) is not JsonArray array) return null;
            var items = array.Select(i => (NetId: VendorJson.Str(i, "NetId") ?? "",
                Addresses: VendorJson.Strings(VendorJson.Get(i, "AddressList")),
                Eips: VendorJson.Strings(VendorJson.Get(i, "EIPList")), Text: VendorJson.Str(i, "Description") ?? ""))
                .ToList();
            return items.Count > 0 ? items.Select(i => (i.NetId, (IReadOnlyList<string>)i.Addresses,
                (IReadOnlyList<string>)i.Eips, i.Text)).ToList() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed class EipBatchBindAndReserveIpValidator : AbstractValidator<EipBatchBindAndReserveIp>
{
    public EipBatchBindAndReserveIpValidator()
    {
        RuleFor(x => x.AvailableZoneCode).Id();
        RuleFor(x => x.Ips).MaxChars(20_000);
        RuleFor(x => x.NetId).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.Description).MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.Ips).Must((x, _) => x.Items() is { } items && items.All(i => i.NetId.Length is > 0 and <= 64
                && i.Addresses.Count is > 0 and <= CdsListParam.MaxItems && i.Addresses.Count == i.Eips.Count
                && i.Text.Length is > 0 and <= CdsRules.NameMax && !i.Text.Any(char.IsControl)))
            .WithMessage("Ips(或NetId、AddressList、EIPList、Description)不完整,AddressList与EIPList数量须一致");
    }
}

public sealed class EipBatchBindAndReserveIpHandler(CdsService cds)
    : ICommandHandler<EipBatchBindAndReserveIp, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(EipBatchBindAndReserveIp c, CancellationToken ct)
    {
        var items = c.Items()!;
        var gateways = new List<CdsResource>();
        foreach (var netId in items.Select(i => i.NetId).Distinct())
            gateways.Add(await cds.LoadOwnedAsync(CdsResourceTypes.VirtualGateway, netId, ct));
        var owned = await cds.DescribeAsync(CdsQuery.Of(CdsKinds.Eip, gateways[0].OrgId, gateways[0].RegionCode), ct);
        var addresses = VendorJson.Items(owned, "EIPList").Select(e => VendorJson.Str(e, "IP")).OfType<string>()
            .ToHashSet();
        if (items.SelectMany(i => i.Eips).FirstOrDefault(ip => !addresses.Contains(ip)) is { } foreign)
            throw new ForbiddenException($"{CdsService.ForbiddenMessage}: {foreign}");
        var body = new JsonObject
        {
            ["AvailableZoneCode"] = c.AvailableZoneCode.Trimmed(),
            ["Ips"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
            {
                ["NetId"] = i.NetId, ["Description"] = i.Text,
                ["AddressList"] = new JsonArray(i.Addresses.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
                ["EIPList"] = new JsonArray(i.Eips.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
            }).ToArray()),
        };
        return await cds.ChangeAsync(gateways[0], CdsActions.ReserveIpAndBindEip, body, ct);
    }
}
