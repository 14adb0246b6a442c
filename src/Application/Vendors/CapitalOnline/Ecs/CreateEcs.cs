using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Vendors.CapitalOnline.Network;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-12 <c>GET /capital/create_ecs.dspy</c> 创建云服务器: CDS CreateInstance for the customer org
/// <c>user_orgid</c> (default the caller's; another org's: 403) in a VPC and subnet it owns, with its security groups
/// and, in <c>PubnetInfo</c>, only subnets and EIPs it already owns (buying new EIPs with a host is refused: they are
/// priced and charged by create_eip; only <c>SubnetId</c> and <c>EipIds</c> are sent on), from a public image or a
/// private image of its own (another org's: 403). Paid through <see cref="VendorCharges"/> (ADR 0041): the server's price
/// (<see cref="EcsPricing"/>: DescribePrice of the order → <c>SalePricing</c>; <c>amount</c> only a check, more than
/// 0.01 off → 价格已变化,请刷新) held on the balance, CDS called once per <c>idempotency_key</c> (a repeat answers the
/// stored reply, a twin in flight 该请求正在处理中), the BUY bill on success, the hold released on a refusal, kept on a
/// lost answer until the reconciler finds the host (DescribeInstanceList by name) — then charged once — or not.
/// One ownership row per host (<c>ecs</c>). The password is sent to CDS only (never stored, audited as
/// <c>******</c>, not in the fingerprint). <c>data</c> = <c>{EventId, EcsIdSet, order_id, billid, amount}</c>.
/// <c>userid</c> is accepted; the caller is recorded. spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8, §5.4.
/// </summary>
public sealed record CreateEcs : ICommand<Reply<JsonNode>>, IOrgScoped, IEcsShape, ICdsPaidRequest
{
    /// <summary>Ordering user (accepted; the caller is recorded).</summary>
    public string? Userid { get; init; }
    /// <summary>Customer org that owns and pays.</summary>
    [JsonPropertyName("user_orgid")] public string? Orgid { get; set; }
    /// <summary>The client's total (元); only checked against the server's price.</summary>
    public string? Amount { get; init; }
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
    [JsonPropertyName("EcsFamilyName")] public string? EcsFamilyName { get; init; }
    [JsonPropertyName("Cpu")] public string? Cpu { get; init; }
    [JsonPropertyName("Ram")] public string? Ram { get; init; }
    [JsonPropertyName("Gpu")] public string? Gpu { get; init; }
    [JsonPropertyName("Number")] public string? Number { get; init; }
    [JsonPropertyName("BillingMethod")] public string? BillingMethod { get; init; }
    [JsonPropertyName("ImageId")] public string? ImageId { get; init; }
    /// <summary>JSON <c>{"DiskFeature":"ssd","Size":40}</c>.</summary>
    [JsonPropertyName("SystemDisk")] public string? SystemDisk { get; init; }
    /// <summary>JSON array; 没有数据盘时 传递空数组.</summary>
    [JsonPropertyName("DataDisk")] public string? DataDisk { get; init; }
    /// <summary>JSON <c>{"VpcId":"…"}</c>.</summary>
    [JsonPropertyName("VpcInfo")] public string? VpcInfo { get; init; }
    /// <summary>JSON <c>{"SubnetId":"…"}</c>.</summary>
    [JsonPropertyName("SubnetInfo")] public string? SubnetInfo { get; init; }
    /// <summary>JSON <c>[{"SecurityGroupId":"…"}]</c>, in priority order.</summary>
    [JsonPropertyName("SecurityGroups")] public string? SecurityGroups { get; init; }
    [JsonPropertyName("Name")] public string? Name { get; init; }
    [JsonPropertyName("StartNumber")] public string? StartNumber { get; init; }
    /// <summary>密码 (CDS's rule, <see cref="EcsPassword"/>).</summary>
    [JsonPropertyName("Password")] public string? Password { get; init; }
    /// <summary>购买EIP: JSON <c>[{"SubnetId":"…","EipIds":["…"]}]</c> with owned subnets and EIPs only.</summary>
    [JsonPropertyName("PubnetInfo")] public string? PubnetInfo { get; init; }
    [JsonPropertyName("Duration")] public string? Duration { get; init; }
    [JsonPropertyName("IsToMonth")] public string? IsToMonth { get; init; }
    [JsonPropertyName("IsAutoRenewal")] public string? IsAutoRenewal { get; init; }
    /// <summary>Trial-fund subject (operators only).</summary>
    [JsonPropertyName("TestAccount")] public string? TestAccount { get; init; }
    /// <summary>kboss: one key per intended purchase; a repeat answers the first outcome.</summary>
    public string? IdempotencyKey { get; init; }

    [JsonIgnore] public string? SystemDiskJson => SystemDisk;
    [JsonIgnore] public string? DataDiskJson => DataDisk;
}

public sealed class CreateEcsValidator : AbstractValidator<CreateEcs>
{
    /// <summary>PubnetInfo buying a new EIP.</summary>
    public const string NewEipMessage = "创建云服务器时只能绑定已有的EIP(EipIds),新EIP请通过create_eip购买";

