using System.Linq.Expressions;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;

namespace Kboss.Application.Lease;

/// <summary>
/// Paging of the lease lists (lease.md §0.1, §0.2 item 8): <c>page</c> ≥ 1, <c>rows</c> 1–100 (default 10),
/// <c>sort</c> "column asc|desc" from a whitelist (default <c>create_at desc</c>; else <c>排序字段不支持</c>).
/// </summary>
public static class LeasePaging
{
    /// <summary>Largest page.</summary>
    public const int MaxRows = 100;
    /// <summary>Unsupported sort field.</summary>
    public const string BadSort = "排序字段不支持";

    /// <summary>The rules on the three parameters.</summary>
    public static void Rules<T>(AbstractValidator<T> v, Expression<Func<T, string?>> page,
        Expression<Func<T, string?>> rows, Expression<Func<T, string?>> sort, IReadOnlyCollection<string> fields)
    {
        Rules(v, page, rows);
        v.RuleFor(sort).Must(s => string.IsNullOrWhiteSpace(s) || IsSort(s, fields)).WithMessage(BadSort);
    }

    /// <summary>The rules on <c>page</c> and <c>rows</c> of a list with a fixed order.</summary>
    public static void Rules<T>(AbstractValidator<T> v, Expression<Func<T, string?>> page,
        Expression<Func<T, string?>> rows)
    {
        v.RuleFor(page).OptionalInt(1, int.MaxValue);
        v.RuleFor(rows).OptionalInt(1, MaxRows);
    }

    /// <summary>The parsed page (valid input).</summary>
    public static PageSpec Parse(string? page, string? rows, string? sort) =>
        string.IsNullOrWhiteSpace(sort)
            ? PageSpec.Parse(page, rows, "create_at desc", "create_at")
            : PageSpec.Parse(page, rows, sort, "create_at");

    private static bool IsSort(string s, IReadOnlyCollection<string> fields)
    {
        var parts = s.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length is 1 or 2 && fields.Contains(parts[0])
            && (parts.Length == 1 || parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase)
                || parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase));
    }
}
