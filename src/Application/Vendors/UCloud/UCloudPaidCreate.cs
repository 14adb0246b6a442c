using System.Globalization;
using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.UCloud;

/// <summary>
/// One paid UCloud create (<c>create_uhost_instance</c>, <c>allocate_eip</c>).
/// </summary>
/// <param name="Operation">The charge's action name (<c>ucloud.allocate_eip</c>).</param>
/// <param name="IdempotencyKey">The client's key: a repeat replays the first answer.</param>
/// <param name="ClientAmount">The total the client showed (元, text); a consistency check only.</param>
/// <param name="Row">The new row (<see cref="UCloudService.NewRow"/>).</param>
/// <param name="Action">The create action.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Fingerprint">What a repeated key must match (no secrets).</param>
/// <param name="IdOf">Reads the new object's id from the answer.</param>
/// <param name="Confirmed">Runs in the confirming transaction.</param>
public sealed record UCloudPaidOrder(string Operation, string? IdempotencyKey, string? ClientAmount, UCloudResource Row,
    UCloudAction Action, UCloudParams Parameters, JsonObject Fingerprint, Func<JsonObject, string?> IdOf,
    Action<JsonObject>? Confirmed = null);

/// <summary>
/// A paid UCloud create (analysis/vendors.md §5.4; ADR 0041, 0044): UCloud's price item made the customer's by
/// <see cref="UCloudPricing"/>, then <see cref="VendorCharges"/> holds it, sends the create once through
/// <see cref="UCloudService.CreateAsync"/> and bills it once. <c>data</c> = UCloud's answer with <c>order_id</c>,
/// <c>bill_id</c> and <c>amount</c>. Errors: no price item → upstream_failed <see cref="NoPriceMessage"/>.
/// </summary>
public sealed class UCloudPaidCreate(UCloudService ucloud, UCloudPricing pricing, VendorCharges charges,
    UCloudResourceCalls kind)
{
    /// <summary>UCloud gave no price for the configuration.</summary>
    public const string NoPriceMessage = "优刻得未返回该配置的价格";

    /// <summary>Charges for <paramref name="order"/> at <paramref name="priceItem"/> (an item of UCloud's
    /// <c>PriceSet</c>; null = none) and creates it.</summary>
    public async Task<Reply<JsonObject>> RunAsync(UCloudScope scope, JsonNode? priceItem, UCloudPaidOrder order,
        CancellationToken ct)
    {
        if (priceItem is null) throw new BusinessException(NoPriceMessage, ErrorCodes.UpstreamFailed);
        var list = UCloudPricing.ListPrice(priceItem);
        var sale = await pricing.SaleAsync(scope.OrgId, list, ct);
        var charged = await charges.RunAsync(new VendorChargeRequest(scope.OrgId, order.IdempotencyKey,
                order.Operation, order.Fingerprint, sale.Amount, new VendorChargeLine(ListAmount: list, Quantity: 1),
                VendorChargeSubject.Creating(kind, order.Row), ClientAmount(order.ClientAmount)),
            async t =>
            {
                var answer = await ucloud.CreateAsync(order.Row, scope, order.Action, order.Parameters, order.IdOf, t,
                    order.Confirmed);
                return new VendorChargeDone(answer.Data, "创建成功", order.Row.VendorId);
            }, ct);
        var data = charged.Data as JsonObject is { } d ? (JsonObject)d.DeepClone() : new JsonObject();
        data["order_id"] = charged.ChargeId;
        data["bill_id"] = charged.BillId;
        data["amount"] = charged.Amount;
        return Reply.Ok(charged.Message, data);
    }

    /// <summary>The client's amount, or null when not sent.</summary>
    private static decimal? ClientAmount(string? amount) =>
        decimal.TryParse(amount?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : null;
}
