using Kboss.Application.Common.Models;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-11 <c>GET /kpi/large_screen_fourth_page.dspy</c> 大屏展示商户四 (finance.md §3.1 page 4): provider and reseller
/// counts; this year's net sales by provider; this year's net revenue by settle state (未结算 / 审批中 / 已结算); the
/// top resellers by this year's net revenue of their own customers.
/// </summary>
public sealed record GetLargeScreenFourthPage : LargeScreenRequest, IQuery<Reply<MerchantsScreenView>>;

/// <summary><c>data</c> of KPI-11 (元).</summary>
public sealed record MerchantsScreenView(int ProviderCount, int ResellerCount, IReadOnlyList<RankedView> Providers,
    IReadOnlyList<RankedView> Settlement, IReadOnlyList<RankedView> TopResellers);

public sealed class GetLargeScreenFourthPageValidator : LargeScreenValidator<GetLargeScreenFourthPage>;

public sealed class GetLargeScreenFourthPageHandler(LargeScreenData data)
    : IQueryHandler<GetLargeScreenFourthPage, Reply<MerchantsScreenView>>
{
    /// <summary>Names of <see cref="SettleStates"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> SettleNames = new Dictionary<string, string>
    {
        [SettleStates.Unsettled] = "未结算", [SettleStates.InApproval] = "审批中", [SettleStates.Settled] = "已结算",
    };

    public async ValueTask<Reply<MerchantsScreenView>> Handle(GetLargeScreenFourthPage q, CancellationToken ct)
    {
        var org = await data.OrgAsync(q, ct);
        if (q.Virtual) return Reply.Ok("查询成功", LargeScreenDemo.Merchants());
        var db = data.Db;
        var providers = await data.RankAsync(org, b => b.ProviderId, ids => db.Providers.AsNoTracking()
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct), ct);
        var settlement = await data.RankAsync(org, b => b.SettleState,
            ids => Task.FromResult(SettleNames.ToDictionary()), ct);
        return Reply.Ok("查询成功", new MerchantsScreenView(await data.CountAsync(org, OrgKind.Provider, ct),
            await data.CountAsync(org, OrgKind.Reseller, ct), providers, settlement, await ResellersAsync(org, ct)));
    }

    private async Task<IReadOnlyList<RankedView>> ResellersAsync(string org, CancellationToken ct)
    {
        var (from, to) = data.Year;
        var resellers = data.Db.Organizations.AsNoTracking()
            .Where(o => o.OwnerOrgId == org && o.Kind == OrgKind.Reseller);
        var customers = data.Db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrgKind.Customer && resellers.Select(r => r.Id).Contains(o.OwnerOrgId!));
        var owners = await customers.ToDictionaryAsync(o => o.Id, o => o.OwnerOrgId!, ct);
        var sums = await KpiQueries.NetBy(data.Db, customers.Select(o => o.Id), from, to, b => b.CustomerId,
            int.MaxValue).ToListAsync(ct);
        var names = await resellers.ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        return sums.GroupBy(s => owners[s.Key!])
            .Select(g => new RankedView(g.Key, names[g.Key], KpiQueries.Yuan(g.Sum(s => s.Fen))))
            .OrderByDescending(r => r.Amount).Take(LargeScreenData.Top).ToList();
    }
}