    public CreateEcsValidator()
    {
        EcsShape.Rules(this, "SystemDisk", "DataDisk");
        RuleFor(x => x.SystemDisk).Required();
        RuleFor(x => x.Userid).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.ImageId).Id();
        RuleFor(x => x.VpcInfo).Must(v => CreateEcsRequest.Member(v, "VpcId") is { Length: > 0 and <= 64 })
            .WithMessage("VpcInfo必须是JSON对象 {\"VpcId\":\"…\"}");
        RuleFor(x => x.SubnetInfo).Must(v => CreateEcsRequest.Member(v, "SubnetId") is { Length: > 0 and <= 64 })
            .WithMessage("SubnetInfo必须是JSON对象 {\"SubnetId\":\"…\"}");
        RuleFor(x => x.SecurityGroups).Must(v => CreateEcsRequest.SecurityGroups(v) is not null)
            .WithMessage("SecurityGroups必须是JSON数组 [{\"SecurityGroupId\":\"…\"}]");
        RuleFor(x => x.PubnetInfo).Must(v => CreateEcsRequest.Eips(v) is not null).WithMessage(NewEipMessage);
        RuleFor(x => x.Name).MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.StartNumber).OptionalInt(1, 100000);
        RuleFor(x => x.Password).Required().Must(EcsPassword.IsStrong).WithMessage(EcsPassword.Message);
        RuleFor(x => x.IsAutoRenewal).OneOf(["0", "1"]).When(x => x.IsAutoRenewal is { Length: > 0 });
        RuleFor(x => x.TestAccount).MaxChars(CdsRules.NameMax).NoControlChars();
        CdsPaid.Rules(this);
    }
}

/// <summary>Reading the JSON members of <see cref="CreateEcs"/>.</summary>
public static class CreateEcsRequest
{
    /// <summary>A string member of a JSON object parameter, or null.</summary>
    public static string? Member(string? raw, string name) =>
        CdsEcsRules.ParseJson(raw) is JsonObject o ? VendorJson.Str(o, name)?.Trim() : null;

    /// <summary>The security group ids (empty when absent); null when malformed.</summary>
    public static IReadOnlyList<string>? SecurityGroups(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return [];
        if (CdsEcsRules.ParseJson(raw) is not JsonArray { Count: <= 10 } a) return null;
        var ids = a.Select(i => i is JsonObject ? VendorJson.Str(i, "SecurityGroupId") : null).ToList();
        return ids.Any(i => i is not { Length: > 0 and <= 64 }) ? null : ids.OfType<string>().ToList();
    }

    /// <summary>The EIP ids of <c>PubnetInfo</c> (empty when absent); null when malformed or an item buys a new
    /// EIP (no <c>EipIds</c>).</summary>
    public static IReadOnlyList<string>? Eips(string? raw) => Pubnets(raw)?.SelectMany(p => p.EipIds).ToList();

    /// <summary>The items of <c>PubnetInfo</c> as (subnet, EIP ids) — the only members kboss sends on (empty when
    /// absent); null when malformed, an item has no <c>SubnetId</c> or buys a new EIP (no <c>EipIds</c>).</summary>
    public static IReadOnlyList<(string SubnetId, IReadOnlyList<string> EipIds)>? Pubnets(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return [];
        if (CdsEcsRules.ParseJson(raw) is not JsonArray { Count: <= 10 } a) return null;
        var items = new List<(string, IReadOnlyList<string>)>();
        foreach (var item in a)
        {
            var subnet = VendorJson.Str(item, "SubnetId")?.Trim();
            var eips = VendorJson.Strings(VendorJson.Get(item, "EipIds"));
            if (item is not JsonObject || subnet is not { Length: > 0 and <= 64 } || eips.Count == 0
                || eips.Any(e => e.Length is 0 or > 64))
                return null;
            items.Add((subnet, eips));
        }
        return items;
    }
}

