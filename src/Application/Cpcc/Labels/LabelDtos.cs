using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.Labels;

/// <summary>
/// A label as L1 rows and the L2 echo show it: <c>{"id","name","orgid","labeltype","label_key","symbol","label_value",
/// "update_time","row_num_"}</c> (<c>row_num_</c> in lists only). spec: 39-cpcc-labels.md.
/// </summary>
public sealed record LabelDto
{
    /// <summary>标签id.</summary>
    public string Id { get; init; } = "";
    /// <summary>标签名称.</summary>
    public string Name { get; init; } = "";
    /// <summary>Owning org.</summary>
    public string Orgid { get; init; } = "";
    /// <summary>0 实例标签 / 1 节点标签.</summary>
    public string Labeltype { get; init; } = "";
    /// <summary>标签属性.</summary>
    public string LabelKey { get; init; } = "";
    /// <summary><c>=</c> (node) or <c>:</c> (instance).</summary>
    public string Symbol { get; init; } = "";
    /// <summary>标签值.</summary>
    public string LabelValue { get; init; } = "";
    /// <summary>更新时间.</summary>
    public DateTime UpdateTime { get; init; }
    /// <summary>1-based row number (lists only).</summary>
    [JsonPropertyName("row_num_")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RowNum { get; init; }

    /// <summary>Maps a label.</summary>
    public static LabelDto From(Label l, int? rowNum = null) => new()
    {
        Id = l.Id, Name = l.Name, Orgid = l.OrgId, Labeltype = l.LabelType, LabelKey = l.LabelKey, Symbol = l.Symbol,
        LabelValue = l.LabelValue, UpdateTime = l.UpdateTime, RowNum = rowNum,
    };
}

/// <summary>Kubernetes label syntax (labels are written to nodes and pods, analysis/cpcc.md §3.C L2).</summary>
public static partial class KubeLabelSyntax
{
    [GeneratedRegex("^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$")]
    private static partial Regex Value();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    /// <summary>A label value: ≤ 63 chars of <c>[A-Za-z0-9-_.]</c>, starting and ending alphanumeric (may be empty).</summary>
    public static bool IsValue(string v) => v.Length <= 63 && Value().IsMatch(v);

    /// <summary>A label key: an optional DNS-subdomain prefix (≤ 253) and <c>/</c>, then a non-empty name like a value.</summary>
    public static bool IsKey(string k)
    {
        var slash = k.IndexOf('/');
        var name = slash < 0 ? k : k[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = k[..slash];
            if (prefix.Length is 0 or > 253 || !DnsSubdomain().IsMatch(prefix)) return false;
        }
        return name.Length > 0 && IsValue(name);
    }

    /// <summary>True when <paramref name="label"/> is <c>key{symbol}value</c> with a valid key and value.</summary>
    public static bool IsRendered(string label, char symbol)
    {
        var i = label.IndexOf(symbol);
        return i > 0 && IsKey(label[..i]) && IsValue(label[(i + 1)..]);
    }
}
