using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// The <c>[{id, priority}]</c> lists of the binding endpoints: <c>InstanceSet</c> items
/// <c>{InstanceId, SecurityGroupPriority}</c> (CDS-SG-09) and <c>SecurityGroupSet</c> items
/// <c>{SecurityGroupId, Priority}</c> (CDS-SG-11); a priority is 1–5 (CDS: a host has at most 5 groups, each
/// priority once per host); ids unique.
/// </summary>
public sealed record SgBinding(string Id, int Priority)
{
    /// <summary>Groups one host holds at most; also the highest priority.</summary>
    public const int MaxGroupsPerHost = 5;

    /// <summary>Parses the list <paramref name="raw"/> (members read case-insensitively), at most
    /// <paramref name="max"/> items; <paramref name="uniquePriorities"/> for one host's groups.</summary>
    public static SgParsed<IReadOnlyList<SgBinding>> Parse(string? raw, string param, string idField,
        string priorityField, int max, bool uniquePriorities)
    {
        var objects = SgInput.Objects(raw, param, max);
        if (objects.Error is { } error) return SgParsed<IReadOnlyList<SgBinding>>.Bad(error);
        var items = new List<SgBinding>();
        foreach (var (o, i) in objects.Value!.Select((o, i) => (o, i + 1)))
        {
            var id = VendorJson.Str(o, idField)?.Trim();
            if (string.IsNullOrEmpty(id) || id.Length > CdsRules.IdMax)
                return SgParsed<IReadOnlyList<SgBinding>>.Bad($"{param}第{i}项: 缺少{idField}");
            if (SgInput.Int(VendorJson.Get(o, priorityField), 1, MaxGroupsPerHost) is not { } priority)
                return SgParsed<IReadOnlyList<SgBinding>>.Bad(
                    $"{param}第{i}项: {priorityField}必须是 1 到 {MaxGroupsPerHost} 之间的整数");
            items.Add(new SgBinding(id, priority));
        }
        if (items.Count == 0) return SgParsed<IReadOnlyList<SgBinding>>.Bad($"缺少必要参数: {param}");
        if (items.Select(b => b.Id).Distinct().Count() != items.Count)
            return SgParsed<IReadOnlyList<SgBinding>>.Bad($"{param}中{idField}不能重复");
        if (uniquePriorities && items.Select(b => b.Priority).Distinct().Count() != items.Count)
            return SgParsed<IReadOnlyList<SgBinding>>.Bad($"{param}中{priorityField}不能重复");
        return SgParsed<IReadOnlyList<SgBinding>>.Ok(items);
    }

    /// <summary>The list as CDS takes it (priorities as numbers).</summary>
    public static JsonArray ToVendor(IEnumerable<SgBinding> items, string idField, string priorityField) =>
        new(items.Select(b => (JsonNode)new JsonObject { [idField] = b.Id, [priorityField] = b.Priority }).ToArray());
}
