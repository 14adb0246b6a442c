using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// What the security-group use cases share (module 27; ADR 0042): the caller's live groups and hosts (ownership
/// checked before any vendor call: another org's → 403, unknown → 资源不存在), the group's current rules, and a
/// change of an existing group or host — audited, sent once with the key that created it (CDS's security-group
/// actions are synchronous: no task, no local state to move; a failure is <c>upstream_failed</c> with CDS's message).
/// </summary>
public sealed class CdsSecurityGroups(CdsService cds, ICdsClient client, VendorKeys keys, IKbossDbContext db,
    ICurrentUser user)
{
    /// <summary>The group is not live (creating, deleting, failed, pending_reconcile).</summary>
    public const string GroupNotReadyMessage = "安全组当前状态不允许该操作";
    /// <summary>The host is not live.</summary>
    public const string HostNotReadyMessage = "云主机当前状态不允许该操作";
    /// <summary>A host and a group of different orgs.</summary>
    public const string OtherOrgMessage = "云主机和安全组必须属于同一机构";

    /// <summary>The caller's group <paramref name="id"/> in any state.</summary>
    public Task<CdsResource> LoadAsync(string? id, CancellationToken ct) =>
        cds.LoadOwnedAsync(CdsResourceTypes.SecurityGroup, id, ct);

    /// <summary>The caller's live group <paramref name="id"/> (conflict when not live).</summary>
    public async Task<CdsResource> LoadLiveAsync(string? id, CancellationToken ct) =>
        Live(await LoadAsync(id, ct), GroupNotReadyMessage);

    /// <summary>The caller's live host <paramref name="id"/>, of the org of <paramref name="sameOrgAs"/>.</summary>
    /// <param name="param">Parameter named when the orgs differ.</param>
    public async Task<CdsResource> LoadHostAsync(string id, CdsResource? sameOrgAs, string param, CancellationToken ct)
    {
        var host = Live(await cds.LoadOwnedAsync(CdsResourceTypes.Ecs, id, ct), HostNotReadyMessage);
        if (sameOrgAs is not null && sameOrgAs.OrgId != host.OrgId)
            throw RequestValidationException.For(param, OtherOrgMessage);
        return host;
    }

    /// <summary>A read with the key that created <paramref name="row"/>.</summary>
    public async Task<CdsAnswer> ReadAsync(CdsResource row, CdsAction action, JsonObject parameters,
        CancellationToken ct) => await cds.ReadAsync(await KeyOfAsync(row, ct), action, parameters, ct);

    /// <summary>The group's rules: <c>{Ingress, Egress}</c> with every rule's id as <c>PolicyId</c>.</summary>
    public async Task<JsonObject> PoliciesAsync(CdsResource group, CancellationToken ct)
    {
        var answer = await ReadAsync(group, CdsActions.DescribeSecurityGroupPolicies,
            new JsonObject { ["SecurityGroupId"] = group.VendorId }, ct);
        var set = VendorJson.Get(answer.Data, "SecurityGroupPolicySet");
        return new JsonObject
        {
            ["Ingress"] = Normalised(VendorJson.Items(set, "Ingress")),
            ["Egress"] = Normalised(VendorJson.Items(set, "Egress")),
        };
    }

    /// <summary>The ids of one direction's rules of a <see cref="PoliciesAsync"/> answer.</summary>
    public static IReadOnlySet<string> PolicyIds(JsonObject policies, string direction) =>
        VendorJson.Strings(policies[direction], "PolicyId").ToHashSet();

    /// <summary>
    /// Sends a change of <paramref name="row"/> once: audited first (own save, no transaction held across the call),
    /// then <paramref name="action"/>; <c>upstream_failed</c> with CDS's message when it fails.
    /// </summary>
    public async Task<CdsAnswer> ChangeAsync(CdsResource row, CdsAction action, JsonObject parameters,
        CancellationToken ct)
    {
        var key = await KeyOfAsync(row, ct);
        db.AuditEntries.Add(Audit.Entry(user, $"cds.{row.ResourceType}.{action.Name}", "cds_resource", row.Id,
            new { orgid = row.OrgId, vendor_id = row.VendorId, parameters = parameters.ToJsonString() }));
        await db.SaveChangesAsync(ct);
        return (await client.SendAsync(key, action, parameters, ct)).OrThrow(CdsService.System);
    }

    private Task<VendorKey> KeyOfAsync(CdsResource row, CancellationToken ct) =>
        keys.ForOperatorAsync(VendorCodes.CapitalOnline, CdsService.System, row.OperatorOrgId, ct);

    private static CdsResource Live(CdsResource row, string message) =>
        row.State == OutsideStates.Live ? row : throw BusinessException.Conflict(message);

    /// <summary>Rules with <c>PolicyID</c> (CDS's example spelling) renamed <c>PolicyId</c> (its table's).</summary>
    private static JsonArray Normalised(IReadOnlyList<JsonNode?> rules) => new(rules.OfType<JsonObject>().Select(r =>
    {
        var copy = new JsonObject();
        foreach (var (name, value) in r)
            if (!string.Equals(name, "PolicyId", StringComparison.OrdinalIgnoreCase)) copy[name] = value?.DeepClone();
        copy["PolicyId"] = VendorJson.Str(r, "PolicyId", "PolicyID");
        return (JsonNode)copy;
    }).ToArray());
}
