using System.Text.Json.Serialization;
using Kboss.Domain.Catalog;

namespace Kboss.Application.Products.Catalog;

/// <summary>A 产品模板 as <c>specification_template_search</c> returns it.</summary>
public sealed record SpecificationTemplateDto
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>运营机构id.</summary>
    public string Orgid { get; init; } = "";
    /// <summary>模板名称.</summary>
    public string Patternname { get; init; } = "";
    /// <summary>Provider (or product) id.</summary>
    public string Productid { get; init; } = "";
    /// <summary>模板内容.</summary>
    public string SpecPattern { get; init; } = "";
    /// <summary>Always <c>"0"</c> (deleted rows are never returned).</summary>
    public string DelFlg { get; init; } = "0";
    /// <summary>Created (platform time).</summary>
    public DateTime CreateAt { get; init; }

    /// <summary>Maps an entity.</summary>
    public static SpecificationTemplateDto From(SpecificationTemplate t) => new()
    {
        Id = t.Id, Orgid = t.OrgId, Patternname = t.PatternName, Productid = t.ProductId, SpecPattern = t.SpecPattern,
        DelFlg = t.DelFlg, CreateAt = t.CreateAt,
    };
}

/// <summary>A 规格数据 row.</summary>
public sealed record SpecificDataDto
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>产品id.</summary>
    public string Productid { get; init; } = "";
    /// <summary>规格数据.</summary>
    public string SpecData { get; init; } = "";
    /// <summary>Created (platform time).</summary>
    public DateTime CreateAt { get; init; }

    /// <summary>Maps an entity.</summary>
    public static SpecificDataDto From(SpecificData d) => new() { Id = d.Id, Productid = d.ProductId, SpecData = d.SpecData, CreateAt = d.CreateAt };
}

/// <summary>A provider product, the 20 fields of <c>provider_product_group</c> (dates <c>yyyy-MM-dd</c>).</summary>
public sealed record ProductDto
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>供应商id.</summary>
    public string Providerid { get; init; } = "";
    /// <summary>供应商自带的产品pid.</summary>
    public string Providerpid { get; init; } = "";
    /// <summary>Name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Description (nullable).</summary>
    public string? Description { get; init; }
    /// <summary>Label (nullable).</summary>
    public string? Label { get; init; }
    /// <summary>Product group.</summary>
    public string Productgroup { get; init; } = "";
    /// <summary>Product type.</summary>
    public string Ptype { get; init; } = "";
    /// <summary>专属分类.</summary>
    public string Classify { get; init; } = "";
    /// <summary>State.</summary>
    public string State { get; init; } = "";
    /// <summary>Effective date.</summary>
    public DateOnly? EffectDate { get; init; }
    /// <summary>Expiry date.</summary>
    public DateOnly? ExpireDate { get; init; }
    /// <summary>Sale mode.</summary>
    public string Salemode { get; init; } = "";
    /// <summary>Product code.</summary>
    public string ProductCode { get; init; } = "";
    /// <summary>Spec note.</summary>
    public string SpecNote { get; init; } = "";
    /// <summary>Area.</summary>
    public string ProductArea { get; init; } = "";
    /// <summary>Spec pattern.</summary>
    public string SpecificPattern { get; init; } = "";
    /// <summary>Selling org.</summary>
    [JsonPropertyName("reseller_orgid")]
    public string ResellerOrgid { get; init; } = "";
    /// <summary>Soft-delete flag (always <c>"0"</c> here).</summary>
    public string DelFlg { get; init; } = "0";
    /// <summary>Created (platform time).</summary>
    public DateTime CreateAt { get; init; }
}

/// <summary>A 首页产品树 node with its children (§4.5); the admin view adds <c>parentid</c>, <c>userid</c>, <c>url_link</c>, <c>create_at</c>.</summary>
public sealed record HomepageNodeDto
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>名称.</summary>
    public string Name { get; init; } = "";
    /// <summary>icon链接.</summary>
    public string? Icon { get; init; }
    /// <summary>来源.</summary>
    public string? Source { get; init; }
    /// <summary>跳转链接.</summary>
    public string? Listurl { get; init; }
    /// <summary>优先级 (string, as the legacy wire).</summary>
    public string Priority { get; init; } = "";
    /// <summary>Parent (<c>"0"</c> for a root; admin view only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Parentid { get; init; }
    /// <summary>Creator (admin view only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Userid { get; init; }
    /// <summary>Site (admin view only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? UrlLink { get; init; }
    /// <summary>Created (admin view only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? CreateAt { get; init; }
    /// <summary>Children, always an array.</summary>
    public IReadOnlyList<HomepageNodeDto> Children { get; init; } = [];
}

/// <summary>Builds the homepage tree (analysis/catalog.md §4.5): roots have no parent; orphans are hidden; siblings by priority, create time, id; depth at most 10.</summary>
public static class HomepageTree
{
    /// <summary>Deepest level built.</summary>
    public const int MaxDepth = 10;

    /// <summary>The wire value of a root's parent.</summary>
    public const string RootMarker = "0";

    /// <summary>True when a <c>parentid</c> names the root (<c>"0"</c> or empty).</summary>
    public static bool IsRoot(string? parentid) => string.IsNullOrWhiteSpace(parentid) || parentid.Trim() == RootMarker;

    /// <summary>Trees under <paramref name="roots"/> (null: the real roots) built from <paramref name="all"/>.</summary>
    public static IReadOnlyList<HomepageNodeDto> Build(IReadOnlyCollection<HomepageCategoryNode> all, bool admin, IEnumerable<HomepageCategoryNode>? roots = null)
    {
        var children = all.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!);
        return Order(roots ?? all.Where(n => n.ParentId is null)).Select(n => Node(n, children, admin, 1)).ToList();
    }

    /// <summary>Ids of <paramref name="rootId"/> and its descendants.</summary>
    public static HashSet<string> Subtree(IEnumerable<HomepageCategoryNode> all, string rootId)
    {
        var children = all.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!);
        var result = new HashSet<string>(StringComparer.Ordinal) { rootId };
        var stack = new Stack<string>([rootId]);
        while (stack.Count > 0)
            foreach (var child in children[stack.Pop()])
                if (result.Add(child.Id)) stack.Push(child.Id);
        return result;
    }

    /// <summary>Maps one node and its sub-tree.</summary>
    public static HomepageNodeDto Node(HomepageCategoryNode n, ILookup<string, HomepageCategoryNode> children, bool admin, int depth) => new()
    {
        Id = n.Id, Name = n.Name, Icon = n.Icon, Source = n.Source, Listurl = n.ListUrl,
        Priority = n.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Parentid = admin ? n.ParentId ?? RootMarker : null, Userid = admin ? n.UserId ?? "" : null,
        UrlLink = admin ? n.UrlLink : null, CreateAt = admin ? n.CreateAt : null,
        Children = depth >= MaxDepth ? [] : Order(children[n.Id]).Select(c => Node(c, children, admin, depth + 1)).ToList(),
    };

    private static IEnumerable<HomepageCategoryNode> Order(IEnumerable<HomepageCategoryNode> nodes) =>
        nodes.OrderBy(n => n.Priority).ThenBy(n => n.CreateAt).ThenBy(n => n.Id, StringComparer.Ordinal);
}
