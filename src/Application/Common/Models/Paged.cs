using System.Text.Json.Serialization;

namespace Kboss.Application.Common.Models;

/// <summary>A paged list <c>{"total": n, "rows": [...]}</c>; each row carries <c>row_num_</c>.</summary>
/// <typeparam name="T">Row shape.</typeparam>
public sealed record Paged<T>(int Total, IReadOnlyList<T> Rows);

/// <summary>Parsed <c>page</c> / <c>rows</c> / <c>sort</c> of a list request.</summary>
/// <param name="Page">1-based page.</param>
/// <param name="Rows">Page size, 1–1000.</param>
/// <param name="SortField">Field to sort by (a documented row key).</param>
/// <param name="Descending">Sort descending.</param>
public sealed record PageSpec(int Page, int Rows, string SortField, bool Descending)
{
    /// <summary>Default page size.</summary>
    public const int DefaultRows = 10;
    /// <summary>Largest accepted page size.</summary>
    public const int MaxRows = 1000;

    /// <summary>Rows to skip.</summary>
    public int Skip => (Page - 1) * Rows;

    /// <summary>
    /// Parses the legacy paging parameters. <paramref name="sort"/> is a field name, optionally followed by
    /// <c>asc</c>/<c>desc</c> or prefixed with <c>-</c> for descending. Returns null when a value is malformed
    /// (validators report which).
    /// </summary>
    public static PageSpec Parse(string? page, string? rows, string? sort, string defaultSort)
    {
        var p = string.IsNullOrWhiteSpace(page) ? 1 : int.Parse(page.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var r = string.IsNullOrWhiteSpace(rows) ? DefaultRows : int.Parse(rows.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var (field, desc) = ParseSort(sort, defaultSort);
        return new PageSpec(p, r, field, desc);
    }

    /// <summary>Splits <c>"name desc"</c>, <c>"-name"</c> or <c>"name"</c> into field and direction.</summary>
    public static (string Field, bool Descending) ParseSort(string? sort, string defaultSort)
    {
        if (string.IsNullOrWhiteSpace(sort)) return (defaultSort, false);
        var s = sort.Trim();
        if (s.StartsWith('-')) return (s[1..].Trim(), true);
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var desc = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
        return (parts[0], desc);
    }
}
