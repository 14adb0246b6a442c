using System.Globalization;

namespace Kboss.Application.Common.Models;

/// <summary>
/// A page of a <c>current_page</c>/<c>page_size</c> list (analysis/catalog.md §2.0, §4.4):
/// <c>{"total", "current_page", "page_size", "rows"}</c>, a superset of the platform's <c>{total, rows}</c>.
/// </summary>
/// <typeparam name="T">Row shape.</typeparam>
/// <param name="Total">Count before paging.</param>
/// <param name="CurrentPage">1-based page served.</param>
/// <param name="PageSize">Page size served.</param>
/// <param name="Rows">The rows (empty past the end).</param>
public sealed record PageResult<T>(int Total, int CurrentPage, int PageSize, IReadOnlyList<T> Rows);

/// <summary>
/// Lenient <c>current_page</c>/<c>page_size</c> (analysis/catalog.md §4.4): a missing, non-integer or &lt; 1 page is 1;
/// such a size is the endpoint default; sizes above <see cref="MaxSize"/> are capped.
/// </summary> <param name="Page">1-based page.</param>
/// <param name="Size">Page size.</param>
public sealed record CurrentPage(int Page, int Size)
{
    /// <summary>Largest page size.</summary>
    public const int MaxSize = 100;

    /// <summary>Rows to skip.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (long)(Page - 1) * Size);

    /// <summary>Parses the two parameters with <paramref name="defaultSize"/>.</summary>
    public static CurrentPage Parse(string? currentPage, string? pageSize, int defaultSize)
    {
        var page = int.TryParse(currentPage?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        var size = int.TryParse(pageSize?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s >= 1 ? Math.Min(s, MaxSize) : defaultSize;
        return new CurrentPage(page, size);
    }

    /// <summary>Wraps <paramref name="rows"/> of this page.</summary>
    public PageResult<T> Result<T>(int total, IReadOnlyList<T> rows) => new(total, Page, Size, rows);
}
