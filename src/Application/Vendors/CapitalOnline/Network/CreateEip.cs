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
/// CDS-VPC-11 <c>GET /capital/create_eip.dspy</c> 创建一个EIP — billable: priced on the server
/// (<see cref="CdsNetworkPricing"/>: <c>Size</c> EIPs of <c>Qos</c> Mbps for one cycle, <c>duration</c> months for
/// <c>BandwIdthMonth</c>) and charged through <see cref="VendorCharges"/> (hold → CDS CreateEIP once → BUY bill;
/// refused → released; no answer → held until the reconciler finds the EIPs by <c>Description</c>). Owned by
/// <c>orgid</c> (default the caller's); one ownership row per EIP. <c>AvailableZoneId</c> is sent as CDS's
/// <c>AvailableZoneCode</c> (§6 #26). <c>data</c> = <c>{Data:[{EIPId, IP}], TaskId, order_id, billid, amount}</c>.
/// Failures: 余额不足 / 价格已变化,请刷新 / 幂等键已用于其他请求 (conflict), CDS's message (upstream_failed).
/// spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6, §5.4.
/// </summary>
public sealed record CreateEip : ICommand<Reply<JsonObject>>, IOrgScoped, ICdsPaidRequest
{
    /// <summary>Owner org (default the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Region.</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary>Zone (CDS <c>AvailableZoneCode</c>).</summary>
    [JsonPropertyName("AvailableZoneId")] public string? AvailableZoneId { get; init; }
    /// <summary>带宽类型 (carrier, from get_vpc_band_width).</summary>
    [JsonPropertyName("BandwidthType")] public string? BandwidthType { get; init; }
    /// <summary><c>BandwIdth</c> 固定带宽, <c>BandwIdthMonth</c> 固定带宽包月, <c>Traffic</c> 流量按需.</summary>
    [JsonPropertyName("BillScheme")] public string? BillScheme { get; init; }
    /// <summary>带宽大小 Mbps (1…10000).</summary>
    [JsonPropertyName("Qos")] public string? Qos { get; init; }
    /// <summary>创建个数 (1…100).</summary>
    [JsonPropertyName("Size")] public string? Size { get; init; }
    /// <summary>Description (also how a lost create is found again).</summary>
    [JsonPropertyName("Description")] public string? Description { get; init; }
    /// <summary>测试金Id (vendor trial-fund subject).</summary>
    [JsonPropertyName("SubjectId")] public string? SubjectId { get; init; }
    /// <summary>Months for <c>BandwIdthMonth</c> (kboss addition; default 1).</summary>
    public string? Duration { get; init; }
    /// <inheritdoc />
    public string? IdempotencyKey { get; init; }
    /// <inheritdoc />
    public string? Amount { get; init; }
}

public sealed class CreateEipValidator : AbstractValidator<CreateEip>
{
    /// <summary>EIP bill schemes CDS accepts (§3.6 CDS-VPC-11).</summary>
    public static readonly string[] BillSchemes = ["BandwIdth", "BandwIdthMonth", "Traffic"];

    public CreateEipValidator()
    {
        RuleFor(x => x.RegionCode).Id();
        RuleFor(x => x.AvailableZoneId).Id();
        RuleFor(x => x.BandwidthType).Id();
        RuleFor(x => x.BillScheme).Required().OneOf(BillSchemes);
        RuleFor(x => x.Qos).Required().OptionalInt(1, 10_000);
        RuleFor(x => x.Size).Required().OptionalInt(1, 100);
        RuleFor(x => x.Description).Required().MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.SubjectId).OptionalInt(1);
        RuleFor(x => x.Duration).OptionalInt(1, 36);
        CdsPaid.Rules(this);
    }
}

public sealed class CreateEipHandler(CdsService cds, CdsNetworkPricing pricing, VendorCharges charges,
    CdsResourceCalls kind) : ICommandHandler<CreateEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(CreateEip c, CancellationToken ct)
    {
        var key = await cds.KeyForAsync(c.Orgid!, ct);
        var (region, zone, scheme) = (c.RegionCode.Trimmed(), c.AvailableZoneId.Trimmed(), c.BillScheme.Trimmed());
        var (qos, size) = (int.Parse(c.Qos!), int.Parse(c.Size!));
        var cycles = scheme == "BandwIdthMonth" && int.TryParse(c.Duration, out var d) ? d : 1;
        var body = new JsonObject
        {
            ["RegionCode"] = region, ["AvailableZoneCode"] = zone, ["BandwidthType"] = c.BandwidthType.Trimmed(),
            ["BillScheme"] = scheme, ["Qos"] = qos, ["Size"] = size, ["Description"] = c.Description.Trimmed(),
        };
        if (c.SubjectId.TrimmedOrNull() is { } subject) body["SubjectId"] = int.Parse(subject);
        var quote = await pricing.QuoteAsync(c.Orgid!, key,
            new CdsBandwidthSpec(region, zone, c.BandwidthType.Trimmed(), scheme, qos, size, cycles, true), ct);
        var row = cds.NewRow(CdsResourceTypes.Eip, c.Orgid!, key, region, zone, c.Description.Trimmed());
        var parameters = (JsonObject)body.DeepClone();
        parameters["Duration"] = cycles;
        var charged = await charges.RunAsync(new VendorChargeRequest(c.Orgid!, c.IdempotencyKey, "cds.create_eip",
            parameters, quote.Amount, quote.Line(size), VendorChargeSubject.Creating(kind, row), CdsPaid.Shown(c)),
            async t =>
            {
                var answer = await cds.CreateAsync(row, key, CdsActions.CreateEip, body, FirstEip, t, (a, now) =>
                {
                    foreach (var id in VendorJson.Strings(a.Data, "EIPId").Skip(1))
                        cds.AddLive(row, CdsResourceTypes.Eip, id, zone, row.Name, now);
                });
                return new VendorChargeDone(CdsReplies.WithTask(answer.Data!), answer.Message ?? "任务下发成功",
                    row.VendorId);
            }, ct);
        return Reply.Ok(charged.Message, CdsReplies.Charged(charged));
    }

    private static string? FirstEip(CdsAnswer a) => VendorJson.Strings(a.Data, "EIPId").FirstOrDefault();
}
