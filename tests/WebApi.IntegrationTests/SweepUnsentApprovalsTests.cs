using Kboss.Application.Finance.Settlement;
using Kboss.Application.Invoices;
using Kboss.Domain.Approval;
using Kboss.Domain.Finance;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// ADR 0040 3(c): a settlement or an invoice application left in approval without an approval id (the process stopped
/// between DingTalk's answer and the confirm) is finished by the sweep once it is older than the time-out — with the
/// id the hub recorded, else released — at a later clock, and left alone before it.
/// </summary>
public sealed class SweepUnsentApprovalsTests(SettlementFixture f) : IClassFixture<SettlementFixture>
{
    /// <summary>The state the reserve step leaves: bills locked, links stored, no approval id.</summary>
    private async Task<(ProviderSettlement Settlement, Bill Bill)> StrandedAsync()
    {
        var provider = await f.NewProviderAsync();
        var bill = await f.BuyAsync(f.App.CustomerOrgId, provider, 100m, 120m, 60m);
        var settlement = await f.Factory.WithDbAsync(async db =>
        {
            var s = ProviderSettlement.Create(DemoData.OrgId, provider, bill.BillDate, bill.BillDate,
                SettlementSources.Manual).Value!;
            var held = await db.Bills.Where(b => b.Id == bill.Id).ToListAsync();
            db.ProviderSettlements.Add(s);
            db.ProviderSettlementBills.AddRange(s.StartApproval(held, null, null).Value!);
            await db.SaveChangesAsync();
            return s;
        });
        return (settlement, bill);
    }

    private Task<(ProviderSettlement, Bill, int)> StateAsync(string settlementId, string billId) =>
        f.Factory.WithDbAsync(async db => (
            await db.ProviderSettlements.AsNoTracking().SingleAsync(s => s.Id == settlementId),
            await db.Bills.AsNoTracking().SingleAsync(b => b.Id == billId),
            await db.ProviderSettlementBills.CountAsync(l => l.SettleId == settlementId)));

    [Fact]
    public async Task A_stranded_settlement_is_released_after_the_time_out_and_not_before()
    {
        var (settlement, bill) = await StrandedAsync();
        var early = await f.RunAsync(new SweepUnsentApprovals { Now = DateTime.UtcNow.AddMinutes(5) });
        early.Data.Should().Be(new UnsentApprovalSweep(0, 0));
        (await StateAsync(settlement.Id, bill.Id)).Item1.State.Should().Be(SettlementStates.InApproval);

        var late = await f.RunAsync(new SweepUnsentApprovals { Now = DateTime.UtcNow.AddMinutes(16) });
        late.Data!.Released.Should().BeGreaterThanOrEqualTo(1);
        var (s, b, links) = await StateAsync(settlement.Id, bill.Id);
        (s.State, s.ApvId, b.SettleState, b.ProviderSettleId, links)
            .Should().Be((SettlementStates.Pending, (string?)null, SettleStates.Unsettled, (string?)null, 0));
        (await f.RunAsync(new SweepUnsentApprovals { Now = DateTime.UtcNow.AddMinutes(16) })).Data!.Released
            .Should().Be(0, "nothing is stranded any more");
    }

    [Fact]
    public async Task A_stranded_settlement_gets_the_approval_id_the_hub_recorded_and_stays_locked()
    {
        var (settlement, bill) = await StrandedAsync();
        await f.Factory.WithDbAsync(async db =>
        {
            var record = new ApprovalRecord
            {
                OrgId = DemoData.OrgId, BusinessName = SettlementFixture.Business, ReferenceId = settlement.Id,
            };
            record.StartSending(DateTime.UtcNow);
            record.Started("dd-instance-lost-confirm", DateTime.UtcNow).Ok.Should().BeTrue();
            db.ApprovalRecords.Add(record);
            await db.SaveChangesAsync();
        });
        var swept = await f.RunAsync(new SweepUnsentApprovals { Now = DateTime.UtcNow.AddMinutes(16) });
        swept.Data!.Confirmed.Should().BeGreaterThanOrEqualTo(1);
        var (s, b, links) = await StateAsync(settlement.Id, bill.Id);
        (s.State, s.ApvId, b.SettleState, links)
            .Should().Be((SettlementStates.InApproval, "dd-instance-lost-confirm", SettleStates.InApproval, 1));
    }

    /// <summary>An invoice application as the apply step leaves it: in approval, one live recharge record, no
    /// approval id.</summary>
    private Task<(string Application, string Recharge)> StrandedInvoiceAsync() =>
        f.Factory.WithDbAsync(async db =>
        {
            var app = InvoiceApplication.Open(DemoData.OrgId, f.App.CustomerOrgId, f.App.CustomerOrgId, "sweep-user",
                "sweep", 50m, 1, "{}").Value!;
            var recharge = "rc" + Guid.NewGuid().ToString("N")[..19];
            db.InvoiceApplications.Add(app);
            db.InvoiceApplicationItems.Add(InvoiceApplicationItem.Of(app.Id, recharge, 50m));
            await db.SaveChangesAsync();
            return (app.Id, recharge);
        });

    private Task<(InvoiceApplication, bool)> InvoiceStateAsync(string applicationId, string rechargeId) =>
        f.Factory.WithDbAsync(async db => (
            await db.InvoiceApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId),
            await db.InvoiceApplicationItems.AnyAsync(i => i.RechargeId == rechargeId && i.Live)));

    [Fact]
    public async Task A_stranded_invoice_application_fails_and_frees_its_records_after_the_time_out_and_not_before()
    {
        var (application, recharge) = await StrandedInvoiceAsync();
        await f.RunAsync(new SweepUnsentApprovals { Now = DateTime.UtcNow.AddMinutes(5) });
        var (early, heldEarly) = await InvoiceStateAsync(application, recharge);
        (early.State, heldEarly).Should().Be((InvoiceApplicationStates.InApproval, true));

        var late = await f.RunAsync(new SweepUnsentApprovals { Now = DateTime.UtcNow.AddMinutes(16) });
        late.Data!.Released.Should().BeGreaterThanOrEqualTo(1);
        var (a, held) = await InvoiceStateAsync(application, recharge);
        (a.State, a.ApvId, a.FailureReason, held).Should().Be((InvoiceApplicationStates.SendFailed, (string?)null,
            SweepUnsentApprovalsHandler.LostMessage, false));
    }

    [Fact]
    public async Task A_stranded_invoice_application_gets_the_approval_id_the_hub_recorded_and_keeps_its_records()
    {
        var (application, recharge) = await StrandedInvoiceAsync();
        await f.Factory.WithDbAsync(async db =>
        {
            var record = new ApprovalRecord
            {
                OrgId = DemoData.OrgId, BusinessName = InvoiceApprovalHandler.Business, ReferenceId = application,
            };
            record.StartSending(DateTime.UtcNow);
            record.Started("dd-invoice-lost-confirm", DateTime.UtcNow).Ok.Should().BeTrue();
            db.ApprovalRecords.Add(record);
            await db.SaveChangesAsync();
        });
        var swept = await f.RunAsync(new SweepUnsentApprovals { Now = DateTime.UtcNow.AddMinutes(16) });
        swept.Data!.Confirmed.Should().BeGreaterThanOrEqualTo(1);
        var (a, held) = await InvoiceStateAsync(application, recharge);
        (a.State, a.ApvId, held).Should().Be((InvoiceApplicationStates.InApproval, "dd-invoice-lost-confirm", true));
    }
}
