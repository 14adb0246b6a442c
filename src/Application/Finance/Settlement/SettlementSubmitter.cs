using Kboss.Application.Approval;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Approval;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Settlement;

/// <summary>A settlement sent for approval.</summary>
/// <param name="Id">Settlement id.</param>
/// <param name="ApvId">DingTalk instance id.</param>
public sealed record SettlementSent(string Id, string ApvId);

/// <summary>
/// Sends a settlement for approval (STL-03 and the cron, finance.md §4.6) in the outside-call shape of ADR 0015:
/// <b>reserve</b> — a short transaction recomputes the settlement from its unsettled bills, locks them
/// (<c>settle_state=1</c>) and stores the links (unique per bill, so a bill joins one live settlement even when
/// sends race); <b>call</b> — <see cref="IApprovalHub.SendAsync"/> with no transaction open; <b>confirm</b> — the
/// instance id is stored; or <b>compensate</b> — the bills are released and the settlement is pending again, and the
/// reply says <c>发起审批失败</c> with the hub's reason and code.
/// </summary>
public sealed class SettlementSubmitter(IKbossDbContext db, SettlementBills bills, IApprovalHub hub)
{
    /// <summary>The approval business of provider settlements (spec STL-03 example).</summary>
    public const string BusinessCode = "供应商结算统计";
    /// <summary>E_APV_SEND.</summary>
    public const string SendFailedMessage = "发起审批失败";
    /// <summary>A bill another settlement locked first.</summary>
    public const string BillTakenMessage = "账单已在其他结算单中";
    /// <summary>No such settlement (or not the org's).</summary>
    public const string NotFoundMessage = "结算单不存在";

    /// <summary>Sends <paramref name="settlementId"/> of <paramref name="orgId"/>; refusals throw
    /// <see cref="BusinessException"/>.</summary>
    public async Task<SettlementSent> SendAsync(string orgId, string settlementId, string? userId, string? phone,
        CancellationToken ct)
    {
        var settlement = await ReserveAsync(orgId, settlementId, userId, phone, ct);
        var providerName = await db.Providers.AsNoTracking().Where(p => p.Id == settlement.ProviderId)
            .Select(p => p.Name).FirstOrDefaultAsync(ct) ?? settlement.ProviderId;
        ApprovalStarted started;
        try
        {
            started = await hub.SendAsync(new ApprovalRequest(settlement.OrgId, BusinessCode, settlement.Id,
                TitleValues: new Dictionary<string, string> { ["provider"] = providerName },
                DetailValues: new Dictionary<string, string>
                {
                    ["provider"] = providerName,
                    ["period"] = $"{settlement.StartDate:yyyy-MM-dd}~{settlement.EndDate:yyyy-MM-dd}",
                    ["bill_count"] = settlement.BillCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["price"] = ApprovalTemplateText.Text(settlement.SettleAmount),
                    ["settle_amount"] = ApprovalTemplateText.Text(settlement.SettleAmount),
                }, UserId: userId, Phone: phone), ct);
        }
        catch (BusinessException e)
        {
            await CompensateAsync(settlement.Id);
            throw new BusinessException($"{SendFailedMessage}: {e.Message}", e.Code);
        }
        await ConfirmAsync(settlement, started.ApvId);
        return new SettlementSent(settlement.Id, started.ApvId);
    }

    private async Task<ProviderSettlement> ReserveAsync(string orgId, string settlementId, string? userId,
        string? phone, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var settlement = await db.ProviderSettlements
                             .FirstOrDefaultAsync(s => s.Id == settlementId && s.OrgId == orgId, ct)
                         ?? throw BusinessException.NotFound(NotFoundMessage);
        var held = await bills.UnsettledAsync(settlement, ct);
        var links = settlement.StartApproval(held, userId, phone).OrThrow();
        db.ProviderSettlementBills.AddRange(links);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(BillTakenMessage);
        }
        await tx.CommitAsync(ct);
        return settlement;
    }

    /// <summary>Stores the instance id; a result applied in between (the hub is fast) keeps its state.</summary>
    private async Task ConfirmAsync(ProviderSettlement settlement, string apvId)
    {
        for (var attempt = 0; ; attempt++)
        {
            settlement.AwaitApproval(apvId).OrThrow();
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 2)
            {
                db.ClearChanges();
                settlement = await db.ProviderSettlements.SingleAsync(s => s.Id == settlement.Id);
            }
        }
    }

    /// <summary>
    /// Finishes a send whose confirm step was lost (ADR 0040, <see cref="SweepUnsentApprovals"/>): stores
    /// <paramref name="apvId"/> when the hub recorded one, else releases the bills like a refused send. False when the
    /// settlement is no longer in approval without an instance id.
    /// </summary>
    public async Task<bool> RecoverAsync(string settlementId, string? apvId)
    {
        db.ClearChanges();
        var settlement = await db.ProviderSettlements.SingleAsync(s => s.Id == settlementId);
        if (settlement.State != SettlementStates.InApproval || settlement.ApvId is not null) return false;
        if (apvId is not null) await ConfirmAsync(settlement, apvId);
        else await CompensateAsync(settlementId);
        return true;
    }

    private async Task CompensateAsync(string settlementId)
    {
        await using var tx = await db.BeginTransactionAsync(CancellationToken.None);
        db.ClearChanges();
        var settlement = await db.ProviderSettlements.SingleAsync(s => s.Id == settlementId);
        var held = await bills.HeldByAsync(settlementId, CancellationToken.None);
        settlement.AbandonApproval(held).OrThrow();
        await db.ProviderSettlementBills.Where(l => l.SettleId == settlementId).ExecuteDeleteAsync();
        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }
}
