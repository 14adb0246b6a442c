using System.Globalization;
using System.Text.Json;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.Purchase;

/// <summary>One component line of a product: cpu 核, memory Mi, disk Gi, gpu 卡.</summary>
/// <param name="Type">cpu / memory / disk / gpu.</param>
/// <param name="Model">Widget model (STANDARD when absent).</param>
/// <param name="Amount">Quantity (&gt; 0).</param>
public sealed record ComponentNeed(string Type, string Model, decimal Amount);

/// <summary>A product of the purchase page: its id and the components it needs together.</summary>
/// <param name="Id">Product id.</param>
/// <param name="Components">Components.</param>
public sealed record ProductNeed(string Id, IReadOnlyList<ComponentNeed> Components);

/// <summary>
/// The deployability rule of analysis/cpcc.md §4.4 (B2 → P2), pure. A product is deployable iff (static) every component's
/// widget exists and the cluster's available stock covers it, and (dynamic) at least one candidate node — Ready, not
/// cordoned, not control-plane, carrying every required label — has at the same time enough free cpu, memory and GPUs
/// (allocatable minus the requests of its non-terminated pods; equality fits). Products are evaluated independently.
/// </summary>
public static class AccommodationPolicy
{
    /// <summary>Message when <c>resources</c> can't be parsed.</summary>
    public const string BadResources = "resources参数格式错误";

    /// <summary>
    /// Parses <c>[{"id", "resources": [{"type", "model", "amount"}]}]</c>, or an object
    /// <c>{"labels": …, "products": [...]}</c> (P2's form with the labels embedded); null when malformed.
    /// </summary>
    public static (IReadOnlyList<ProductNeed> Products, IReadOnlyList<KeyValuePair<string, string>> Labels)? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            IReadOnlyList<KeyValuePair<string, string>> labels = [];
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("labels", out var l))
                {
                    var parsed = ParseLabels(l.ValueKind == JsonValueKind.String ? l.GetString() : l.GetRawText());
                    if (parsed is null) return null;
                    labels = parsed;
                }
                if (!root.TryGetProperty("products", out root)) return null;
            }
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0) return null;
            var products = new List<ProductNeed>();
            foreach (var p in root.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.Object || !p.TryGetProperty("id", out var id) || !p.TryGetProperty("resources", out var rs)
                    || rs.ValueKind != JsonValueKind.Array) return null;
                var pid = id.ValueKind switch { JsonValueKind.String => id.GetString(), JsonValueKind.Number => id.GetRawText(), _ => null };
                if (string.IsNullOrWhiteSpace(pid)) return null;
                var needs = new List<ComponentNeed>();
                foreach (var r in rs.EnumerateArray())
                {
                    if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String
                        || !WidgetTypes.IsValid(t.GetString()) || !r.TryGetProperty("amount", out var a)) return null;
                    var text = a.ValueKind switch { JsonValueKind.Number => a.GetRawText(), JsonValueKind.String => a.GetString(), _ => null };
                    if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount > 1_000_000_000m) return null;
                    var model = r.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(m.GetString())
                        ? m.GetString()!.Trim() : WidgetTypes.DefaultModel;
                    needs.Add(new ComponentNeed(t.GetString()!, model, amount));
                }
                products.Add(new ProductNeed(pid.Trim(), needs));
            }
            return (products, labels);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Parses required node labels: <c>k=v,k2=v2</c> or a JSON array of <c>k=v</c>; empty for none; null when malformed.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? ParseLabels(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        IEnumerable<string> items;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('['))
        {
            try { items = JsonSerializer.Deserialize<string[]>(trimmed) ?? []; }
            catch (JsonException) { return null; }
        }
        else items = trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<KeyValuePair<string, string>>();
        foreach (var item in items)
        {
            var i = item.IndexOf('=', StringComparison.Ordinal);
            if (i <= 0) return null;
            result.Add(new(item[..i].Trim(), item[(i + 1)..].Trim()));
        }
        return result;
    }

    /// <summary>Static stage: ids (input order) whose components the cluster's widget stock can't cover.</summary>
    public static IReadOnlyList<string> Static(IEnumerable<ProductNeed> products, IReadOnlyList<WidgetSnapshot> widgets, string clusterId) =>
        products.Where(p => p.Components.GroupBy(c => (c.Type, c.Model)).Any(g =>
        {
            var w = widgets.FirstOrDefault(x => x.Type == g.Key.Type && x.Model == g.Key.Model);
            return w is null || w.Available(clusterId) < g.Sum(c => c.Amount);
        })).Select(p => p.Id).Distinct().ToList();

    /// <summary>True when <paramref name="node"/> may host a new instance (Ready, schedulable, a worker, all labels).</summary>
    public static bool IsCandidate(KubeNode node, IReadOnlyList<KeyValuePair<string, string>> labels) =>
        node.Ready && !node.Unschedulable && !node.Roles.Any(r => r is "control-plane" or "master")
        && labels.All(l => node.Labels.TryGetValue(l.Key, out var v) && v == l.Value);

    /// <summary>Free cpu (m), memory (Mi) and GPUs of <paramref name="node"/> given all pods of the cluster.</summary>
    public static (long CpuMilli, long MemoryMi, long Gpu) Free(KubeNode node, IEnumerable<KubePod> pods)
    {
        var live = pods.Where(p => p.NodeName == node.Name && p.Phase is not ("Succeeded" or "Failed")).ToList();
        return (node.CpuAllocatableMilli - live.Sum(p => p.CpuRequestMilli), node.MemoryAllocatableMi - live.Sum(p => p.MemoryRequestMi),
            node.GpuAllocatable - live.Sum(p => p.GpuRequest));
    }

    /// <summary>Dynamic stage: ids (input order) that fit no candidate node.</summary>
    public static IReadOnlyList<string> Dynamic(IEnumerable<ProductNeed> products, IReadOnlyList<KubeNode> nodes, IReadOnlyList<KubePod> pods,
        IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        var free = nodes.Where(n => IsCandidate(n, labels)).Select(n => Free(n, pods)).ToList();
        return products.Where(p =>
        {
            var cpu = p.Components.Where(c => c.Type == WidgetTypes.Cpu).Sum(c => c.Amount) * 1000m;
            var mem = p.Components.Where(c => c.Type == WidgetTypes.Memory).Sum(c => c.Amount);
            var gpu = p.Components.Where(c => c.Type == WidgetTypes.Gpu).Sum(c => c.Amount);
            return !free.Any(f => cpu <= f.CpuMilli && mem <= f.MemoryMi && gpu <= f.Gpu);
        }).Select(p => p.Id).Distinct().ToList();
    }
}
