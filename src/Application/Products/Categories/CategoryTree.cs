using System.Text.Json.Serialization;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Marketplace;

namespace Kboss.Application.Products.Categories;

/// <summary>
/// A node of the category tree: <c>{"id", "name", "children"}</c> as documented, plus <c>priority</c>,
/// <c>permission</c>, <c>cart_flag</c> (analysis §6 #17) and, on the homepage, <c>count</c>. Leaves have <c>children: []</c>.
/// </summary>
public sealed record CategoryNode
{
    /// <summary>Category id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Category name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Parent id (null for roots).</summary>
    public string? Parentid { get; init; }
    /// <summary>展示优先级 (1 first), as a string.</summary>
    public string Priority { get; init; } = "1";
    /// <summary>"1" customers see it when publishing, "0" not.</summary>
    public string Permission { get; init; } = "1";
    /// <summary>"1" show the CPU/GPU inputs, else null.</summary>
    public string? CartFlag { get; init; }
    /// <summary>Public items of the sub-tree (homepage only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Count { get; init; }
    /// <summary>Child nodes, by priority then creation.</summary>
    public IReadOnlyList<CategoryNode> Children { get; init; } = [];
}

/// <summary>Builds the category tree (analysis/catalog.md §4.5, §4.6): orphans hidden, siblings by priority ascending.</summary>
public static class CategoryTree
{
    /// <summary>Deepest level built (cycle guard).</summary>
    public const int MaxDepth = 10;

    /// <summary>
    /// The tree of <paramref name="all"/>; a node failing <paramref name="include"/> is dropped with its sub-tree;
    /// <paramref name="count"/>, when given, fills <see cref="CategoryNode.Count"/> from the node's sub-tree ids.
    /// </summary>
    public static IReadOnlyList<CategoryNode> Build(IReadOnlyCollection<ProductCategory> all, Func<ProductCategory, bool> include,
        Func<HashSet<string>, int>? count = null)
    {
        var children = all.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!);
        var roots = all.Where(c => c.ParentId is null); // a node whose parent is gone is not reachable: hidden
        return Level(roots, 1);

        IReadOnlyList<CategoryNode> Level(IEnumerable<ProductCategory> nodes, int depth) => depth > MaxDepth ? [] : nodes
            .Where(include)
            .OrderBy(c => c.Priority).ThenBy(c => c.CreateAt).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new CategoryNode
            {
                Id = c.Id, Name = c.Name, Parentid = c.ParentId,
                Priority = c.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Permission = c.Permission, CartFlag = c.CartFlag,
                Count = count?.Invoke(MarketplaceAccess.Subtree(all, c.Id)),
                Children = Level(children[c.Id], depth + 1),
            })
            .ToList();
    }
}
