using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-08 <c>POST /ucloud/create_uhost_instance.dspy</c> 创建云主机, paid (analysis/vendors.md §5.4; ADR 0041, 0044):
/// the price is UCloud's GetUHostInstancePrice for this configuration made the customer's by
/// <see cref="UCloudPricing"/> (<c>amount</c> is only checked against it, ±0.01 → 价格已变化,请刷新), then
/// <see cref="VendorCharges"/> holds it, sends CreateUHostInstance once (password base64, never logged) and bills it
/// once; a repeated <c>idempotency_key</c> replays the first answer. One host per call (<c>MaxCount</c> 1); the
/// firewall <c>SecurityGroupId</c> must be the org's; EIPs are bought with allocate_eip, not here. The host is then
/// <c>Initializing</c> until the polling job sees it running. <c>data</c> = <c>{UHostIds, IPs, order_id, bill_id,
/// amount}</c>. spec: 30-ucloud-hosts.md; §3.9.
/// </summary>
public sealed record CreateUHostInstance : HostOrder, ICommand<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Customer org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>User (informational; the caller is recorded).</summary>
    public string? Userid { get; init; }
    /// <summary>The total the client showed (元); a consistency check only.</summary>
    public string? Amount { get; init; }
    /// <summary><c>Password</c> (default).</summary>
    [JsonPropertyName("LoginMode")] public string? LoginMode { get; init; }
    /// <summary>Login password, plain (sent base64).</summary>
    [JsonPropertyName("Password")] public string? Password { get; init; }
    /// <summary>Host name.</summary>
    [JsonPropertyName("Name")] public string? Name { get; init; }
    /// <summary>Business group (default <c>Default</c>).</summary>
    [JsonPropertyName("Tag")] public string? Tag { get; init; }
    /// <summary>Hot-plug (true/false).</summary>
    [JsonPropertyName("HotplugFeature")] public string? HotplugFeature { get; init; }
    /// <summary>Hosts to create: 1.</summary>
    [JsonPropertyName("MaxCount")] public string? MaxCount { get; init; }
    /// <summary>Not supported (buy EIPs with allocate_eip, then bind_eip).</summary>
    [JsonPropertyName("NetworkInterface")] public string? NetworkInterface { get; init; }
    /// <summary>安全组 (an own firewall's FWId).</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
    /// <summary>最低cpu平台.</summary>
    [JsonPropertyName("MinimalCpuPlatform")] public string? MinimalCpuPlatform { get; init; }
    /// <summary>Idempotency key (not in the spec; ≤ 64): the same key and request replay the first answer.</summary>
    public string? IdempotencyKey { get; init; }
}

public sealed class CreateUHostInstanceValidator : AbstractValidator<CreateUHostInstance>
{
    public CreateUHostInstanceValidator()
    {
        HostOrderRules.Apply(this);
        RuleFor(x => x.ImageId).Required();
        RuleFor(x => x.Amount).OptionalDecimal(0, 2);
        RuleFor(x => x.LoginMode).OneOf(["Password"]);
        RuleFor(x => x.Password).Required().Must(p => p is null || p.Length is >= 8 and <= 30)
            .WithMessage("Password长度必须为8到30个字符");
        RuleFor(x => x.Name).Required().MaxChars(UCloudRules.TextMax);
        RuleFor(x => x.Tag).MaxChars(UCloudRules.TextMax);
        RuleFor(x => x.HotplugFeature).OptionalBool();
        RuleFor(x => x.MaxCount).OneOf(["1"]);
        RuleFor(x => x.NetworkInterface).Empty().WithMessage("请通过allocate_eip购买EIP后用bind_eip绑定");
        RuleFor(x => x.SecurityGroupId).OptionalId();
        RuleFor(x => x.MinimalCpuPlatform).OptionalId();
        RuleFor(x => x.Userid).MaxChars(UCloudRules.IdMax);
        RuleFor(x => x.IdempotencyKey).MaxChars(64);
    }
}

public sealed class CreateUHostInstanceHandler(UCloudService ucloud, UCloudPaidCreate paid)
    : ICommandHandler<CreateUHostInstance, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(CreateUHostInstance c, CancellationToken ct)
    {
        var scope = await ucloud.ScopeAsync(c.Orgid!, ct);
        if (c.SecurityGroupId.TrimmedOrNull() is { } fw)
            if ((await ucloud.LoadLiveAsync(UCloudResourceTypes.Firewall, fw, ct)).OrgId != scope.OrgId)
                throw new ForbiddenException(VendorOwnership.ForbiddenMessage);
        var order = c.OrderParams(scope);
        var chargeType = c.ChargeType ?? "Month";
        var priced = await ucloud.CallAsync(scope, UCloudActions.GetUHostInstancePrice,
            new UCloudParams().Merge(order).With("Count", "1").With("ChargeType", chargeType), ct);
        var item = VendorJson.Items(priced, "PriceSet")
            .FirstOrDefault(i => VendorJson.Str(i, "ChargeType") == chargeType);

        var name = c.Name.Trimmed();
        var create = new UCloudParams().Merge(order).With("ChargeType", chargeType).With("LoginMode", "Password")
            .With("Password", Convert.ToBase64String(Encoding.UTF8.GetBytes(c.Password!))).With("Name", name)
            .With("Tag", c.Tag ?? "Default").With("HotplugFeature", UCloudRules.Bool(c.HotplugFeature))
            .With("SecurityGroupId", c.SecurityGroupId).With("MinimalCpuPlatform", c.MinimalCpuPlatform)
            .With("MaxCount", "1");
        var fingerprint = new JsonObject(UCloudService.Loggable(create)
            .Where(p => p.Key != "Password").Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        var row = ucloud.NewRow(UCloudResourceTypes.Host, scope, scope.Region(c.Region), c.Zone, name);
        return await paid.RunAsync(scope, item, new UCloudPaidOrder("ucloud.create_uhost_instance", c.IdempotencyKey,
            c.Amount, row, UCloudActions.CreateUHostInstance, create, fingerprint,
            a => VendorJson.Strings(VendorJson.Get(a, "UHostIds")).FirstOrDefault(),
            _ => row.Observed("Initializing", DateTime.UtcNow)), ct);
    }
}
