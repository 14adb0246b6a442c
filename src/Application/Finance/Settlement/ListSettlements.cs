using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Settlement;

/// <summary>
/// STL-01 <c>POST /provider_settle/get_settle_list.dspy</c> 获取待结算的供应商list (spec 17; finance.md §3.5): one row
/// per settlement of <c>orgid</c> that is pending, in approval or rejected, and one row (<c>id</c> null) per other
/// provider with unsettled bills — <c>start_date</c> its earliest unsettled bill date, <c>end_date</c> yesterday (or
/// the latest bill date when later). Ordered by <c>settle_amount</c> descending. Operators, own org.
/// </summary>
public sealed record ListSettlements : SettlementRequest, IQuery<Reply<IReadOnlyList<SettlementRow>>>, IOrgScoped
{
    /// <summary>机构id (operator org; default the caller's).</summary>
    public string? Orgid { get; set; }
}

/// <summary>A provider awaiting settlement.</summary>
public sealed record SettlementRow
{
    /// <summary>Settlement id (null: none created yet).</summary>
    public string? Id { get; init; }
    /// <summary>Provider.</summary>
    public string Providerid { get; init; } = "";
    /// <summary>Provider name.</summary>
    public string? ProviderName { get; init; }
    /// <summary>Period start (inclusive).</summary>
    public DateOnly StartDate { get; init; }
    /// <summary>Period end (inclusive).</summary>
    public DateOnly EndDate { get; init; }
    /// <summary>Bills.</summary>
    public int BillCount { get; init; }
    /// <summary>Σ signed 折后价格 (元).</summary>
    public decimal TotalAmount { get; init; }
    /// <summary>Payable to the provider (元).</summary>
    public decimal SettleAmount { get; init; }
    /// <summary>Settlement state (null without a settlement).</summary>
    public string? State { get; init; }
    /// <summary>DingTalk instance id.</summary>
    public string? ApvId { get; init; }
}

public sealed class ListSettlementsValidator : AbstractValidator<ListSettlements>
{
    public ListSettlementsValidator() => RuleFor(x => x.Orgid).MaxChars(32);
}

public sealed class ListSettlementsHandler(IKbossDbContext db, SettlementBills bills, IPlatformSettings platform,
    TimeProvider clock) : IQueryHandler<ListSettlements, Reply<IReadOnlyList<SettlementRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<SettlementRow>>> Handle(ListSettlements q, CancellationToken ct)
    {
        var orgId = q.Orgid!;
        var open = await db.ProviderSettlements.AsNoTracking()
            .Where(s => s.OrgId == orgId && s.State != SettlementStates.Settled).ToListAsync(ct);
        var unsettled = await bills.Eligible(orgId).AsNoTracking()
            .Where(b => b.SettleState == SettleStates.Unsettled).GroupBy(b => b.ProviderId!)
            .Select(g => new
            {
                ProviderId = g.Key, Start = g.Min(b => b.BillDate), End = g.Max(b => b.BillDate), Count = g.Count(),
                Total = g.Sum(b => b.BusinessOp == BusinessOps.Refund ? -b.Amount : b.Amount),
                Settle = g.Sum(b => b.BusinessOp == BusinessOps.Refund ? -(b.CostAmt ?? 0m) : b.CostAmt ?? 0m),
            }).ToListAsync(ct);
        var names = await db.Providers.AsNoTracking()
            .Where(p => open.Select(s => s.ProviderId).Contains(p.Id) || unsettled.Select(b => b.ProviderId).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime,
            platform.TimeZone)).AddDays(-1);
        var rows = open.Select(s => new SettlementRow
        {
            Id = s.Id, Providerid = s.ProviderId, ProviderName = names.GetValueOrDefault(s.ProviderId),
            StartDate = s.StartDate, EndDate = s.EndDate, BillCount = s.BillCount, TotalAmount = s.TotalAmount,
            SettleAmount = s.SettleAmount, State = s.State, ApvId = s.ApvId,
        }).ToList();
        var covered = open.Select(s => s.ProviderId).ToHashSet();
        rows.AddRange(unsettled.Where(g => !covered.Contains(g.ProviderId)).Select(g => new SettlementRow
        {
            Providerid = g.ProviderId, ProviderName = names.GetValueOrDefault(g.ProviderId), StartDate = g.Start,
            EndDate = g.End > yesterday ? g.End : yesterday, BillCount = g.Count, TotalAmount = Money.Round2(g.Total),
            SettleAmount = Money.Round2(g.Settle),
        }));
        return Reply.Ok<IReadOnlyList<SettlementRow>>("查询成功",
            rows.OrderByDescending(r => r.SettleAmount).ThenBy(r => r.Providerid).ToList());
    }
}
