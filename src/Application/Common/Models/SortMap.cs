using System.Linq.Expressions;

namespace Kboss.Application.Common.Models;

/// <summary>
/// The sortable fields of a list endpoint: wire field name → key selector. Applies <see cref="PageSpec"/> ordering
/// to a query with a stable tie-breaker, so every list sorts the same way.
/// </summary> <typeparam name="T">Entity type.</typeparam>
public sealed class SortMap<T>
{
    private readonly Dictionary<string, LambdaExpression> _keys = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="field"/> sorted by <paramref name="key"/>.</summary>
    public SortMap<T> Add<TKey>(string field, Expression<Func<T, TKey>> key)
    {
        _keys[field] = key;
        return this;
    }

    /// <summary>The sortable wire field names.</summary>
    public IReadOnlyCollection<string> Fields => _keys.Keys;

    /// <summary>True when <paramref name="field"/> can be sorted on.</summary>
    public bool Supports(string field) => _keys.ContainsKey(field);

    /// <summary>Orders <paramref name="query"/> by the page's field, then by <paramref name="tieBreaker"/> ascending.</summary>
    public IOrderedQueryable<T> Apply<TTie>(IQueryable<T> query, PageSpec page, Expression<Func<T, TTie>> tieBreaker)
    {
        var key = _keys[page.SortField];
        var method = page.Descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy);
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], query.Expression, Expression.Quote(key));
        var ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(call);
        return ordered.ThenBy(tieBreaker);
    }
}
