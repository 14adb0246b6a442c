using System.Text.Json.Serialization;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Approval;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Finance.Settlement;

/// <summary>
/// STL-05 <c>POST /provider_settle/auto_provider_settle_cron_job.dspy</c> 供应商自动结算 (spec 17; finance.md §3.5,
/// §4.6), also the Quartz job <c>auto_provider_settle_cron_job</c> (ADR 0019, 0035). For every operator org and every
/// provider with unsettled bills of its customers whose period is due today (the provider's <c>settle_datep</c>,
/// <see cref="SettlementPeriod"/>): the settlement of that period — starting at the earliest unsettled bill, so late
/// bills join it — is created unless a live one exists (running twice creates nothing new), and with
/// <c>settle_mode = auto</c> and a non-zero amount it is sent for approval like STL-03 by user <c>system</c> with the
/// org's configured sender phone. One failure (approval not configured…) is logged and counted; the others go on.
/// Admin (HTTP) or the scheduler.
/// </summary>
public sealed record RunAutoSettlement : SettlementRequest, ICommand<Reply<AutoSettlementReport>>
{
    /// <summary>The platform date to run for (tests); null = today.</summary>
    [JsonIgnore]
    internal DateOnly? Today { get; init; }
}

/// <summary>What a run did.</summary>
/// <param name="Created">Settlements created.</param>
/// <param name="Sent">Settlements sent for approval.</param>
/// <param name="Failed">Sends refused (logged).</param>
public sealed record AutoSettlementReport(int Created, int Sent, int Failed);

public sealed class RunAutoSettlementHandler(IKbossDbContext db, SettlementBills bills, SettlementSubmitter submitter,
    IPlatformSettings platform, TimeProvider clock, ILogger<RunAutoSettlementHandler> log)
    : ICommandHandler<RunAutoSettlement, Reply<AutoSettlementReport>>
{
    /// <summary>The initiator of automatic settlements.</summary>
    public const string SystemUser = "system";

    public async ValueTask<Reply<AutoSettlementReport>> Handle(RunAutoSettlement c, CancellationToken ct)
    {
        var today = c.Today ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime,
            platform.TimeZone));
        var operators = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrgKind.Operator)
            .Select(o => o.Id).ToListAsync(ct);
        int created = 0, sent = 0, failed = 0;
        foreach (var orgId in operators)
        {
            var due = await bills.Eligible(orgId).AsNoTracking().Where(b => b.SettleState == SettleStates.Unsettled)
                .GroupBy(b => b.ProviderId!).Select(g => new
                {
                    ProviderId = g.Key, Earliest = g.Min(b => b.BillDate),
                    Account = db.ProviderAccounts.Where(a => a.ProviderId == g.Key)
                        .Select(a => new { a.SettleDatep, a.SettleMode }).FirstOrDefault(),
                }).ToListAsync(ct);
            foreach (var p in due)
            {
                if (SettlementPeriod.DueOn(p.Account?.SettleDatep, today) is not { } period) continue;
                var start = p.Earliest < period.Start ? p.Earliest : period.Start;
                var (settlement, isNew) = await FindOrCreateAsync(orgId, p.ProviderId, start, period.End, ct);
                if (settlement is null) continue;
                created += isNew ? 1 : 0;
                if (!SettlementPeriod.SendsAutomatically(p.Account?.SettleMode) || !settlement.CanSend
                    || settlement.SettleAmount == 0) continue;
                try
                {
                    var phone = await db.ApvSendKeys.AsNoTracking()
                        .Where(k => k.OrgId == orgId && db.ApvBusinesses.Any(b =>
                            b.Id == k.BusinessId && b.BusinessName == SettlementSubmitter.BusinessCode))
                        .Select(k => k.SendPhone).FirstOrDefaultAsync(ct);
                    await submitter.SendAsync(orgId, settlement.Id, SystemUser, phone, ct);
                    sent++;
                }
                catch (BusinessException e)
                {
                    failed++;
                    log.LogWarning("Automatic settlement {Id} of provider {Provider} not sent: {Reason}",
                        settlement.Id, p.ProviderId, e.Message);
                }
            }
        }
        return Reply.Ok(SettlementMessages.Done, new AutoSettlementReport(created, sent, failed));
    }

    /// <summary>The live settlement of the period, created when missing; null when the period has no bill.</summary>
    private async Task<(ProviderSettlement? Settlement, bool IsNew)> FindOrCreateAsync(string orgId,
        string providerId, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var existing = await db.ProviderSettlements.AsNoTracking().FirstOrDefaultAsync(s => s.OrgId == orgId
            && s.ProviderId == providerId && s.StartDate == start && s.EndDate == end
            && s.State != SettlementStates.Rejected, ct);
        if (existing is not null) return (existing, false);
        var settlement = ProviderSettlement.Create(orgId, providerId, start, end, SettlementSources.Auto).OrThrow();
        var held = await bills.UnsettledAsync(settlement, ct);
        if (held.Count == 0) return (null, false);
        settlement.Preview(held).OrThrow();
        db.ProviderSettlements.Add(settlement);
        try
        {
            await db.SaveChangesAsync(ct);
            return (settlement, true);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.ClearChanges(); // another node created it first
            return (null, false);
        }
    }
}
