using System.Text.Json.Serialization;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Finance.CpccLocalisation;

/// <summary>
/// The Quartz job <c>CpccPurchaseExpiry</c> (ADR 0040 3a): a compute-centre purchase pays for <c>duration</c>
/// <c>duration_unit</c> from the moment it was paid (<see cref="ExpireCpccPurchasesHandler.ExpiresAt"/>); once that
/// has passed, the purchased instance is removed from its cluster like K9 (<see cref="InstanceRemoval"/>: stock back,
/// row deleted). An instance already deleted, or in the middle of another change, is left (the next run looks again).
/// One failure (cluster unreachable) is logged and counted; the others go on. No renewal yet: the customer buys again.
/// </summary>
public sealed record ExpireCpccPurchases : ICommand<Reply<CpccExpiryReport>>
{
    /// <summary>The instant to expire at (tests: a later clock); null = now.</summary>
    [JsonIgnore]
    internal DateTime? Now { get; init; }
}

/// <summary>What a run did.</summary>
/// <param name="Removed">Instances removed.</param>
/// <param name="Failed">Removals that failed (retried next run).</param>
public sealed record CpccExpiryReport(int Removed, int Failed);

public sealed class ExpireCpccPurchasesHandler(IKbossDbContext db, InstanceRemoval removal, TimeProvider clock,
    ILogger<ExpireCpccPurchasesHandler> log) : ICommandHandler<ExpireCpccPurchases, Reply<CpccExpiryReport>>
{
    /// <summary>When a purchase paid at <paramref name="paidAt"/> for the term ends.</summary>
    public static DateTime ExpiresAt(DateTime paidAt, int duration, string unit) =>
        paidAt.AddHours((double)(duration * PricingRules.DurationUnitHours[unit]));

    public async ValueTask<Reply<CpccExpiryReport>> Handle(ExpireCpccPurchases c, CancellationToken ct)
    {
        var now = c.Now ?? clock.GetUtcNow().UtcDateTime;
        var latestPaid = now.AddHours(-1); // the shortest term is one hour
        var candidates = await (from p in db.CpccPurchases.AsNoTracking()
                                join i in db.InstanceConfigs.AsNoTracking() on p.InstanceConfigId equals i.Id
                                where p.State == CpccPurchaseStates.Delivered && p.CreateAt <= latestPaid
                                      && i.State == OutsideStates.Live
                                select new { p.Id, p.InstanceConfigId, p.CreateAt, p.Duration, p.DurationUnit })
            .ToListAsync(ct);
        var (removed, failed) = (0, 0);
        foreach (var p in candidates.Where(p => PricingRules.DurationUnitHours.ContainsKey(p.DurationUnit)
                                                && ExpiresAt(p.CreateAt, p.Duration, p.DurationUnit) <= now))
        {
            db.ClearChanges();
            var config = await db.InstanceConfigs.FirstOrDefaultAsync(i => i.Id == p.InstanceConfigId, ct);
            if (config is null || config.State != OutsideStates.Live) continue;
            try
            {
                await removal.RunAsync(config, "finance.cpcc_purchase.expired", ct);
                removed++;
            }
            catch (BusinessException e)
            {
                failed++;
                log.LogWarning("Expired purchase {Purchase}: instance {Instance} not removed: {Reason}", p.Id,
                    p.InstanceConfigId, e.Message);
            }
        }
        return Reply.Ok("操作成功", new CpccExpiryReport(removed, failed));
    }
}
