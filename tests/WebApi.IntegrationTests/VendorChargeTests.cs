using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Finance.Ledger;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Vendors;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>A probe the tests answer: subject id → happened (absent: can't tell).</summary>
public sealed class ScriptedProbe : IVendorChargeProbe
{
    public ConcurrentDictionary<string, bool> Answers { get; } = new();
    public string Name => "scripted";

    public Task<bool> HappenedAsync(VendorCharge charge, CancellationToken ct) =>
        Answers.TryGetValue(charge.SubjectId, out var happened)
            ? Task.FromResult(happened)
            : throw new OutsideCallException("未知", ErrorCodes.UpstreamFailed, outcomeUnknown: true);
}

/// <summary>The app with <see cref="ScriptedProbe"/> registered (test only).</summary>
public sealed class VendorChargeFixture() : AppFixture(new KbossFactory(null, null, s =>
    s.AddSingleton<IVendorChargeProbe, ScriptedProbe>()))
{
    public ScriptedProbe Probe => (ScriptedProbe)Factory.Services.GetServices<IVendorChargeProbe>()
        .Single(p => p is ScriptedProbe);
}

/// <summary>
/// <see cref="VendorCharges"/> on the real app's SQLite database (ADR 0041): one vendor call and one bill per key under
/// 16 parallel requests, key reuse, price check, unknown outcomes settled by the reconciler both ways, balance =
/// Σ entries throughout.
/// </summary>
public sealed class VendorChargeTests(VendorChargeFixture app) : IClassFixture<VendorChargeFixture>
{
    private static readonly JsonObject Answer = new() { ["EIPId"] = "eip-1" };

    private async Task<string> CustomerWithAsync(decimal balance)
    {
        var customer = await BalanceLedgerTests.NewCustomerAsync(app.Factory);
        await BalanceLedgerTests.InUnitAsync(app.Factory, sp => sp.GetRequiredService<BalanceLedger>().CreditAsync(
            new LedgerMovement(customer, balance, LedgerEntryKind.Recharge, "seed", "seed-" + customer), default));
        return customer;
    }

    private static VendorChargeRequest Request(string customer, string? key, decimal price, string subject,
        JsonObject? parameters = null, decimal? shown = null) =>
        new(customer, key, "test.create_eip", parameters ?? new JsonObject { ["Bandwidth"] = 5, ["Region"] = "CN_Beijing_A" },
            price, new VendorChargeLine(ListAmount: price + 1, Quantity: 1), new VendorChargeSubject("scripted", subject),
            shown);

    private async Task<VendorCharged> RunAsync(VendorChargeRequest request,
        Func<CancellationToken, Task<VendorChargeDone>> call)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<VendorCharges>().RunAsync(request, call, default);
    }

    private static Func<CancellationToken, Task<VendorChargeDone>> Counting(Action count) => async _ =>
    {
        count();
        await Task.Delay(50);
        return new VendorChargeDone(Answer.DeepClone(), "创建成功", "eip-1");
    };

    private static Func<CancellationToken, Task<VendorChargeDone>> Failing(bool unknown) => _ =>
        throw new OutsideCallException(unknown ? "首都云未在 2 秒内答复" : "首都云: 余额不足(Code=X)",
            ErrorCodes.UpstreamFailed, unknown);

    private Task<(decimal Balance, List<LedgerEntry> Entries, List<Bill> Bills)> MoneyAsync(string customer) =>
        app.Factory.WithDbAsync(async db => (
            await db.CustomerBalances.Where(b => b.CustomerOrgId == customer).Select(b => b.Balance).SingleAsync(),
            await db.LedgerEntries.Where(e => e.CustomerOrgId == customer).ToListAsync(),
            await db.Bills.Where(b => b.CustomerId == customer).ToListAsync()));

    private Task<VendorCharge> ChargeAsync(string customer, string key) => app.Factory.WithDbAsync(db =>
        db.VendorCharges.IgnoreQueryFilters().SingleAsync(c => c.OrgId == customer && c.IdempotencyKey == key));

    private async Task ReconcileAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReconcileOutsideCalls(TimeSpan.Zero));
    }

    private static async Task<string> OutcomeAsync(Func<Task<VendorCharged>> run)
    {
        try
        {
            var r = await run();
            return r.Replayed ? "replayed" : "ok";
        }
        catch (BusinessException e)
        {
            return e.Code + ":" + e.Message;
        }
    }

    private static void SumsUp((decimal Balance, List<LedgerEntry> Entries, List<Bill> Bills) money) =>
        money.Entries.Sum(e => e.Amount).Should().Be(money.Balance);

    [Fact]
    public async Task Sixteen_parallel_calls_with_one_key_make_one_vendor_call_and_one_bill()
    {
        var customer = await CustomerWithAsync(100m);
        var calls = 0;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => OutcomeAsync(() =>
            RunAsync(Request(customer, "k-16", 12.5m, "s-16"), Counting(() => Interlocked.Increment(ref calls))))));

        calls.Should().Be(1);
        outcomes.Count(o => o == "ok").Should().Be(1);
        outcomes.Where(o => o != "ok").Should().OnlyContain(o =>
            o == "replayed" || o == $"{ErrorCodes.Conflict}:{VendorCharges.InFlightMessage}");
        var money = await MoneyAsync(customer);
        money.Balance.Should().Be(87.5m);
        money.Bills.Should().ContainSingle(b => b.Amount == 12.5m && b.ProviderAmt == 13.5m);
        money.Entries.Select(e => e.Kind).Should().BeEquivalentTo([LedgerEntryKind.Recharge, LedgerEntryKind.Hold,
            LedgerEntryKind.Capture, LedgerEntryKind.Purchase]);
        SumsUp(money);

        var again = await RunAsync(Request(customer, "k-16", 12.5m, "s-16"), Counting(() => calls++));
        again.Replayed.Should().BeTrue();
        again.Data!["EIPId"]!.GetValue<string>().Should().Be("eip-1");
        again.BillId.Should().Be(money.Bills.Single().Id);
        calls.Should().Be(1);
    }

    [Fact]
    public async Task The_same_request_in_another_order_or_format_replays_and_a_different_request_is_a_conflict()
    {
        var customer = await CustomerWithAsync(100m);
        var calls = 0;
        await RunAsync(Request(customer, "k-fp", 10m, "s-fp"), Counting(() => calls++));

        var reordered = new JsonObject { ["Region"] = " CN_Beijing_A ", ["Bandwidth"] = "5.0" };
        (await RunAsync(Request(customer, "k-fp", 10m, "s-fp", reordered), Counting(() => calls++)))
            .Replayed.Should().BeTrue();
        var other = new JsonObject { ["Region"] = "CN_Beijing_A", ["Bandwidth"] = 6 };
        (await OutcomeAsync(() => RunAsync(Request(customer, "k-fp", 10m, "s-fp", other), Counting(() => calls++))))
            .Should().Be($"{ErrorCodes.Conflict}:{VendorCharges.KeyReusedMessage}");
        calls.Should().Be(1);
        (await MoneyAsync(customer)).Balance.Should().Be(90m);
    }

    [Fact]
    public async Task A_key_belongs_to_its_org_a_stale_client_price_and_a_short_balance_are_refused_before_any_call()
    {
        var customer = await CustomerWithAsync(5m);
        var calls = 0;
        (await OutcomeAsync(() => RunAsync(Request(customer, "k-p", 4m, "s-p", shown: 3m), Counting(() => calls++))))
            .Should().Be($"{ErrorCodes.Conflict}:{VendorCharges.PriceChangedMessage}");
        (await OutcomeAsync(() => RunAsync(Request(customer, "k-b", 6m, "s-b"), Counting(() => calls++))))
            .Should().Be($"{ErrorCodes.Conflict}:{CustomerBalance.InsufficientMessage}");
        calls.Should().Be(0);
        (await app.Factory.WithDbAsync(db => db.VendorCharges.CountAsync(c => c.OrgId == customer))).Should().Be(0);

        var other = await CustomerWithAsync(5m);
        await RunAsync(Request(customer, "shared", 4m, "s-o1"), Counting(() => calls++));
        (await RunAsync(Request(other, "shared", 4m, "s-o2"), Counting(() => calls++))).Replayed.Should().BeFalse();
        calls.Should().Be(2);
    }

    [Fact]
    public async Task A_known_failure_releases_the_hold_and_a_replay_answers_the_same_failure_without_a_call()
    {
        var customer = await CustomerWithAsync(20m);
        var first = await OutcomeAsync(() => RunAsync(Request(customer, "k-f", 8m, "s-f"), Failing(unknown: false)));
        first.Should().Be($"{ErrorCodes.UpstreamFailed}:首都云: 余额不足(Code=X)");
        var calls = 0;
        (await OutcomeAsync(() => RunAsync(Request(customer, "k-f", 8m, "s-f"), Counting(() => calls++))))
            .Should().Be(first);
        calls.Should().Be(0);
        var money = await MoneyAsync(customer);
        money.Balance.Should().Be(20m);
        money.Bills.Should().BeEmpty();
        money.Entries.Select(e => e.Kind).Should().Contain(LedgerEntryKind.Release);
        SumsUp(money);
        (await ChargeAsync(customer, "k-f")).State.Should().Be(OutsideStates.Failed);
    }

    [Fact]
    public async Task A_time_out_later_found_by_the_reconciler_is_charged_exactly_once()
    {
        var customer = await CustomerWithAsync(50m);
        var outcome = await OutcomeAsync(() => RunAsync(Request(customer, "k-t", 30m, "s-found"), Failing(true)));
        outcome.Should().StartWith($"{ErrorCodes.UpstreamFailed}:").And.Contain("结果待核对");
        (await MoneyAsync(customer)).Balance.Should().Be(20m, "the price stays held while the outcome is unknown");
        (await ChargeAsync(customer, "k-t")).State.Should().Be(OutsideStates.PendingReconcile);

        await ReconcileAsync(); // the probe can't tell yet: stays open
        (await ChargeAsync(customer, "k-t")).State.Should().Be(OutsideStates.PendingReconcile);

        app.Probe.Answers["s-found"] = true;
        await Task.WhenAll(ReconcileAsync(), ReconcileAsync());
        await ReconcileAsync();

        var charge = await ChargeAsync(customer, "k-t");
        charge.State.Should().Be(OutsideStates.Live);
        var money = await MoneyAsync(customer);
        money.Balance.Should().Be(20m);
        money.Bills.Should().ContainSingle().Which.Id.Should().Be(charge.BillId);
        money.Entries.Count(e => e.Kind == LedgerEntryKind.Purchase).Should().Be(1);
        SumsUp(money);
        (await RunAsync(Request(customer, "k-t", 30m, "s-found"), Counting(() => { }))).Replayed.Should().BeTrue();
    }

    [Fact]
    public async Task A_time_out_the_reconciler_does_not_find_is_released()
    {
        var customer = await CustomerWithAsync(50m);
        await OutcomeAsync(() => RunAsync(Request(customer, "k-n", 30m, "s-missing"), Failing(true)));
        app.Probe.Answers["s-missing"] = false;
        await ReconcileAsync();
        await ReconcileAsync();

        (await ChargeAsync(customer, "k-n")).State.Should().Be(OutsideStates.Failed);
        var money = await MoneyAsync(customer);
        money.Balance.Should().Be(50m);
        money.Bills.Should().BeEmpty();
        money.Entries.Count(e => e.Kind == LedgerEntryKind.Release).Should().Be(1);
        SumsUp(money);
    }

    [Fact]
    public async Task A_hold_is_settled_once_a_release_after_a_capture_is_a_conflict()
    {
        var customer = await CustomerWithAsync(10m);
        await BalanceLedgerTests.InUnitAsync(app.Factory, sp => sp.GetRequiredService<BalanceLedger>().HoldAsync(
            new LedgerMovement(customer, 4m, LedgerEntryKind.Hold, "h", "h-" + customer), default));
        await BalanceLedgerTests.InUnitAsync(app.Factory, sp =>
            sp.GetRequiredService<BalanceLedger>().CaptureHoldAsync("h-" + customer, default));
        var release = () => BalanceLedgerTests.InUnitAsync(app.Factory, sp =>
            sp.GetRequiredService<BalanceLedger>().ReleaseHoldAsync("h-" + customer, default));
        (await release.Should().ThrowAsync<BusinessException>()).Which.Code.Should().Be(ErrorCodes.Conflict);
        (await MoneyAsync(customer)).Balance.Should().Be(10m);
    }
}
