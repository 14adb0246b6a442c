using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// The balance endpoints over HTTP (ADR 0029): admin adjustments (audited, idempotent, never below 0), reads scoped
/// to the caller's org and the orgs it owns, the consistency check.
/// </summary>
public sealed class FinanceLedgerEndpointTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Adjust = "/finance/balance_adjust.dspy";
    private const string Balance = "/finance/balance_get.dspy";
    private const string Ledger = "/finance/ledger_list.dspy";
    private const string Check = "/finance/balance_check.dspy";

    private Task<Response> AdjustAsync(Api who, string org, string amount, string key) => who.PostAsync(Adjust,
        ("customer_orgid", org), ("amount", amount), ("reason", "线下转账"), ("idempotency_key", key));

    [Fact]
    public async Task Admin_adjusts_once_per_key_and_owners_read_balance_and_ledger_others_get_403()
    {
        var org = app.CustomerOrgId;
        var first = await AdjustAsync(app.Admin(), org, "100.50", "adj-1");
        first.Status.Should().BeTrue(first.Raw);
        first.Data!["amount"]!.GetValue<decimal>().Should().Be(100.5m);
        first.Data!["kind"]!.GetValue<string>().Should().Be("adjustment");
        (await AdjustAsync(app.Admin(), org, "100.50", "adj-1")).Data!["id"]!.GetValue<string>()
            .Should().Be(first.Data!["id"]!.GetValue<string>());
        (await AdjustAsync(app.Admin(), org, "-0.50", "adj-2")).Status.Should().BeTrue();

        var poor = await AdjustAsync(app.Admin(), org, "-1000", "adj-3");
        poor.Status.Should().BeFalse();
        (poor.Msg, poor.Code).Should().Be(("余额不足", "conflict"));

        foreach (var reader in new[] { app.Admin(), app.Operator(), app.Customer() })
        {
            var b = await reader.GetAsync(Balance, ("orgid", org));
            b.Status.Should().BeTrue(b.Raw);
            b.Data!["balance"]!.GetValue<decimal>().Should().Be(100m);
            b.Data!["movements"]!.GetValue<long>().Should().Be(2);
        }
        (await app.Customer().GetAsync(Balance)).Data!["orgid"]!.GetValue<string>().Should().Be(org);
        (await app.OtherOperator().GetAsync(Balance, ("orgid", org))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync(Ledger, ("orgid", org))).Http.Should().Be(403);
        (await app.Anonymous().GetAsync(Balance, ("orgid", org))).Http.Should().Be(401);

        var page = await app.Customer().GetAsync(Ledger, ("page_size", "1"), ("current_page", "2"));
        page.Status.Should().BeTrue(page.Raw);
        page.Data!["total"]!.GetValue<int>().Should().Be(2);
        page.Data!["rows"]!.AsArray().Should().ContainSingle()
            .Which!["amount"]!.GetValue<decimal>().Should().Be(100.5m);

        var audits = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.Action == "finance.balance.adjusted" && a.EntityId == org));
        audits.Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Only_admins_adjust_or_check_and_bad_input_is_invalid_argument()
    {
        (await AdjustAsync(app.Operator(), app.CustomerOrgId, "5", "op-1")).Http.Should().Be(403);
        (await app.Operator().GetAsync(Check)).Http.Should().Be(403);
        foreach (var amount in new[] { "0", "abc", "1.001", "" })
        {
            var r = await AdjustAsync(app.Admin(), app.CustomerOrgId, amount, "bad-" + amount);
            r.Status.Should().BeFalse();
            r.Code.Should().Be("invalid_argument");
        }
        var unknown = await AdjustAsync(app.Admin(), "no-such-org", "5", "unknown-org");
        unknown.Code.Should().Be("not_found");
        // only customer orgs have balances: an operator org is not one (review finding)
        var operatorOrg = await AdjustAsync(app.Admin(), app.OtherOrgId, "5", "operator-org");
        operatorOrg.Code.Should().Be("not_found");
    }

    [Fact]
    public async Task The_check_reports_a_balance_that_disagrees_with_its_entries()
    {
        var org = await BalanceLedgerTests.NewCustomerAsync(app.Factory);
        (await AdjustAsync(app.Admin(), org, "7", "chk-" + org)).Status.Should().BeTrue();
        var ok = await app.Admin().GetAsync(Check);
        ok.Data!["mismatches"]!.AsArray().Select(m => m!["orgid"]!.GetValue<string>()).Should().NotContain(org);

        await app.Factory.WithDbAsync(db => db.CustomerBalances.Where(b => b.CustomerOrgId == org)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Balance, 8m)));
        var bad = await app.Admin().GetAsync(Check);
        bad.Status.Should().BeFalse();
        var mismatch = bad.Data!["mismatches"]!.AsArray().Single(m => m!["orgid"]!.GetValue<string>() == org)!;
        mismatch["balance"]!.GetValue<decimal>().Should().Be(8m);
        mismatch["ledger_sum"]!.GetValue<decimal>().Should().Be(7m);
        await app.Factory.WithDbAsync(db => db.CustomerBalances.Where(b => b.CustomerOrgId == org)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Balance, 7m)));
    }
}
