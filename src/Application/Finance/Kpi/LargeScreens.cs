using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// The parameters of the four big screens KPI-08…11 (finance.md §3.1, §6 #13): <c>flag</c> 0 = virtual data (the
/// fixed demo set of <see cref="LargeScreenDemo"/>, same shape), 1 = real data; <c>orgid</c> the owner org or
/// reseller whose customers are shown. Both required. Rights: <see cref="KpiAccess.OwnerOrgAsync"/>.
/// </summary>
public abstract record LargeScreenRequest
{
    /// <summary><c>0</c> virtual, <c>1</c> real.</summary>
    public string? Flag { get; init; }
    /// <summary>业主机构/分销商.</summary>
    public string? Orgid { get; init; }

    /// <summary>True for virtual data.</summary>
    public bool Virtual => Flag?.Trim() == "0";
}

/// <summary>Rules of <see cref="LargeScreenRequest"/>.</summary>
public abstract class LargeScreenValidator<T> : AbstractValidator<T> where T : LargeScreenRequest
{
    /// <summary>The shared rules.</summary>
    protected LargeScreenValidator()
    {
        RuleFor(x => x.Flag).Required().OneOf(["0", "1"]).WithMessage("flag参数错误");
        RuleFor(x => x.Orgid).Required().MaxChars(64);
    }
}

/// <summary>An entry of a ranking (元).</summary>
/// <param name="Id">Customer, product, provider or reseller id; settle state.</param>
/// <param name="Name">Its name.</param>
/// <param name="Amount">Net revenue.</param>
public sealed record RankedView(string Id, string Name, decimal Amount);

/// <summary>The real data behind the big screens: the org's scope, this year's range, names of ranked ids.</summary>
public sealed class LargeScreenData(IKbossDbContext db, KpiAccess access, KpiClock clock)
{
    /// <summary>Entries of a ranking.</summary>
    public const int Top = 10;

    /// <summary>The database.</summary>
    public IKbossDbContext Db => db;
    /// <summary>Platform dates.</summary>
    public KpiClock Clock => clock;

    /// <summary>The authorised org of <paramref name="r"/> (403 before anything is read, also for demo data).
    /// </summary>
    public ValueTask<string> OrgAsync(LargeScreenRequest r, CancellationToken ct) =>
        access.OwnerOrgAsync(r.Orgid, ct);

    /// <summary>This year: [1 Jan, next 1 Jan) in platform dates.</summary>
    public (DateOnly From, DateOnly To) Year
    {
        get
        {
            var from = new DateOnly(clock.Today.Year, 1, 1);
            return (from, from.AddYears(1));
        }
    }

    /// <summary>Live orgs of <paramref name="kind"/> owned by <paramref name="org"/>.</summary>
    public Task<int> CountAsync(string org, OrgKind kind, CancellationToken ct) =>
        db.Organizations.AsNoTracking().CountAsync(o => o.OwnerOrgId == org && o.Kind == kind, ct);

    /// <summary>Monthly money days over the month window and its base year (with recharges).</summary>
    public async Task<(IReadOnlyList<KpiBucket> Window, MoneyDays Money)> MonthsAsync(string org, CancellationToken ct)
    {
        var window = KpiSeries.Window(KpiGranularity.Month, clock.Today);
        var from = KpiSeries.DataStart(window) < Year.From ? KpiSeries.DataStart(window) : Year.From;
        return (window, await MoneyDays.ReadOrgAsync(db, org, from, Year.To, true, ct));
    }

    /// <summary>This year's net revenue of <paramref name="org"/>'s customers by <paramref name="key"/>.</summary>
    public async Task<IReadOnlyList<RankedView>> RankAsync(string org,
        System.Linq.Expressions.Expression<Func<Bill, string?>> key,
        Func<List<string>, Task<Dictionary<string, string>>> names,
        CancellationToken ct)
    {
        var rows = await KpiQueries.NetBy(db, KpiQueries.CustomersOfOrg(db, org).Select(o => o.Id), Year.From, Year.To,
            key, Top).ToListAsync(ct);
        var named = await names(rows.Where(r => r.Key != null).Select(r => r.Key!).ToList());
        return rows.Select(r => new RankedView(r.Key ?? "", r.Key is { } k && named.TryGetValue(k, out var n) ? n : "",
            KpiQueries.Yuan(r.Fen))).ToList();
    }

    /// <summary>Names of orgs.</summary>
    public Task<Dictionary<string, string>> OrgNamesAsync(List<string> ids) =>
        db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
}
