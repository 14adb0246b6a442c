using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-27 <c>GET /capital/get_eip_price.dspy</c> 获取EIP价格: the price <c>user_orgid</c> (必填; an org the caller
/// may act on) pays for <c>size</c> EIPs of <c>qos</c> Mbps on line <c>bandwidthConfIdStr</c> in zone <c>siteId</c> —
/// monthly (<c>isMounth=1</c>) for <c>duration</c> months (default 1), else one cycle — the same quote create_eip
/// charges (<see cref="CdsNetworkPricing"/>; <c>isToMonth</c> is accepted, a partial month is not prorated). The
/// operator's cost is never shown (§6 #36). <c>data</c> = <c>{original_price, price, discount, unit}</c> (元).
/// spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6, §6 #2, #36.
/// </summary>
public sealed record GetEipPrice : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Customer org (必填).</summary>
    [JsonPropertyName("user_orgid")] public string? Orgid { get; set; }
    /// <summary>包月时长 (months, default 1).</summary>
    public string? Duration { get; init; }
    /// <summary>是否包月 0/1.</summary>
    [JsonPropertyName("isMounth")] public string? IsMounth { get; init; }
    /// <summary>EIP 数量.</summary>
    public string? Size { get; init; }
    /// <summary>Zone (AzId).</summary>
    [JsonPropertyName("siteId")] public string? SiteId { get; init; }
    /// <summary>线路类型 (from get_vpc_band_width).</summary>
    [JsonPropertyName("bandwidthConfIdStr")] public string? BandwidthConfIdStr { get; init; }
    /// <summary>带宽值 Mbps.</summary>
    public string? Qos { get; init; }
    /// <summary>包月是否到月底 0/1.</summary>
    [JsonPropertyName("isToMonth")] public string? IsToMonth { get; init; }
}

public sealed class GetEipPriceValidator : AbstractValidator<GetEipPrice>
{
    public GetEipPriceValidator()
    {
        RuleFor(x => x.Orgid).Required().MaxChars(CdsRules.IdMax);
        RuleFor(x => x.Duration).OptionalInt(1, 36);
        RuleFor(x => x.IsMounth).OneOf(["0", "1"]);
        RuleFor(x => x.IsToMonth).OneOf(["0", "1"]);
        RuleFor(x => x.Size).Required().OptionalInt(1, 100);
        RuleFor(x => x.SiteId).Id();
        RuleFor(x => x.BandwidthConfIdStr).Id();
        RuleFor(x => x.Qos).Required().OptionalInt(1, 10_000);
    }
}

public sealed class GetEipPriceHandler(CdsService cds, CdsNetworkPricing pricing)
    : IQueryHandler<GetEipPrice, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(GetEipPrice q, CancellationToken ct)
    {
        var key = await cds.KeyForAsync(q.Orgid!, ct);
        var monthly = q.IsMounth?.Trim() == "1";
        var cycles = monthly && int.TryParse(q.Duration, out var d) ? d : 1;
        var quote = await pricing.QuoteAsync(q.Orgid!, key, new CdsBandwidthSpec("", q.SiteId!.Trim(),
            q.BandwidthConfIdStr!.Trim(), monthly ? "BandwIdthMonth" : "BandwIdth", int.Parse(q.Qos!),
            int.Parse(q.Size!), cycles, true), ct);
        return Reply.Ok("查询成功", new JsonObject
        {
            ["original_price"] = quote.ListAmount, ["price"] = quote.Amount, ["discount"] = quote.Discount,
            ["unit"] = "元",
        });
    }
}