public sealed class CreateEcsHandler(CdsService cds, CdsEcs ecs, EcsPricing pricing, VendorCharges charges,
    CdsResourceCalls kind) : ICommandHandler<CreateEcs, Reply<JsonNode>>
{
    /// <summary>A VPC, subnet, security group or EIP of another org than the host's.</summary>
    public const string OtherOrgMessage = "VPC、子网、安全组和EIP必须属于同一客户";

    public async ValueTask<Reply<JsonNode>> Handle(CreateEcs c, CancellationToken ct)
    {
        var owner = c.Orgid!;
        var vpc = await OwnedLiveAsync(CdsResourceTypes.Vpc, CreateEcsRequest.Member(c.VpcInfo, "VpcId"), owner, ct);
        await OwnedLiveAsync(CdsResourceTypes.Subnet, CreateEcsRequest.Member(c.SubnetInfo, "SubnetId"), owner, ct);
        foreach (var sg in CreateEcsRequest.SecurityGroups(c.SecurityGroups)!)
            await OwnedLiveAsync(CdsResourceTypes.SecurityGroup, sg, owner, ct);
        foreach (var (subnet, eips) in CreateEcsRequest.Pubnets(c.PubnetInfo)!)
        {
            await OwnedLiveAsync(CdsResourceTypes.Subnet, subnet, owner, ct);
            foreach (var eip in eips) await OwnedLiveAsync(CdsResourceTypes.Eip, eip, owner, ct);
        }
        await ecs.EnsureImageUsableAsync(c.ImageId.Trimmed(), owner, ct);
        var testAccount = ecs.TestAccountOrNull(c.TestAccount);
        var key = await cds.KeyForAsync(owner, ct);
        var name = c.Name.TrimmedOrNull() ?? "ecs";
        var body = Body(c, testAccount);
        body["Name"] = name;
        var price = await pricing.PriceAsync(owner, key, c, ct);
        var row = cds.NewRow(CdsResourceTypes.Ecs, owner, key, c.AvailableZoneCode.Trimmed(),
            c.AvailableZoneCode.Trimmed(), EcsShape.Count(c) > 1 ? $"{name}-{Start(c)}" : name, vpc.VendorId);
        var charged = await charges.RunAsync(new VendorChargeRequest(owner, c.IdempotencyKey, "cds.create_ecs",
                Fingerprinted(body), price.Quote.Amount, price.Quote.Line(EcsShape.Count(c)),
                VendorChargeSubject.Creating(kind, row), CdsPaid.Shown(c)),
            async t =>
            {
                var answer = await cds.CreateAsync(row, key, CdsActions.CreateInstance, body,
                    a => VendorJson.Strings(VendorJson.Get(a.Data, "EcsIdSet")).FirstOrDefault(), t,
                    (a, now) => Confirmed(row, a, name, Start(c), now));
                return new VendorChargeDone(CdsReplies.WithTask(answer.Data!), answer.Message ?? "创建成功",
                    row.VendorId);
            }, ct);
        return Reply.Ok(charged.Message, (JsonNode)CdsReplies.Charged(charged));
    }

    /// <summary>The answer's event on the first row; rows for the other hosts of the order, live with it.</summary>
    private void Confirmed(CdsResource row, CdsAnswer answer, string name, int start, DateTime now)
    {
        var eventId = CdsEcs.EventOf(answer);
        row.CreateTasked(eventId);
        var ids = VendorJson.Strings(VendorJson.Get(answer.Data, "EcsIdSet"));
        for (var i = 1; i < ids.Count; i++)
            cds.AddLive(row, CdsResourceTypes.Ecs, ids[i], row.ZoneCode, $"{name}-{start + i}", now)
                .CreateTasked(eventId);
    }

    /// <summary>What decides the order, for the idempotency fingerprint: the CDS body without the password.</summary>
    private static JsonObject Fingerprinted(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove("Password");
        return copy;
    }

    private static int Start(CreateEcs c) => int.TryParse(c.StartNumber, out var n) ? n : 1;

    private async Task<CdsResource> OwnedLiveAsync(string type, string? id, string owner, CancellationToken ct)
    {
        var row = await cds.LoadOwnedAsync(type, id, ct);
        if (row.OrgId != owner) throw new ForbiddenException(OtherOrgMessage);
        if (row.State != OutsideStates.Live) throw BusinessException.Conflict(CdsEcs.NotLiveMessage);
        return row;
    }

    /// <summary>The CreateInstance body (JSON members parsed; the password as given).</summary>
    public static JsonObject Body(CreateEcs c, string? testAccount)
    {
        var body = EcsShape.Spec(c);
        body["ImageId"] = c.ImageId.Trimmed();
        body["SystemDisk"] = EcsShape.SystemDisk(c.SystemDisk);
        body["DataDisk"] = EcsShape.DataDisks(c.DataDisk);
        body["VpcInfo"] = new JsonObject { ["VpcId"] = CreateEcsRequest.Member(c.VpcInfo, "VpcId") };
        body["SubnetInfo"] = new JsonObject { ["SubnetId"] = CreateEcsRequest.Member(c.SubnetInfo, "SubnetId") };
        body["SecurityGroups"] = new JsonArray(CreateEcsRequest.SecurityGroups(c.SecurityGroups)!
            .Select(id => (JsonNode)new JsonObject { ["SecurityGroupId"] = id }).ToArray());
        if (CreateEcsRequest.Pubnets(c.PubnetInfo) is { Count: > 0 } pubnets)
            body["PubnetInfo"] = new JsonArray(pubnets.Select(p => (JsonNode)new JsonObject
            {
                ["SubnetId"] = p.SubnetId, ["EipIds"] = new JsonArray(p.EipIds.Select(e => (JsonNode)e).ToArray()),
            }).ToArray());
        body["StartNumber"] = Start(c);
        body["Password"] = c.Password;
        if (c.IsAutoRenewal.TrimmedOrNull() is { } renew) body["IsAutoRenewal"] = int.Parse(renew);
        if (testAccount is not null) body["TestAccount"] = testAccount;
        return body;
    }
}
