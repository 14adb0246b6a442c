using System.Globalization;
using System.Text.Json.Nodes;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Common;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>What is priced: <paramref name="Count"/> EIPs (or one bandwidth when <paramref name="WithAddress"/> is
/// false) of <paramref name="Qos"/> Mbps for <paramref name="Cycles"/> billing cycles.</summary>
public sealed record CdsBandwidthSpec(string Region, string Zone, string BandwidthType, string BillScheme, int Qos,
    int Count, int Cycles, bool WithAddress);

/// <summary>
/// Prices of EIPs and bandwidth (ADR 0041; analysis/vendors.md §3.6 CDS-VPC-27, §6 #42): CDS
/// <c>VPCBandWidthUnitPrice</c> gives per-cycle unit prices (<c>EIPPrice</c> per address, <c>BandwidthPrice</c> per
/// Mbps; <c>StdPrice</c> the list price, <c>Price</c> the operator's); one unit costs address + bandwidth × Qos, times
/// count and cycles; <see cref="VendorPricing"/> turns the list price into the customer's. A create charges its first
/// cycles (monthly: <c>duration</c> months; otherwise one cycle as CDS quotes it).
/// </summary>
public sealed class CdsNetworkPricing(CdsService cds, VendorPricing pricing)
{
    /// <summary>Product key of EIPs in <see cref="VendorProductOptions"/>.</summary>
    public const string EipProduct = "cds_eip";
    /// <summary>Product key of shared bandwidth.</summary>
    public const string BandwidthProduct = "cds_bandwidth";

    /// <summary>The customer's price of <paramref name="spec"/> (<c>upstream_failed</c> when CDS can't price
    /// it).</summary>
    public async Task<VendorQuote> QuoteAsync(string customerOrgId, VendorKey key, CdsBandwidthSpec spec,
        CancellationToken ct)
    {
        var answer = await cds.ReadAsync(key, CdsActions.BandwidthUnitPrice, new JsonObject
        {
            ["RegionCode"] = spec.Region, ["AvailableZoneCode"] = spec.Zone, ["BandwidthType"] = spec.BandwidthType,
            ["BillingScheme"] = spec.BillScheme, ["Qos"] = spec.Qos,
        }, ct);
        var address = VendorJson.Get(answer.Data, "EIPPrice");
        var bandwidth = VendorJson.Get(answer.Data, "BandwidthPrice");
        decimal Unit(string field) =>
            (spec.WithAddress ? Dec(address, field) : 0m) + Dec(bandwidth, field) * spec.Qos;
        var units = spec.Count * spec.Cycles;
        return await pricing.QuoteAsync(customerOrgId, spec.WithAddress ? EipProduct : BandwidthProduct,
            Unit("StdPrice") * units, Unit("Price") * units, spec.Count, ct, CdsService.System);
    }

    private static decimal Dec(JsonNode? price, string field) =>
        decimal.TryParse(VendorJson.Str(price, field), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new Common.BusinessException($"{CdsService.System}价格应答缺少{field}",
                Common.Models.ErrorCodes.UpstreamFailed);
}
