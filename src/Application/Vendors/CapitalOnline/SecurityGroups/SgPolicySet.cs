using System.Text.Json.Nodes;
using Kboss.Application.Common;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>CDS's <c>SecurityGroupPolicySet</c> <c>{Ingress: [rule], Egress: [rule]}</c>.</summary>
public sealed record SgPolicySet(IReadOnlyList<SgPolicy> Ingress, IReadOnlyList<SgPolicy> Egress)
{
    /// <summary>A rule id no rule of the group's direction has.</summary>
    public static string UnknownRuleMessage(string id) => $"规则不存在: {id}";

    /// <summary>The set as CDS takes it.</summary>
    public static JsonObject ToVendor(IReadOnlyList<SgPolicy> ingress, IReadOnlyList<SgPolicy> egress) => new()
    {
        ["Ingress"] = new JsonArray(ingress.Select(r => (JsonNode)r.ToVendor()).ToArray()),
        ["Egress"] = new JsonArray(egress.Select(r => (JsonNode)r.ToVendor()).ToArray()),
    };

    /// <summary>
    /// The object text <c>{"Ingress": [...], "Egress": [...]}</c> (§6 #26: documented as an array, an object for CDS);
    /// empty text → no rules.
    /// </summary>
    public static SgParsed<SgPolicySet> Parse(string? raw, string param, SgPolicyMode mode)
    {
        if (string.IsNullOrWhiteSpace(raw)) return SgParsed<SgPolicySet>.Ok(new([], []));
        if (SgInput.Parse(raw) is not JsonObject o)
            return SgParsed<SgPolicySet>.Bad($"{param}必须是JSON对象 {{\"Ingress\":[...],\"Egress\":[...]}}");
        var ingress = SgPolicy.ParseList(VendorJson.Get(o, "Ingress"), $"{param}.Ingress", mode);
        var egress = SgPolicy.ParseList(VendorJson.Get(o, "Egress"), $"{param}.Egress", mode);
        if ((ingress.Error ?? egress.Error) is { } error) return SgParsed<SgPolicySet>.Bad(error);
        return ingress.Value!.Count + egress.Value!.Count > SgPolicy.MaxRules
            ? SgParsed<SgPolicySet>.Bad($"{param}最多{SgPolicy.MaxRules}条规则")
            : SgParsed<SgPolicySet>.Ok(new(ingress.Value, egress.Value));
    }

    /// <summary>Every id of <paramref name="ids"/> is one of the group's rules in <paramref name="directions"/>
    /// (current rules of <see cref="CdsSecurityGroups.PoliciesAsync"/>); else not_found naming it.</summary>
    public static void EnsureKnown(JsonObject current, IEnumerable<string> ids, params string[] directions)
    {
        var known = directions.SelectMany(d => CdsSecurityGroups.PolicyIds(current, d)).ToHashSet();
        if (ids.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
            throw BusinessException.NotFound(UnknownRuleMessage(unknown));
    }
}
