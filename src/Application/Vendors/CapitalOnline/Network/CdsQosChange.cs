using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// A bandwidth change of a live EIP or shared bandwidth (update_eip, update_bandwidth; ADR 0041, §5.4 "price
/// change"): the current <c>Qos</c> and billing come from CDS's describe; a raise is charged — the price of the
/// extra Mbps for one cycle — through <see cref="VendorCharges"/> (probe: the describe shows the new Qos); a cut or
/// a change without Qos is sent free (no refund within the cycle). CDS's message and <c>{TaskId}</c>, plus
/// <c>order_id</c>/<c>billid</c>/<c>amount</c> when charged.
/// </summary>
public sealed class CdsQosChange(CdsService cds, CdsNetworkPricing pricing, VendorCharges charges)
{
    /// <summary>Sends <paramref name="action"/> with <paramref name="body"/> for <paramref name="row"/>, charging a
    /// raise to <paramref name="qos"/> Mbps.</summary>
    public async Task<Reply<JsonObject>> RunAsync(CdsResource row, CdsAction action, JsonObject body, int? qos,
        ICdsPaidRequest paid, CancellationToken ct)
    {
        if (row.IsOpen) throw Common.BusinessException.Conflict(CdsService.BusyMessage);
        var kind = CdsKinds.Of(row.ResourceType)!;
        var key = await cds.KeyForAsync(row.OrgId, ct);
        var items = kind.Items((await cds.ReadAsync(key, kind.Describe,
            new JsonObject { ["RegionCode"] = row.RegionCode }, ct)).Data);
        var item = items.FirstOrDefault(i => kind.IdOf(i) == row.VendorId)
                   ?? throw Common.BusinessException.NotFound(CdsService.NotFoundMessage);
        var current = (int)(VendorJson.Long(item, "Qos")
                            ?? VendorJson.Long(VendorJson.Get(item, "BandwidthInfo"), "Qos") ?? 0);
        if (qos is not { } raised || raised <= current) return await cds.ChangeAsync(row, action, body, ct);

        var billing = VendorJson.Get(item, "BandwidthInfo") ?? item;
        var quote = await pricing.QuoteAsync(row.OrgId, key, new CdsBandwidthSpec(row.RegionCode, row.ZoneCode,
            VendorJson.Str(billing, "BandwidthType") ?? "", VendorJson.Str(billing, "BillScheme") ?? "",
            raised - current, 1, 1, false), ct);
        var parameters = (JsonObject)body.DeepClone();
        parameters["from"] = current;
        var charged = await charges.RunAsync(new VendorChargeRequest(row.OrgId, paid.IdempotencyKey,
            $"cds.{action.Name}", parameters, quote.Amount, quote.Line(1),
            CdsChangeProbe.Subject(row, "Qos", raised.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            CdsPaid.Shown(paid)), async t =>
            {
                var reply = await cds.ChangeAsync(row, action, body, t, charged: true);
                return new VendorChargeDone(reply.Data, reply.Msg, row.VendorId);
            }, ct);
        return Reply.Ok(charged.Message, CdsReplies.Charged(charged));
    }
}
