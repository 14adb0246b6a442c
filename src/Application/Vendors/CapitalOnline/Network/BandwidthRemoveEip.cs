using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-21 <c>GET /capital/bandwidth_remove_eip.dspy</c> 共享带宽移除EIP: CDS BandwidthRemoveEIP of EIPs the
/// caller may all act on (JSON array or comma list). <c>Delete=true</c> destroys the EIPs — a dangerous vendor default
/// (§6 #30), refused unless <c>confirm=true</c> (kboss addition; 删除EIP需要确认) — and their rows become deleted;
/// <c>Delete=false</c> buys each EIP its own bandwidth (<c>RegionCode</c>, <c>BandwidthType</c>, <c>BillScheme</c>,
/// <c>Qos</c> required), charged for one cycle through <see cref="VendorCharges"/> (probe: the first EIP shows the new
/// bill scheme). <c>data</c> = <c>{TaskId}</c> (+ charge fields). spec: 26-capital-online-vpc.md; §3.6, §5.4, §6 #30.
/// </summary>
public sealed record BandwidthRemoveEip : ICommand<Reply<JsonObject>>, ICdsPaidRequest
{
    /// <summary>EIP ids.</summary>
    [JsonPropertyName("EIPIdList")] public string? EipIdList { get; init; }
    /// <summary><c>true</c>: delete the EIPs; <c>false</c>: buy them a dedicated bandwidth.</summary>
    [JsonPropertyName("Delete")] public string? Delete { get; init; }
    /// <summary>Region (Delete=false).</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary>Carrier type (Delete=false).</summary>
    [JsonPropertyName("BandwidthType")] public string? BandwidthType { get; init; }
    /// <summary>EIP bill scheme (Delete=false).</summary>
    [JsonPropertyName("BillScheme")] public string? BillScheme { get; init; }
    /// <summary>Mbps (Delete=false).</summary>
    [JsonPropertyName("Qos")] public string? Qos { get; init; }
    /// <summary><c>true</c> confirms Delete=true (kboss addition).</summary>
    public string? Confirm { get; init; }
    /// <inheritdoc />
    public string? IdempotencyKey { get; init; }
    /// <inheritdoc />
    public string? Amount { get; init; }
}

public sealed class BandwidthRemoveEipValidator : AbstractValidator<BandwidthRemoveEip>
{
    public BandwidthRemoveEipValidator()
    {
        RuleFor(x => x.EipIdList).IdList();
        RuleFor(x => x.Delete).Required().OneOf(["true", "false"]);
        RuleFor(x => x.Confirm).OneOf(["true", "false"]);
        When(x => x.Delete?.Trim() == "false", () =>
        {
            RuleFor(x => x.RegionCode).Id();
            RuleFor(x => x.BandwidthType).Id();
            RuleFor(x => x.BillScheme).Required().OneOf(CreateEipValidator.BillSchemes);
            RuleFor(x => x.Qos).Required().OptionalInt(1, 10_000);
        });
        CdsPaid.Rules(this);
    }
}

public sealed class BandwidthRemoveEipHandler(IKbossDbContext db, CdsService cds, CdsNetworkPricing pricing,
    VendorCharges charges, TimeProvider clock) : ICommandHandler<BandwidthRemoveEip, Reply<JsonObject>>
{
    /// <summary>Delete=true without confirm=true.</summary>
    public const string ConfirmMessage = "删除EIP需要确认(confirm=true)";

    public async ValueTask<Reply<JsonObject>> Handle(BandwidthRemoveEip c, CancellationToken ct)
    {
        var delete = c.Delete!.Trim() == "true";
        if (delete && c.Confirm?.Trim() != "true") throw RequestValidationException.For("confirm", ConfirmMessage);
        var eips = await cds.LoadAllOwnedAsync(CdsResourceTypes.Eip, CdsListParam.Items(c.EipIdList), ct);
        var body = new JsonObject
        {
            ["EIPIdList"] = new JsonArray(eips.Select(e => (JsonNode)JsonValue.Create(e.VendorId!)).ToArray()),
            ["Delete"] = delete,
        };
        if (delete)
        {
            var reply = await cds.ChangeAsync(eips[0], CdsActions.BandwidthRemoveEip, body, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var eip in eips.Where(e => !e.IsOpen))
            {
                eip.StartDelete(now);
                eip.Confirm(now);
            }
            await db.SaveChangesAsync(CancellationToken.None);
            return reply;
        }
        var (scheme, qos) = (c.BillScheme.Trimmed(), int.Parse(c.Qos!));
        body["RegionCode"] = c.RegionCode.Trimmed();
        body["BandwidthType"] = c.BandwidthType.Trimmed();
        body["BillScheme"] = scheme;
        body["Qos"] = qos;
        var first = eips[0];
        var key = await cds.KeyForAsync(first.OrgId, ct);
        var quote = await pricing.QuoteAsync(first.OrgId, key, new CdsBandwidthSpec(c.RegionCode.Trimmed(),
            first.ZoneCode, c.BandwidthType.Trimmed(), scheme, qos, eips.Count, 1, false), ct);
        var charged = await charges.RunAsync(new VendorChargeRequest(first.OrgId, c.IdempotencyKey,
            "cds.bandwidth_remove_eip", body, quote.Amount, quote.Line(eips.Count),
            CdsChangeProbe.Subject(first, "BandwidthInfo.BillScheme", scheme), CdsPaid.Shown(c)), async t =>
            {
                var reply = await cds.ChangeAsync(first, CdsActions.BandwidthRemoveEip, body, t, charged: true);
                return new VendorChargeDone(reply.Data, reply.Msg, first.VendorId);
            }, ct);
        return Reply.Ok(charged.Message, CdsReplies.Charged(charged));
    }
}
