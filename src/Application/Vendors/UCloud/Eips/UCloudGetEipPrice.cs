using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Eips;

/// <summary>EIP purchase parameters shared by the price and the allocation (analysis/vendors.md §3.9 UC-H-06,
/// §3.11 UC-EIP-01).</summary>
public abstract record EipOrder
{
    /// <summary>Region (default: <c>Vendors:UCloud:DefaultRegion</c>, <c>cn-bj2</c>).</summary>
    [JsonPropertyName("Region")] public string? Region { get; init; }
    /// <summary><c>Bgp</c> / <c>International</c> / <c>BGPPro</c>.</summary>
    [JsonPropertyName("OperatorName")] public string? OperatorName { get; init; }
    /// <summary>Mbps.</summary>
    [JsonPropertyName("Bandwidth")] public string? Bandwidth { get; init; }
    /// <summary><c>Year</c> / <c>Month</c> / <c>Dynamic</c>.</summary>
    [JsonPropertyName("ChargeType")] public string? ChargeType { get; init; }
    /// <summary>Duration (default 1).</summary>
    [JsonPropertyName("Quantity")] public string? Quantity { get; init; }
    /// <summary><c>Bandwidth</c> / <c>Traffic</c> / <c>ShareBandwidth</c>.</summary>
    [JsonPropertyName("PayMode")] public string? PayMode { get; init; }

    /// <summary>The order's price parameters.</summary>
    public UCloudParams PriceParams(UCloudScope scope) => scope.Params(Region).With("OperatorName", OperatorName)
        .With("Bandwidth", Bandwidth).With("ChargeType", ChargeType).With("Quantity", Quantity ?? "1")
        .With("PayMode", PayMode);
}

/// <summary>Rules of <see cref="EipOrder"/>.</summary>
public static class EipOrderRules
{
    public static void Apply<T>(AbstractValidator<T> v) where T : EipOrder
    {
        v.RuleFor(x => x.Region).OptionalRegionCode();
        v.RuleFor(x => x.OperatorName).Required().OneOf(["Bgp", "International", "BGPPro"]);
        v.RuleFor(x => x.Bandwidth).Required().OptionalInt(1, 800);
        v.RuleFor(x => x.ChargeType).OneOf(["Year", "Month", "Dynamic"]);
        v.RuleFor(x => x.Quantity).OptionalInt(0, 60);
        v.RuleFor(x => x.PayMode).OneOf(["Bandwidth", "Traffic", "ShareBandwidth", "PostAccurateBandwidth"]);
    }
}

/// <summary>
/// UC-H-06 <c>GET /ucloud/get_eip_price.dspy</c> 获取eip价格: UCloud GetEIPPrice, every price as the customer's
/// (<see cref="UCloudPricing"/>). <c>data</c> = <c>{PriceSet:[{ChargeType, OriginalPrice, Price, PurchaseValue}]}</c>.
/// spec: 30-ucloud-hosts.md; analysis/vendors.md §3.9.
/// </summary>
public sealed record UCloudGetEipPrice : EipOrder, IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Customer whose price applies (default: the caller's org).</summary>
    [JsonPropertyName("user_orgid")] public string? Orgid { get; set; }
}

public sealed class UCloudGetEipPriceValidator : AbstractValidator<UCloudGetEipPrice>
{
    public UCloudGetEipPriceValidator() => EipOrderRules.Apply(this);
}

public sealed class UCloudGetEipPriceHandler(UCloudService ucloud, UCloudPricing pricing)
    : IQueryHandler<UCloudGetEipPrice, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(UCloudGetEipPrice q, CancellationToken ct)
    {
        var scope = await ucloud.ScopeAsync(q.Orgid!, ct);
        var data = await ucloud.CallAsync(scope, UCloudActions.GetEipPrice, q.PriceParams(scope), ct);
        return Reply.Ok("查询成功", await pricing.RepriceAsync(q.Orgid!, data, ct));
    }
}
