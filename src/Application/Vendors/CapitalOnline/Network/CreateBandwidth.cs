using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-17 <c>GET /capital/create_bandwidth.dspy</c> 创建一个共享带宽 — billable like create_eip: <c>Qos</c> Mbps
/// for one cycle priced on the server and charged through <see cref="VendorCharges"/> (CDS CreateBandwidth once;
/// a lost answer is found again by <c>Name</c>). Owned by <c>orgid</c> (not documented, §6 #23: default the
/// caller's); <c>NETID</c> (edge nodes), when given, must be the caller's subnet. <c>data</c> =
/// <c>{Data:[{BandwidthId}], TaskId, order_id, billid, amount}</c>. spec: 26-capital-online-vpc.md; §3.6, §5.4.
/// </summary>
public sealed record CreateBandwidth : ICommand<Reply<JsonObject>>, IOrgScoped, ICdsPaidRequest
{
    /// <summary>Owner org (not documented; default the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Region.</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary>Name (also how a lost create is found again).</summary>
    [JsonPropertyName("Name")] public string? Name { get; init; }
    /// <summary>Zone.</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
    /// <summary>Carrier type.</summary>
    [JsonPropertyName("BandwidthType")] public string? BandwidthType { get; init; }
    /// <summary><c>BandwIdth_Shared</c> fixed or <c>Traffic_Shared</c> by traffic.</summary>
    [JsonPropertyName("BillScheme")] public string? BillScheme { get; init; }
    /// <summary>Mbps (1…10000).</summary>
    [JsonPropertyName("Qos")] public string? Qos { get; init; }
    /// <summary>子网ID, edge nodes only.</summary>
    [JsonPropertyName("NETID")] public string? Netid { get; init; }
    /// <inheritdoc />
    public string? IdempotencyKey { get; init; }
    /// <inheritdoc />
    public string? Amount { get; init; }
}

public sealed class CreateBandwidthValidator : AbstractValidator<CreateBandwidth>
{
    public CreateBandwidthValidator()
    {
        RuleFor(x => x.RegionCode).Id();
        RuleFor(x => x.Name).Required().MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.AvailableZoneCode).Id();
        RuleFor(x => x.BandwidthType).Id();
        RuleFor(x => x.BillScheme).Required().OneOf(["BandwIdth_Shared", "Traffic_Shared"]);
        RuleFor(x => x.Qos).Required().OptionalInt(1, 10_000);
        RuleFor(x => x.Netid).MaxChars(CdsRules.IdMax);
        CdsPaid.Rules(this);
    }
}

public sealed class CreateBandwidthHandler(CdsService cds, CdsNetworkPricing pricing, VendorCharges charges,
    CdsResourceCalls kind) : ICommandHandler<CreateBandwidth, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(CreateBandwidth c, CancellationToken ct)
    {
        if (c.Netid.TrimmedOrNull() is { } net) await cds.LoadOwnedAsync(CdsResourceTypes.Subnet, net, ct);
        var key = await cds.KeyForAsync(c.Orgid!, ct);
        var (region, zone, scheme, qos) =
            (c.RegionCode.Trimmed(), c.AvailableZoneCode.Trimmed(), c.BillScheme.Trimmed(), int.Parse(c.Qos!));
        var body = new JsonObject
        {
            ["RegionCode"] = region, ["Name"] = c.Name.Trimmed(), ["AvailableZoneCode"] = zone,
            ["BandwidthType"] = c.BandwidthType.Trimmed(), ["BillScheme"] = scheme, ["Qos"] = qos,
        };
        if (c.Netid.TrimmedOrNull() is { } netId) body["NETID"] = netId;
        var quote = await pricing.QuoteAsync(c.Orgid!, key,
            new CdsBandwidthSpec(region, zone, c.BandwidthType.Trimmed(), scheme, qos, 1, 1, false), ct);
        var row = cds.NewRow(CdsResourceTypes.Bandwidth, c.Orgid!, key, region, zone, c.Name.Trimmed());
        var charged = await charges.RunAsync(new VendorChargeRequest(c.Orgid!, c.IdempotencyKey,
            "cds.create_bandwidth", body, quote.Amount, quote.Line(1), VendorChargeSubject.Creating(kind, row),
            CdsPaid.Shown(c)), async t =>
            {
                var answer = await cds.CreateAsync(row, key, CdsActions.CreateBandwidth, body,
                    a => VendorJson.Strings(a.Data, "BandwidthId").FirstOrDefault(), t);
                return new VendorChargeDone(CdsReplies.WithTask(answer.Data!), answer.Message ?? "创建成功",
                    row.VendorId);
            }, ct);
        return Reply.Ok(charged.Message, CdsReplies.Charged(charged));
    }
}
