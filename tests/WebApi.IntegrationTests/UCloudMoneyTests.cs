using System.Globalization;
using Kboss.Application.Vendors.Charges;
using Kboss.Application.Vendors.UCloud;
using Kboss.Application.Vendors.UCloud.Hosts;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Kboss.Fakes.Vendors;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// The paid UCloud operations (UC-H-08 create_uhost_instance, UC-EIP-01 allocate_eip) through HTTP against
/// <see cref="FakeUCloud"/> (analysis/vendors.md §5.4, ADR 0041): the server's price (the client's amount only a
/// check), the balance and the BUY bill changed exactly once, replays by idempotency key, refusals releasing the
/// hold, and an unknown outcome held until the reconciler charges it once.
/// </summary>
public sealed class UCloudMoneyTests(UCloudFixture app) : IClassFixture<UCloudFixture>
{
    private const string Region = UCloudFixture.Region;
    private const string Disks = """[{"IsBoot":"True","Type":"CLOUD_SSD","Size":40}]""";
    /// <summary>The fake's list price of <see cref="Host"/>: 2 × 50 + 4 × 20 + 40 × 0.5.</summary>
    private const decimal HostPrice = 200m;

    private sealed record Buyer(string OrgId, Api Api);

    private async Task<Buyer> BuyerAsync(decimal balance)
    {
        var op = app.Operator();
        var org = (await op.PostAsync("/user/add_org.dspy", ("name", "买家" + Guid.NewGuid().ToString("N")[..6]),
            ("kind", "customer"))).Data!["id"]!.GetValue<string>();
        var name = "ubuyer" + Guid.NewGuid().ToString("N")[..8];
        (await op.PostAsync("/user/add_user.dspy", ("username", name), ("password", AppFixture.Password),
            ("roles", Roles.Customer), ("orgid", org))).Status.Should().BeTrue();
        if (balance > 0)
            (await app.Admin().PostAsync("/finance/balance_adjust.dspy", ("customer_orgid", org),
                ("amount", balance.ToString(CultureInfo.InvariantCulture)), ("reason", "测试充值"),
                ("idempotency_key", "seed-" + org))).Status.Should().BeTrue();
        var api = app.Anonymous();
        api.WithToken(await api.LoginAsync(name, AppFixture.Password));
        return new Buyer(org, api);
    }

    private static (string, string?)[] Host(string name, string? key = null, string? amount = "200",
        string? firewall = null) =>
    [
        ("Region", Region), ("Zone", UCloudFixture.Zone), ("ImageId", "uimage-centos"), ("CPU", "2"),
        ("Memory", "4096"), ("ChargeType", "Month"), ("Quantity", "1"), ("Disks", Disks), ("Name", name),
        ("Password", "Passw0rd-Host1"), ("amount", amount), ("idempotency_key", key), ("SecurityGroupId", firewall),
    ];

    private Task<decimal> BalanceAsync(string org) => app.Factory.WithDbAsync(db => db.CustomerBalances
        .AsNoTracking().Where(b => b.CustomerOrgId == org).Select(b => b.Balance).SingleAsync());

    private Task<List<decimal>> BillsAsync(string org) => app.Factory.WithDbAsync(db => db.Bills.AsNoTracking()
        .Where(b => b.CustomerId == org).Select(b => b.Amount).ToListAsync());

    [Fact]
    public async Task A_host_is_priced_by_the_server_charged_once_and_replayed_by_its_key()
    {
        var buyer = await BuyerAsync(1000m);
        var r = await buyer.Api.PostAsync("/ucloud/create_uhost_instance.dspy", Host("h-paid", "k-host-1"));
        r.Status.Should().BeTrue(r.Raw);
        var host = r.Data!["UHostIds"]![0]!.GetValue<string>();
        r.Data["amount"]!.GetValue<decimal>().Should().Be(HostPrice);
        r.Data["bill_id"]!.GetValue<string>().Should().NotBeEmpty();
        (await BalanceAsync(buyer.OrgId)).Should().Be(800m);
        (await BillsAsync(buyer.OrgId)).Should().Equal(HostPrice);
        app.UCloud.Hosts[host].Password.Should().Be("Passw0rd-Host1");
        app.UCloud.CallsOf("CreateUHostInstance").Last().Form["Password"]
            .Should().Be(Convert.ToBase64String("Passw0rd-Host1"u8.ToArray()));
        var audit = await app.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Select(a => a.Detail)
            .ToListAsync());
        audit.Should().NotContain(d => d.Contains("Passw0rd-Host1") || d.Contains("UGFzc3cwcmQtSG9zdDE"));

