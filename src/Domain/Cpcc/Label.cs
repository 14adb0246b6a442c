using Kboss.Domain.Common;

namespace Kboss.Domain.Cpcc;

/// <summary>
/// 资源标签 (legacy table <c>cpclabel</c>): an org's catalogue entry of a Kubernetes label. <see cref="Symbol"/> follows
/// from <see cref="LabelType"/>: node labels (<c>"1"</c>) render <c>key=value</c>, instance labels (<c>"0"</c>)
/// <c>key:value</c>. spec: 39-cpcc-labels.md; analysis/cpcc.md §2.4, §4.5.
/// </summary>
public sealed class Label : Entity, ISoftDeletable
{
    /// <summary>Owning org.</summary>
    public string OrgId { get; set; } = "";
    /// <summary>标签名称.</summary>
    public string Name { get; set; } = "";
    /// <summary><c>"0"</c> 实例标签 / <c>"1"</c> 节点标签 (see <see cref="LabelTypes"/>).</summary>
    public string LabelType { get; set; } = LabelTypes.Instance;
    /// <summary>标签属性 (key).</summary>
    public string LabelKey { get; set; } = "";
    /// <summary>标签值.</summary>
    public string LabelValue { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>等价符号: <c>"="</c> for node labels, <c>":"</c> for instance labels.</summary>
    public string Symbol => LabelTypes.SymbolOf(LabelType);

    /// <summary>The label as instance configs and nodes carry it: <c>key=value</c> or <c>key:value</c>.</summary>
    public string Rendered => LabelKey + Symbol + LabelValue;
}

/// <summary>Values of <see cref="Label.LabelType"/>.</summary>
public static class LabelTypes
{
    /// <summary>实例标签 (used as <c>source_selflabel</c>).</summary>
    public const string Instance = "0";
    /// <summary>节点标签 (used as <c>source_nodeselector</c> and on nodes).</summary>
    public const string Node = "1";

    /// <summary>The symbol of <paramref name="labelType"/>.</summary>
    public static string SymbolOf(string labelType) => labelType == Node ? "=" : ":";
}
