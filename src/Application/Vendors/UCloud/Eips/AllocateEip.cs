using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Common;
using Kboss.Application.Vendors.UCloud.Hosts;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Eips;

/// <summary>
/// UC-EIP-01 <c>GET /ucloud/allocate_eip.dspy</c> 创建弹性IP, paid (analysis/vendors.md §5.4; ADR 0041, 0044): priced
/// from UCloud's GetEIPPrice made the customer's by <see cref="UCloudPricing"/> (<c>amount</c> only checked), held,
/// AllocateEIP sent once and billed once through <see cref="VendorCharges"/>; a repeated <c>idempotency_key</c>
/// replays the first answer. <c>Count</c> is fixed at 1 ("固定值", §6 #38). <c>data</c> = <c>{EIPSet, order_id,
/// bill_id, amount}</c>. spec: 32-ucloud-eip.md; §3.11.
/// </summary>
public sealed record AllocateEip : EipOrder, ICommand<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Customer org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>User (informational; the caller is recorded).</summary>
    public string? Userid { get; init; }
    /// <summary>The total the client showed (元); a consistency check only.</summary>
    public string? Amount { get; init; }
    /// <summary>Business group.</summary>
    [JsonPropertyName("Tag")] public string? Tag { get; init; }
    /// <summary>Name (default <c>EIP</c>).</summary>
    [JsonPropertyName("Name")] public string? Name { get; init; }
    /// <summary>固定值 购买EIP数量,默认值为1.</summary>
    [JsonPropertyName("Count")] public string? Count { get; init; }
    /// <summary>Remark.</summary>
    [JsonPropertyName("Remark")] public string? Remark { get; init; }
    /// <summary>Idempotency key (not in the spec; ≤ 64).</summary>
    public string? IdempotencyKey { get; init; }
}

public sealed class AllocateEipValidator : AbstractValidator<AllocateEip>
{
    public AllocateEipValidator()
    {
        EipOrderRules.Apply(this);
        RuleFor(x => x.Userid).MaxChars(UCloudRules.IdMax);
        RuleFor(x => x.Amount).OptionalDecimal(0, 2);
        RuleFor(x => x.Tag).MaxChars(UCloudRules.TextMax);
        RuleFor(x => x.Name).MaxChars(UCloudRules.TextMax);
        RuleFor(x => x.Count).OneOf(["1"]);
        RuleFor(x => x.Remark).MaxChars(UCloudRules.TextMax);
        RuleFor(x => x.IdempotencyKey).MaxChars(64);
    }
}

public sealed class AllocateEipHandler(UCloudService ucloud, UCloudPaidCreate paid)
    : ICommandHandler<AllocateEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(AllocateEip c, CancellationToken ct)
    {
        var scope = await ucloud.ScopeAsync(c.Orgid!, ct);
        var order = c.PriceParams(scope).With("ChargeType", c.ChargeType ?? "Month");
        var priced = await ucloud.CallAsync(scope, UCloudActions.GetEipPrice, order, ct);
        var name = c.Name.TrimmedOrNull() ?? "EIP";
        var create = new UCloudParams().Merge(order).With("Tag", c.Tag).With("Name", name).With("Remark", c.Remark)
            .With("Count", "1");
        var fingerprint = new JsonObject(create.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        var row = ucloud.NewRow(UCloudResourceTypes.Eip, scope, scope.Region(c.Region), null, name);
        return await paid.RunAsync(scope, VendorJson.Items(priced, "PriceSet").FirstOrDefault(),
            new UCloudPaidOrder("ucloud.allocate_eip", c.IdempotencyKey, c.Amount, row, UCloudActions.AllocateEip,
                create, fingerprint, a => VendorJson.Str(VendorJson.Items(a, "EIPSet").FirstOrDefault(), "EIPId")), ct);
    }
}
