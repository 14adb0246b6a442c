using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;

namespace Kboss.Application.Vendors.CapitalOnline;

/// <summary>
/// One list/describe of a CDS kind for an org (ADR 0037, 0041; analysis/vendors.md §5.5): the vendor filters
/// (<c>Filter</c>; blank values are left out), ids the request names that must be the org's own
/// (<see cref="Owned"/>: 403 / 资源不存在 before any call), an optional narrower id set (<see cref="Within"/>) and the
/// page the client asked for (<see cref="Paged"/>). CDS lists every resource of the operator's key, so
/// <see cref="CdsService.DescribeAsync"/> reads all of the vendor's pages (while <c>Total</c> says more; at most
/// <see cref="MaxVendorPages"/>), keeps the org's items and pages locally: <c>data</c> = <c>{Total, &lt;list&gt;}</c>
/// with the org's count. Usage: <c>cds.DescribeAsync(CdsQuery.Of(CdsKinds.Eip, org, q.RegionCode)
/// .Filter("Keyword", q.Keyword).Paged(q.PageNumber, q.PageSize), ct)</c>.
/// </summary>
public sealed record CdsQuery(CdsKind Kind, string OrgId, JsonObject Filters)
{
    /// <summary>Vendor pages one query reads at most.</summary>
    public const int MaxVendorPages = 50;
    /// <summary>Page size when the client names a page but no size.</summary>
    public const int DefaultPageSize = 20;
    /// <summary>Largest page size a client may ask for.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>(type, id) pairs the org must own.</summary>
    public IReadOnlyList<(string Type, string Id)> MustOwn { get; private init; } = [];
    /// <summary>Only these ids (null: every owned one).</summary>
    public IReadOnlySet<string>? Only { get; private init; }
    /// <summary>Client page from 1 (null: all).</summary>
    public int? Page { get; private init; }
    /// <summary>Client page size.</summary>
    public int PageSize { get; private init; } = DefaultPageSize;

    /// <summary>A query of <paramref name="kind"/> for <paramref name="orgId"/>, in <paramref name="region"/> when
    /// given (<c>RegionCode</c>).</summary>
    public static CdsQuery Of(CdsKind kind, string orgId, string? region = null) =>
        new CdsQuery(kind, orgId, []).Filter("RegionCode", region);

    /// <summary>Adds the vendor filter <paramref name="name"/> when <paramref name="value"/> is not blank.</summary>
    public CdsQuery Filter(string name, string? value) =>
        value.TrimmedOrNull() is { } v ? Filter(name, JsonValue.Create(v)) : this;

    /// <summary>Adds a non-text vendor filter (a list, a number; null leaves it out).</summary>
    public CdsQuery Filter(string name, JsonNode? value)
    {
        if (value is null) return this;
        var filters = (JsonObject)Filters.DeepClone();
        filters[name] = value.DeepClone();
        return this with { Filters = filters };
    }

    /// <summary>Adds the filter <paramref name="name"/> = <paramref name="id"/> (when given) and requires the org to
    /// own the <paramref name="type"/> with that id.</summary>
    public CdsQuery Owned(string name, string type, string? id) => id.TrimmedOrNull() is { } v
        ? (this with { MustOwn = [.. MustOwn, (type, v)] }).Filter(name, v)
        : this;

    /// <summary>Keeps only <paramref name="ids"/> of the owned items.</summary>
    public CdsQuery Within(IEnumerable<string> ids) => this with { Only = ids.ToHashSet() };

    /// <summary>The client's page (validated with <see cref="CdsQueryRules.PageNumber{T}"/>).</summary>
    public CdsQuery Paged(string? pageNumber, string? pageSize = null) => this with
    {
        Page = int.TryParse(pageNumber.TrimmedOrNull(), out var p) ? p : null,
        PageSize = int.TryParse(pageSize.TrimmedOrNull(), out var s) ? s : DefaultPageSize,
    };

    /// <summary>The vendor parameters of vendor page <paramref name="page"/> (1 sends none).</summary>
    public JsonObject Body(int page)
    {
        var body = (JsonObject)Filters.DeepClone();
        if (page > 1) body["PageNumber"] = page;
        return body;
    }

    /// <summary><c>{Total, list}</c> of the client's page of <paramref name="items"/>.</summary>
    public JsonObject Reply(IReadOnlyList<JsonNode?> items)
    {
        var page = Page is { } p ? items.Skip((p - 1) * PageSize).Take(PageSize) : items;
        return new JsonObject
        {
            ["Total"] = items.Count, [Kind.ListField] = new JsonArray(page.Select(i => i?.DeepClone()).ToArray()),
        };
    }
}

/// <summary>Validation of the paging parameters of a CDS list.</summary>
public static class CdsQueryRules
{
    /// <summary>A page number from 1.</summary>
    public static IRuleBuilderOptions<T, string?> PageNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OptionalInt(1, 100_000);

    /// <summary>A page size 1…<see cref="CdsQuery.MaxPageSize"/>.</summary>
    public static IRuleBuilderOptions<T, string?> PageSize<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OptionalInt(1, CdsQuery.MaxPageSize);
}