        var again = await buyer.Api.PostAsync("/ucloud/create_uhost_instance.dspy", Host("h-paid", "k-host-1"));
        again.Status.Should().BeTrue(again.Raw);
        again.Data!["UHostIds"]![0]!.GetValue<string>().Should().Be(host);
        app.UCloud.CallsOf("CreateUHostInstance").Count(c => c.Form["Name"] == "h-paid").Should().Be(1);
        (await BalanceAsync(buyer.OrgId)).Should().Be(800m);
        (await BillsAsync(buyer.OrgId)).Should().HaveCount(1);

        var reused = await buyer.Api.PostAsync("/ucloud/create_uhost_instance.dspy", Host("h-other", "k-host-1"));
        reused.Code.Should().Be("conflict");
        reused.Msg.Should().Be(VendorCharges.KeyReusedMessage);

        // the new host settles to Running through the polling job
        var row = await app.Factory.WithDbAsync(db => db.UCloudResources.AsNoTracking().SingleAsync(x => x.VendorId == host));
        (row.State, row.VendorState, row.OrgId).Should().Be((OutsideStates.Live, "Initializing", buyer.OrgId));
        for (var i = 0; i <= app.UCloud.PollsToFinish; i++) await app.SendAsync(new PollUCloudHosts());
        (await app.Factory.WithDbAsync(db => db.UCloudResources.AsNoTracking().SingleAsync(x => x.VendorId == host)))
            .VendorState.Should().Be("Running");
    }

    [Fact]
    public async Task A_changed_price_or_short_balance_is_refused_before_any_create()
    {
        var poor = await BuyerAsync(50m);
        var before = app.UCloud.CallsOf("CreateUHostInstance").Count;
        var changed = await poor.Api.PostAsync("/ucloud/create_uhost_instance.dspy", Host("h-x", amount: "150"));
        changed.Code.Should().Be("conflict");
        changed.Msg.Should().Be(VendorCharges.PriceChangedMessage);
        var shortOf = await poor.Api.PostAsync("/ucloud/create_uhost_instance.dspy", Host("h-x"));
        shortOf.Code.Should().Be("conflict");
        shortOf.Msg.Should().Contain("余额不足");
        app.UCloud.CallsOf("CreateUHostInstance").Count.Should().Be(before);
        (await BalanceAsync(poor.OrgId)).Should().Be(50m);
        (await BillsAsync(poor.OrgId)).Should().BeEmpty();
        (await app.OtherOperator().PostAsync("/ucloud/create_uhost_instance.dspy",
            [.. Host("h-x"), ("orgid", poor.OrgId)])).Http.Should().Be(403);
    }

    [Fact]
    public async Task A_host_joins_only_its_own_orgs_firewall()
    {
        var buyer = await BuyerAsync(1000m);
        var fw = (await app.Customer().PostAsync("/ucloud/create_firewall.dspy", ("region", Region),
            ("name", "fw-cust"), ("rule", "TCP|22|0.0.0.0/0|ACCEPT|HIGH"))).Data!["FWId"]!.GetValue<string>();
        (await buyer.Api.PostAsync("/ucloud/create_uhost_instance.dspy", Host("h-fw", firewall: fw))).Http
            .Should().Be(403);
        var own = (await buyer.Api.PostAsync("/ucloud/create_firewall.dspy", ("region", Region), ("name", "fw-own"),
            ("rule", "TCP|22|0.0.0.0/0|ACCEPT|HIGH"))).Data!["FWId"]!.GetValue<string>();
        var r = await buyer.Api.PostAsync("/ucloud/create_uhost_instance.dspy", Host("h-fw", firewall: own));
        r.Status.Should().BeTrue(r.Raw);
        app.UCloud.Hosts[r.Data!["UHostIds"]![0]!.GetValue<string>()].FirewallId.Should().Be(own);
    }

    [Fact]
    public async Task An_eip_is_charged_once_a_refusal_releases_the_hold_and_a_lost_answer_is_charged_by_the_reconciler()
    {
        var buyer = await BuyerAsync(500m);
        (string, string?)[] Eip(string name, string? key = null) =>
        [
            ("Region", Region), ("OperatorName", "Bgp"), ("Bandwidth", "2"), ("ChargeType", "Month"),
            ("Quantity", "1"), ("PayMode", "Bandwidth"), ("Name", name), ("amount", "46"), ("idempotency_key", key),
        ];
        var ok = await buyer.Api.GetAsync("/ucloud/allocate_eip.dspy", Eip("e-paid", "k-eip-1"));
        ok.Status.Should().BeTrue(ok.Raw);
        var eip = ok.Data!["EIPSet"]![0]!["EIPId"]!.GetValue<string>();
        (await BalanceAsync(buyer.OrgId)).Should().Be(454m);
        (await buyer.Api.GetAsync("/ucloud/allocate_eip.dspy", Eip("e-paid", "k-eip-1"))).Data!["EIPSet"]![0]!["EIPId"]!
            .GetValue<string>().Should().Be(eip);
        (await BalanceAsync(buyer.OrgId)).Should().Be(454m);

        app.UCloud.Inject("AllocateEIP", new Fault.VendorError(200,
            FakeUCloud.ErrorBody("AllocateEIP", 8200, "EIP quota exceeded")));
        var refused = await buyer.Api.GetAsync("/ucloud/allocate_eip.dspy", Eip("e-refused"));
        refused.Code.Should().Be("upstream_failed");
        refused.Msg.Should().Contain("EIP quota exceeded");
        (await BalanceAsync(buyer.OrgId)).Should().Be(454m);

        app.UCloud.Inject("AllocateEIP", new Fault.Delay(TimeSpan.FromSeconds(3)));
        var lost = await buyer.Api.GetAsync("/ucloud/allocate_eip.dspy", Eip("e-lost"));
        lost.Code.Should().Be("upstream_failed");
        (await BalanceAsync(buyer.OrgId)).Should().Be(408m, "the price stays held while the outcome is unknown");
        for (var i = 0; i < 50 && !app.UCloud.Eips.Values.Any(e => e.Name == "e-lost"); i++) await Task.Delay(100);
        await app.ReconcileAsync();
        await app.ReconcileAsync();
        (await BalanceAsync(buyer.OrgId)).Should().Be(408m);
        (await BillsAsync(buyer.OrgId)).Should().Equal(46m, 46m);
        var row = await app.Factory.WithDbAsync(db => db.UCloudResources.AsNoTracking().SingleAsync(x => x.Name == "e-lost"));
        (row.State, row.VendorId).Should().Be((OutsideStates.Live, app.UCloud.Eips.Values.Single(e => e.Name == "e-lost").Id));
        var list = await buyer.Api.GetAsync("/ucloud/describe_eip.dspy", ("Region", Region));
        list.Data!["EIPSet"]!.AsArray().Should().HaveCount(2);
    }

    private static (string, string?)[] Eip(string name, string? key = null, string? amount = "46") =>
    [
        ("Region", Region), ("OperatorName", "Bgp"), ("Bandwidth", "2"), ("ChargeType", "Month"), ("Quantity", "1"),
        ("PayMode", "Bandwidth"), ("Name", name), ("amount", amount), ("idempotency_key", key),
    ];

    [Fact]
    public async Task A_replay_answers_the_amount_exactly_as_the_first_answer()
    {
        var buyer = await BuyerAsync(200m);
        var first = await buyer.Api.GetAsync("/ucloud/allocate_eip.dspy", Eip("e-replay", "k-replay"));
        first.Status.Should().BeTrue(first.Raw);
        var again = await buyer.Api.GetAsync("/ucloud/allocate_eip.dspy", Eip("e-replay", "k-replay"));
        again.Status.Should().BeTrue(again.Raw);
        // the stored amount comes back from the database with a scale (46.0): the wire shows 46 both times
        first.Data!["amount"]!.ToJsonString().Should().Be("46");
        again.Data!["amount"]!.ToJsonString().Should().Be("46");
        again.Data.ToJsonString().Should().Be(first.Data.ToJsonString());
        (await BalanceAsync(buyer.OrgId)).Should().Be(154m);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("0.004")]
    [InlineData("-5")]
    [InlineData("\"NaN\"")]
    public async Task A_vendor_price_that_is_not_a_chargeable_price_is_upstream_failed_and_nothing_is_bought(
        string price)
    {
        var buyer = await BuyerAsync(100m);
        var calls = app.UCloud.CallsOf("AllocateEIP").Count;
        app.UCloud.Inject("GetEIPPrice", new Fault.VendorError(200, System.Text.Json.Nodes.JsonNode.Parse($$"""
            {"RetCode":0,"Action":"GetEIPPriceResponse","PriceSet":[{"ChargeType":"Month","OriginalPrice":{{price}},
            "Price":{{price}}}]}
            """)!.AsObject()));
        var r = await buyer.Api.GetAsync("/ucloud/allocate_eip.dspy", Eip("e-odd", amount: null));
        (r.Http, r.Status, r.Code).Should().Be((200, false, "upstream_failed"), r.Raw);
        r.Msg.Should().StartWith(UCloudService.System);
        app.UCloud.CallsOf("AllocateEIP").Count.Should().Be(calls, "a price that can't be charged buys nothing");
        (await BalanceAsync(buyer.OrgId)).Should().Be(100m);
        (await BillsAsync(buyer.OrgId)).Should().BeEmpty();
        (await app.Factory.WithDbAsync(db => db.VendorCharges.CountAsync(c => c.OrgId == buyer.OrgId)))
            .Should().Be(0);
    }
}
