using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Finance.Bills;
using Kboss.Application.Finance.Ledger;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// The balance ledger and bills on the real app's SQLite database (ADR 0029): conditional debits under 64 parallel
/// units of work, idempotency keys, refunds bounded by the purchase, balance = Σ entries.
/// </summary>
public sealed class BalanceLedgerTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>A fresh customer org owned by the demo operator org.</summary>
    internal static async Task<string> NewCustomerAsync(KbossFactory f, string owner = DemoData.OrgId)
    {
        var org = new Organization { Name = "账本客户-" + Guid.NewGuid().ToString("N")[..8], Kind = OrgKind.Customer, OwnerOrgId = owner };
        await f.WithDbAsync(async db =>
        {
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
        });
        return org.Id;
    }

    /// <summary>Runs <paramref name="work"/> in its own scope and transaction, committed when it returns.</summary>
    internal static async Task<T> InUnitAsync<T>(KbossFactory f, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KbossDbContext>();
        await using var tx = await db.BeginTransactionAsync();
        var result = await work(scope.ServiceProvider);
        await tx.CommitAsync();
        return result;
    }

    private Task<LedgerEntry> CreditAsync(string customer, decimal amount, string key) =>
        InUnitAsync(app.Factory, sp => sp.GetRequiredService<BalanceLedger>().CreditAsync(
            new LedgerMovement(customer, amount, LedgerEntryKind.Recharge, "r-" + key, key), default));

    private Task<LedgerEntry> DebitAsync(string customer, decimal amount, string key) =>
        InUnitAsync(app.Factory, sp => sp.GetRequiredService<BalanceLedger>().DebitAsync(
            new LedgerMovement(customer, amount, LedgerEntryKind.Purchase, "b-" + key, key), default));

    private Task<decimal> BalanceAsync(string customer) => app.Factory.WithDbAsync(db =>
        db.CustomerBalances.AsNoTracking().Where(b => b.CustomerOrgId == customer).Select(b => b.Balance).SingleAsync());

    private Task<List<decimal>> EntriesAsync(string customer) => app.Factory.WithDbAsync(db =>
        db.LedgerEntries.AsNoTracking().Where(e => e.CustomerOrgId == customer).Select(e => e.Amount).ToListAsync());

    [Fact]
    public async Task Sixty_four_parallel_debits_of_1_against_10_exactly_10_succeed_and_the_balance_is_0()
    {
        var customer = await NewCustomerAsync(app.Factory);
        await CreditAsync(customer, 10m, $"seed-{customer}");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            try
            {
                await DebitAsync(customer, 1m, $"buy-{customer}-{i}");
                return "ok";
            }
            catch (BusinessException e)
            {
                return e.Code + ":" + e.Message;
            }
        }));

        outcomes.Count(o => o == "ok").Should().Be(10);
        outcomes.Where(o => o != "ok").Should().AllBe($"{ErrorCodes.Conflict}:{CustomerBalance.InsufficientMessage}");
        (await BalanceAsync(customer)).Should().Be(0m);
        var entries = await EntriesAsync(customer);
        entries.Should().HaveCount(11);
        entries.Sum().Should().Be(0m);
        var afters = await app.Factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking()
            .Where(e => e.CustomerOrgId == customer).Select(e => e.BalanceAfter).ToListAsync());
        afters.Should().OnlyContain(a => a >= 0m).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_credit_sent_twice_with_one_key_is_applied_once_and_returns_the_same_entry()
    {
        var customer = await NewCustomerAsync(app.Factory);
        var first = await CreditAsync(customer, 12.34m, $"pay-{customer}");
        var again = await CreditAsync(customer, 12.34m, $"pay-{customer}");

        again.Id.Should().Be(first.Id);
        (await BalanceAsync(customer)).Should().Be(12.34m);
        (await EntriesAsync(customer)).Should().Equal(12.34m);
    }

    [Fact]
    public async Task Parallel_credits_with_one_key_are_applied_once()
    {
        var customer = await NewCustomerAsync(app.Factory);
        await CreditAsync(customer, 1m, $"open-{customer}");
        var key = $"same-{customer}";
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            try { await CreditAsync(customer, 5m, key); }
            catch (BusinessException e) { e.Code.Should().Be(ErrorCodes.Conflict); }
        }));

        (await BalanceAsync(customer)).Should().Be(6m);
        (await EntriesAsync(customer)).Should().HaveCount(2);
    }

    [Fact]
    public async Task One_key_for_another_amount_or_customer_is_a_conflict_and_changes_nothing()
    {
        var customer = await NewCustomerAsync(app.Factory);
        var other = await NewCustomerAsync(app.Factory);
        await CreditAsync(customer, 5m, $"k-{customer}");

        var amount = () => CreditAsync(customer, 6m, $"k-{customer}");
        var who = () => CreditAsync(other, 5m, $"k-{customer}");
        var kind = () => DebitAsync(customer, 5m, $"k-{customer}");
        foreach (var call in new[] { amount, who, kind })
            (await call.Should().ThrowAsync<BusinessException>()).Which.Message.Should().Be(BalanceLedger.KeyReusedMessage);
        (await BalanceAsync(customer)).Should().Be(5m);
        (await app.Factory.WithDbAsync(db => db.CustomerBalances.AnyAsync(b => b.CustomerOrgId == other))).Should().BeFalse();
    }

    [Fact]
    public async Task A_debit_without_a_balance_or_above_it_is_insufficient_and_bad_amounts_are_refused()
    {
        var customer = await NewCustomerAsync(app.Factory);
        var none = () => DebitAsync(customer, 1m, $"none-{customer}");
        (await none.Should().ThrowAsync<BusinessException>()).Which.Message.Should().Be(CustomerBalance.InsufficientMessage);

        await CreditAsync(customer, 1m, $"one-{customer}");
        var above = () => DebitAsync(customer, 1.01m, $"above-{customer}");
        (await above.Should().ThrowAsync<BusinessException>()).Which.Code.Should().Be(ErrorCodes.Conflict);

        foreach (var bad in new[] { 0m, -1m, 0.001m })
        {
            var call = () => CreditAsync(customer, bad, $"bad-{customer}-{bad}");
            (await call.Should().ThrowAsync<BusinessException>()).Which.Code.Should().Be(ErrorCodes.InvalidArgument);
        }
        var unknown = () => CreditAsync("no-such-org-000000000", 1m, "unknown-org");
        (await unknown.Should().ThrowAsync<BusinessException>()).Which.Code.Should().Be(ErrorCodes.NotFound);
        (await BalanceAsync(customer)).Should().Be(1m);
    }

    [Fact]
    public async Task The_ledger_refuses_to_run_outside_a_transaction()
    {
        var customer = await NewCustomerAsync(app.Factory);
        using var scope = app.Factory.Services.CreateScope();
        var ledger = scope.ServiceProvider.GetRequiredService<BalanceLedger>();
        var call = () => ledger.CreditAsync(new LedgerMovement(customer, 1m, LedgerEntryKind.Recharge, "r", $"nt-{customer}"), default);
        await call.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task A_failed_unit_rolls_back_the_balance_change_with_the_entry()
    {
        var customer = await NewCustomerAsync(app.Factory);
        await CreditAsync(customer, 3m, $"rb-{customer}");
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KbossDbContext>();
            await using var tx = await db.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<BalanceLedger>().DebitAsync(
                new LedgerMovement(customer, 2m, LedgerEntryKind.Purchase, "b", $"rb2-{customer}"), default);
            // no commit: the caller's unit failed after the debit
        }
        (await BalanceAsync(customer)).Should().Be(3m);
        (await EntriesAsync(customer)).Should().Equal(3m);
    }

    [Fact]
    public async Task Purchase_refund_and_recharge_bills_move_the_balance_and_balance_equals_the_sum_of_entries()
    {
        var customer = await NewCustomerAsync(app.Factory);
        var recharge = await InUnitAsync(app.Factory, sp => sp.GetRequiredService<BillService>()
            .CreateRechargeBillAsync(customer, 100m, BusinessOps.Recharge, $"wx-{customer}", default));
        recharge.Bill.BillState.Should().Be(BillStates.Paid);
        recharge.Entry.Reference.Should().Be(recharge.Bill.Id);

        var line = new PurchaseLine(customer, 85.5m, 90m, 1, 70m, "prod", "prov");
        var buy = await InUnitAsync(app.Factory, sp => sp.GetRequiredService<BillService>()
            .CreatePurchaseBillAsync(line, $"order-{customer}", default));
        var buyAgain = await InUnitAsync(app.Factory, sp => sp.GetRequiredService<BillService>()
            .CreatePurchaseBillAsync(line, $"order-{customer}", default));
        buyAgain.Bill.Id.Should().Be(buy.Bill.Id);
        buy.Bill.BusinessOp.Should().Be(BusinessOps.Buy);
        buy.Entry.Amount.Should().Be(-85.5m);
        buy.Entry.BalanceAfter.Should().Be(14.5m);

        // 8 parallel refunds of 20 against 85.5: exactly 4 succeed (80), the purchase records 80 refunded.
        var refunds = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await InUnitAsync(app.Factory, sp => sp.GetRequiredService<BillService>()
                    .CreateRefundBillAsync(buy.Bill.Id, 20m, $"refund-{customer}-{i}", default));
                return true;
            }
            catch (BusinessException e)
            {
                e.Message.Should().Be(Bill.RefundTooLargeMessage);
                return false;
            }
        }));
        refunds.Count(ok => ok).Should().Be(4);

        var bills = await app.Factory.WithDbAsync(db => db.Bills.AsNoTracking().Where(b => b.CustomerId == customer).ToListAsync());
        bills.Single(b => b.Id == buy.Bill.Id).RefundedAmt.Should().Be(80m);
        bills.Where(b => b.BusinessOp == BusinessOps.Refund).Should().HaveCount(4)
            .And.OnlyContain(b => b.OriginBillId == buy.Bill.Id && b.CostAmt == 16.37m && b.BillState == BillStates.Paid);
        (await BalanceAsync(customer)).Should().Be(94.5m);
        (await EntriesAsync(customer)).Sum().Should().Be(94.5m);

        var tooPoor = () => InUnitAsync(app.Factory, sp => sp.GetRequiredService<BillService>()
            .CreatePurchaseBillAsync(line with { Amount = 94.51m }, $"order2-{customer}", default));
        (await tooPoor.Should().ThrowAsync<BusinessException>()).Which.Message.Should().Be(CustomerBalance.InsufficientMessage);
        (await app.Factory.WithDbAsync(db => db.Bills.CountAsync(b => b.CustomerId == customer))).Should().Be(6);
    }
}
