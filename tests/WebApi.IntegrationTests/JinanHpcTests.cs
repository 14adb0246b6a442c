using Kboss.Application.Vendors.JinanHpc;
using Kboss.Domain.Vendors;
using Kboss.Fakes.Vendors;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Jinan HPC (spec 09, HPC-01…11, and the purchase) through HTTP against <see cref="FakeJinanHpc"/>: the account
/// pool (documented rules and messages), binding, a customer's purchase synced and charged once, the sign with its
/// <c>warn_msg</c>, roles (401/403), another operator's ids (403), bad input, vendor refusals and a lost answer
/// settled by the sync-status job on a moved clock.
/// </summary>
public sealed class JinanHpcTests(HpcFixture app) : IClassFixture<HpcFixture>
{
    private const string Cpu = "jn-cpu-1000"; // 80.00 元 a unit at the fake

    /// <summary>A fresh customer org of the demo operator with its own customer user.</summary>
    private async Task<(string Org, Api Api)> NewCustomerAsync()
    {
        var name = HpcFixture.Unique("hpccust");
        var org = await app.Operator().PostAsync("/user/add_org.dspy", ("name", name), ("kind", "customer"));
        org.Status.Should().BeTrue(org.Raw);
        var id = org.Data!["id"]!.GetValue<string>();
        (await app.Operator().PostAsync("/user/add_user.dspy", ("username", name), ("password", AppFixture.Password),
            ("roles", "customer"), ("orgid", id))).Status.Should().BeTrue();
        return (id, new Api(app.Factory.CreateClient()).WithToken(await app.Anonymous().LoginAsync(name,
            AppFixture.Password)));
    }

    private async Task<string> AddAccountAsync(string ldap)
    {
        var r = await app.Operator().GetAsync("/hpc/HpcLdapAdd.dspy", ("clustercode", "c-" + ldap),
            ("queuecode", "q-" + ldap), ("ldapuid", ldap));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["id"]!.GetValue<string>();
    }

    private async Task BindAsync(string id, string ldap, string org)
    {
        var r = await app.Operator().GetAsync("/hpc/bind_ldap.dspy", ("id", id), ("clustercode", "c-" + ldap),
            ("queuecode", "q-" + ldap), ("ldapuid", ldap), ("orgid", org));
        r.Status.Should().BeTrue(r.Raw);
    }

    private static Task<Response> BuyAsync(Api api, string quantity = "2", string product = Cpu) =>
        api.PostAsync("/hpc/jncs_buy_product.dspy", ("productid", product), ("quantity", quantity));

    private int PurchasesAtFake(string syncInfoId) =>
        app.Hpc.Journal.Count(c => c.Method == "POST" && c.Path.EndsWith("/api/v1/purchases")
                                   && c.Body.Contains(syncInfoId));

    private Task<int> PurchaseCountAsync(string org) => app.Factory.WithDbAsync(db =>
        db.HpcSyncInfos.CountAsync(s => s.OrgId == org));

    private static Task<Response> BuyWithKeyAsync(Api api, string key, string quantity = "1") =>
        api.PostAsync("/hpc/jncs_buy_product.dspy", ("productid", Cpu), ("quantity", quantity),
            ("idempotency_key", key));

    private Task<HpcSyncInfo> SyncRowAsync(string id) => app.Factory.WithDbAsync(db =>
        db.HpcSyncInfos.AsNoTracking().SingleAsync(s => s.Id == id));

    [Fact]
    public async Task Keys_are_per_operator_and_without_one_the_vendor_endpoints_answer_not_configured()
    {
        var got = await app.Operator().GetAsync("/vendor/get_credential.dspy", ("vendor", "jnhpc"));
        got.Data!["access_key_secret"]!.GetValue<string>().Should().Be("******");
        got.Raw.Should().NotContain(FakeJinanHpc.Secret);
        var before = app.Hpc.Journal.Count;
        var products = await app.OtherOperator().GetAsync("/hpc/jncs_get_product.dspy");
        products.Code.Should().Be("not_configured");
        products.Msg.Should().Contain("济南超算");
        (await BuyAsync(app.OtherOperator())).Code.Should().Be("not_configured");
        app.Hpc.Journal.Count.Should().Be(before);
    }

    [Fact]
    public async Task Products_are_the_centres_with_the_sale_price()
    {
        var r = await app.Customer().GetAsync("/hpc/jncs_get_product.dspy");
        r.Status.Should().BeTrue(r.Raw);
        var cpu = r.Data!.AsArray().Single(p => p!["productid"]!.GetValue<string>() == Cpu)!;
        cpu["productname"]!.GetValue<string>().Should().Be("CPU核时包 1000核时");
        cpu["price"]!.GetValue<decimal>().Should().Be(80m);
        app.Hpc.Journal.Last().Headers.Should().ContainKey("X-Hpc-Sign");
    }

    [Fact]
    public async Task The_pool_follows_the_documented_rules_and_messages()
    {
        var ldap = HpcFixture.Unique("ldap");
        var id = await AddAccountAsync(ldap);
        var dup = await app.Operator().GetAsync("/hpc/HpcLdapAdd.dspy", ("clustercode", "c"), ("queuecode", "q"),
            ("ldapuid", ldap));
        (dup.Code, dup.Msg).Should().Be(("conflict", "账号已存在"));
        var otherPool = await app.OtherOperator().GetAsync("/hpc/HpcLdapAdd.dspy", ("clustercode", "c-" + ldap),
            ("queuecode", "q"), ("ldapuid", ldap)); // one centre: another operator must not hand the same user out
        (otherPool.Code, otherPool.Msg).Should().Be(("conflict", "账号已存在"));
        var missing = await app.Operator().GetAsync("/hpc/HpcLdapAdd.dspy", ("ldapuid", "x"));
        missing.Code.Should().Be("invalid_argument");
        missing.Body["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["clustercode", "queuecode"]);

        var list = await app.Operator().GetAsync("/hpc/HpcLdapSearch.dspy");
        list.Status.Should().BeTrue(list.Raw);
        var row = list.Data!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!.AsObject();
        row.Select(p => p.Key).Should().BeEquivalentTo(["id", "ldapuid", "clustercode", "queuecode", "orgid",
            "sync_status", "last_access", "del_flg", "create_at"]); // no orgname while unbound (spec)
        row["del_flg"]!.GetValue<string>().Should().Be("0");

        var updated = await app.Operator().GetAsync("/hpc/HpcLdapUpdate.dspy", ("id", id), ("queuecode", "q2"));
        updated.Status.Should().BeTrue(updated.Raw);
        (updated.Data!["queuecode"]!.GetValue<string>(), updated.Data["ldapuid"]!.GetValue<string>())
            .Should().Be(("q2", ldap));

        var (org, _) = await NewCustomerAsync();
        var bound = await app.Operator().GetAsync("/hpc/bind_ldap.dspy", ("id", id), ("orgid", org));
        bound.Status.Should().BeTrue(bound.Raw);
        bound.Data!["orgname"]!.GetValue<string>().Should().StartWith("hpccust");
        var rebind = await app.Operator().GetAsync("/hpc/bind_ldap.dspy", ("id", id), ("orgid", org));
        rebind.Code.Should().Be("conflict");
        var second = await AddAccountAsync(HpcFixture.Unique("ldap"));
        (await app.Operator().GetAsync("/hpc/bind_ldap.dspy", ("id", second), ("orgid", org))).Code
            .Should().Be("conflict"); // one account per org
        (await app.Operator().GetAsync("/hpc/HpcLdapUpdate.dspy", ("id", id), ("orgid", "someone-else"),
            ("queuecode", "q3"))).Code.Should().Be("invalid_argument");

        var noOrg = await app.Operator().GetAsync("/hpc/HpcLdapDelete.dspy", ("id", id));
        (noOrg.Code, noOrg.Msg).Should().Be(("invalid_argument", HpcAccount.OrgRequiredMessage));
        var unboundWithOrg = await app.Operator().GetAsync("/hpc/HpcLdapDelete.dspy", ("id", second), ("orgid", org));
        unboundWithOrg.Code.Should().Be("invalid_argument");
        (await app.Operator().GetAsync("/hpc/HpcLdapDelete.dspy", ("id", id), ("orgid", org))).Status
            .Should().BeTrue();
        (await app.Operator().GetAsync("/hpc/HpcLdapDelete.dspy", ("id", second))).Status.Should().BeTrue();
        var after = await app.Operator().GetAsync("/hpc/HpcLdapSearch.dspy");
        after.Data!.AsArray().Select(a => a!["id"]!.GetValue<string>()).Should().NotContain([id, second]);
        (await app.Operator().GetAsync("/hpc/HpcLdapDelete.dspy", ("id", id), ("orgid", org))).Code
            .Should().Be("not_found");
        // the ldapuid is free again once deleted
        await AddAccountAsync(ldap);
    }

    [Fact]
    public async Task Customers_sales_and_other_operators_cannot_touch_the_pool()
    {
        var id = await AddAccountAsync(HpcFixture.Unique("ldap"));
        foreach (var (path, query) in new (string, (string, string?)[])[]
                 {
                     ("/hpc/HpcLdapSearch.dspy", []), ("/hpc/HpcUserSearch.dspy", []),
                     ("/hpc/HpcLdapAdd.dspy", [("clustercode", "c"), ("queuecode", "q"), ("ldapuid", "l")]),
                     ("/hpc/bind_ldap.dspy", [("id", id), ("orgid", app.CustomerOrgId)]),
                     ("/hpc/HpcLdapUpdate.dspy", [("id", id), ("queuecode", "x")]),
                     ("/hpc/HpcLdapDelete.dspy", [("id", id)]),
                     ("/hpc/hpc_sync_user.dspy", [("syncinfoid", "x")]),
                 })
        {
            (await app.Customer().GetAsync(path, query)).Http.Should().Be(403, path);
            (await app.Sales().GetAsync(path, query)).Http.Should().Be(403, path);
            (await app.Anonymous().GetAsync(path, query)).Http.Should().Be(401, path);
        }
        (await app.Anonymous().PostAsync("/hpc/jnan_get_sign.dspy")).Http.Should().Be(401);
        (await app.Anonymous().GetAsync("/hpc/jncs_get_product.dspy")).Http.Should().Be(401);
        (await app.Anonymous().GetAsync("/hpc/HpcAccessTime.dspy")).Http.Should().Be(401);

        var other = app.OtherOperator();
        (await other.GetAsync("/hpc/bind_ldap.dspy", ("id", id), ("orgid", app.OtherOrgId))).Http.Should().Be(403);
        (await other.GetAsync("/hpc/HpcLdapUpdate.dspy", ("id", id), ("queuecode", "x"))).Http.Should().Be(403);
        (await other.GetAsync("/hpc/HpcLdapDelete.dspy", ("id", id))).Http.Should().Be(403);
        (await other.GetAsync("/hpc/HpcLdapSearch.dspy")).Data!.AsArray().Should().BeEmpty();
        // binding to a customer of another operator
        (await app.Operator().GetAsync("/hpc/bind_ldap.dspy", ("id", id), ("orgid", app.OtherOrgId))).Http
            .Should().Be(403);
        (await app.Operator().GetAsync("/hpc/bind_ldap.dspy", ("id", "nope"), ("orgid", app.CustomerOrgId))).Code
            .Should().Be("not_found");
    }

    [Fact]
    public async Task A_purchase_waits_for_an_account_then_after_sales_syncs_it_and_charges_it_once()
    {
        var (org, customer) = await NewCustomerAsync();
        await app.FundAsync(org, "1000");
        var bought = await BuyAsync(customer);
        bought.Status.Should().BeTrue(bought.Raw);
        bought.Msg.Should().Contain("绑定超算账号");
        var syncId = bought.Data!["syncinfoid"]!.GetValue<string>();
        bought.Data["sync_status"]!.GetValue<string>().Should().Be("0");

        var unbound = await app.Operator().GetAsync("/hpc/HpcUserSearch.dspy");
        unbound.Data!.AsArray().Select(u => u!["orgid"]!.GetValue<string>()).Should().Contain(org);
        (await customer.PostAsync("/hpc/jnan_get_sign.dspy")).Code.Should().Be("not_found");
        (await customer.GetAsync("/hpc/HpcAccessTime.dspy")).Code.Should().Be("not_found");

        var ldap = HpcFixture.Unique("ldap");
        await BindAsync(await AddAccountAsync(ldap), ldap, org);
        (await app.Operator().GetAsync("/hpc/HpcUserSearch.dspy")).Data!.AsArray()
            .Select(u => u!["orgid"]!.GetValue<string>()).Should().NotContain(org);

        var sign = await customer.PostAsync("/hpc/jnan_get_sign.dspy");
        sign.Status.Should().BeTrue(sign.Raw);
        sign.Body["warn_msg"]!.GetValue<string>().Should().Be("您当前有未同步的购买信息, 请联系售后同步");
        var signValue = sign.Data!["sign"]!.GetValue<string>();
        app.Hpc.Signs[signValue].Should().Be(ldap);
        var audits = await app.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "hpc.sign.issued").Select(a => a.Detail).ToListAsync());
        audits.Should().NotBeEmpty().And.OnlyContain(d => !d.Contains(signValue));

        var status = await app.Operator().GetAsync("/hpc/sync_status_search.dspy");
        var item = status.Data!.AsArray().Single(s => s!["syncinfoid"]!.GetValue<string>() == syncId)!;
        (item["customerid"]!.GetValue<string>(), item["quantity"]!.GetValue<string>(),
            item["ldapuid"]!.GetValue<string>(), item["sync_status"]!.GetValue<string>())
            .Should().Be((org, "2", ldap, "0"));
        var echoes = item.AsObject().Where(p => p.Key is "syncinfoid" or "customerid" or "productid" or "quantity"
                or "ldapuid" or "clustercode" or "queuecode" or "orgid" or "orgname")
            .Select(p => (p.Key, (string?)p.Value!.GetValue<string>())).ToArray();

        // an echo that differs from HPC-01 is refused before any call
        var wrong = await app.Operator().GetAsync("/hpc/hpc_sync_user.dspy", ("syncinfoid", syncId),
            ("quantity", "3"));
        (wrong.Code, wrong.Body["errors"]!.AsObject().Single().Key).Should().Be(("invalid_argument", "quantity"));
        (await app.Operator().GetAsync("/hpc/hpc_sync_user.dspy", ("syncinfoid", syncId), ("quantity", "-1")))
            .Code.Should().Be("invalid_argument");
        PurchasesAtFake(syncId).Should().Be(0);

        var synced = await app.Operator().GetAsync("/hpc/hpc_sync_user.dspy", echoes);
        synced.Status.Should().BeTrue(synced.Raw);
        (synced.Data!["sync_status"]!.GetValue<string>(), synced.Data["amount"]!.GetValue<decimal>())
            .Should().Be(("1", 160m));
        (await HpcFixture.BalanceAsync(customer)).Should().Be(840m);
        var again = await app.Operator().GetAsync("/hpc/hpc_sync_user.dspy", echoes);
        (again.Status, again.Msg).Should().Be((true, HpcPurchaseSync.AlreadySyncedMessage));
        PurchasesAtFake(syncId).Should().Be(1);
        (await HpcFixture.BalanceAsync(customer)).Should().Be(840m); // the same sync twice: money changed once
        (await app.BillsAsync(org)).Should().Equal((160m, Cpu));
        app.Hpc.Purchases[syncId].Should().Be(app.Hpc.Purchases[syncId] with { Quantity = 2, LdapUid = ldap });

        var signed = await customer.PostAsync("/hpc/jnan_get_sign.dspy");
        signed.Body.ContainsKey("warn_msg").Should().BeTrue();
        signed.Body["warn_msg"].Should().BeNull();
        var accounts = await app.Operator().GetAsync("/hpc/HpcLdapSearch.dspy");
        accounts.Data!.AsArray().Single(a => a!["ldapuid"]!.GetValue<string>() == ldap)!["sync_status"]!
            .GetValue<string>().Should().Be("1");
        var accountId = accounts.Data!.AsArray().Single(a => a!["ldapuid"]!.GetValue<string>() == ldap)!["id"]!
            .GetValue<string>();
        var undeletable = await app.Operator().GetAsync("/hpc/HpcLdapDelete.dspy", ("id", accountId), ("orgid", org));
        (undeletable.Code, undeletable.Msg).Should().Be(("conflict", HpcAccount.SyncedUndeletableMessage));
        (await app.Operator().GetAsync("/hpc/HpcLdapUpdate.dspy", ("id", accountId), ("ldapuid", "changed")))
            .Code.Should().Be("conflict");

        var access = await customer.GetAsync("/hpc/HpcAccessTime.dspy", ("orgid", org));
        access.Status.Should().BeTrue(access.Raw);
        access.Data!["last_access"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");
        (await app.Customer().GetAsync("/hpc/HpcAccessTime.dspy", ("orgid", org))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/hpc/HpcAccessTime.dspy", ("orgid", org))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/hpc/hpc_sync_user.dspy", ("syncinfoid", syncId))).Http
            .Should().Be(403);
    }

    [Fact]
    public async Task A_bound_customer_buys_and_is_synced_at_once_and_sales_see_their_customers()
    {
        var ldap = HpcFixture.Unique("ldap");
        await BindAsync(await AddAccountAsync(ldap), ldap, app.CustomerOrgId);
        await app.FundAsync(app.CustomerOrgId, "300");
        var before = await HpcFixture.BalanceAsync(app.Customer());
        var bought = await BuyAsync(app.Customer(), "1", "jn-gpu-100");
        bought.Status.Should().BeTrue(bought.Raw);
        (bought.Data!["sync_status"]!.GetValue<string>(), bought.Data["amount"]!.GetValue<decimal>())
            .Should().Be(("1", 300m));
        var syncId = bought.Data["syncinfoid"]!.GetValue<string>();
        PurchasesAtFake(syncId).Should().Be(1);
        (await HpcFixture.BalanceAsync(app.Customer())).Should().Be(before - 300m);

        // too little left: refused before anything is recorded or asked, nothing held
        var rows = await PurchaseCountAsync(app.CustomerOrgId);
        var poor = await BuyAsync(app.Customer(), "1", "jn-gpu-100");
        (poor.Status, poor.Code, poor.Msg).Should().Be((false, "conflict", "余额不足"));
        poor.Data.Should().BeNull();
        (await PurchaseCountAsync(app.CustomerOrgId)).Should().Be(rows);
        (await HpcFixture.BalanceAsync(app.Customer())).Should().Be(before - 300m);

        var mine = await app.Sales().GetAsync("/hpc/sync_status_search.dspy");
        mine.Status.Should().BeTrue(mine.Raw);
        mine.Data!.AsArray().Select(s => s!["syncinfoid"]!.GetValue<string>()).Should().Contain(syncId);
        mine.Data.AsArray().Should().OnlyContain(s => s!["customerid"]!.GetValue<string>() == app.CustomerOrgId);
        (await app.Sales().GetAsync("/hpc/sync_status_search.dspy", ("userid", app.SalesUserId))).Status
            .Should().BeTrue();
        (await app.Sales().GetAsync("/hpc/sync_status_search.dspy", ("userid", "someone"))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/hpc/sync_status_search.dspy")).Data!.AsArray().Should().BeEmpty();
        (await app.Customer().PostAsync("/hpc/jnan_get_sign.dspy", ("userid", "someone"))).Http.Should().Be(403);

        var bad = await BuyAsync(app.Customer(), "0");
        bad.Code.Should().Be("invalid_argument");
        (await BuyAsync(app.Customer(), "1", "no-such")).Code.Should().Be("invalid_argument");
        (await app.Customer().PostAsync("/hpc/jncs_buy_product.dspy", ("productid", Cpu), ("quantity", "1"),
            ("orgid", app.OtherOrgId))).Http.Should().Be(403);
    }

    [Fact]
    public async Task A_refusal_is_not_charged_and_a_lost_answer_is_settled_by_the_job_after_its_grace()
    {
        var (org, customer) = await NewCustomerAsync();
        await app.FundAsync(org, "500");
        var ldap = HpcFixture.Unique("ldap");
        await BindAsync(await AddAccountAsync(ldap), ldap, org);

        app.Hpc.UnknownAccounts[ldap] = true;
        var refused = await BuyAsync(customer, "1");
        refused.Code.Should().Be("upstream_failed");
        refused.Msg.Should().Contain("账号不存在");
        var refusedId = refused.Data!["syncinfoid"]!.GetValue<string>();
        (await SyncRowAsync(refusedId)).SyncStatus.Should().Be(HpcSyncStates.Failed);
        (await HpcFixture.BalanceAsync(customer)).Should().Be(500m); // released
        app.Hpc.UnknownAccounts.TryRemove(ldap, out _);

        // the centre takes the purchase but answers too late: unknown; the job asks after its grace
        app.Hpc.Inject("POST purchases", new Fault.Delay(TimeSpan.FromSeconds(4)));
        var lost = await BuyAsync(customer, "1");
        lost.Code.Should().Be("upstream_failed");
        var lostId = lost.Data!["syncinfoid"]!.GetValue<string>();
        (await SyncRowAsync(lostId)).SyncStatus.Should().Be(HpcSyncStates.Unknown);
        (await HpcFixture.BalanceAsync(customer)).Should().Be(420m); // held while unknown
        await app.ReconcileAsync();
        (await HpcFixture.BalanceAsync(customer)).Should().Be(420m); // the purchase is not settled yet: still held
        (await app.Operator().GetAsync("/hpc/hpc_sync_user.dspy", ("syncinfoid", lostId))).Msg
            .Should().Be(HpcPurchaseSync.InFlightMessage);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the fake records it
        (await app.RunSyncStatusJobAsync()).Should().Be(0); // within the grace
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        try
        {
            (await app.RunSyncStatusJobAsync()).Should().BeGreaterThanOrEqualTo(1);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-6)); // tokens issued later must not lie in the future
        }
        var settled = await SyncRowAsync(lostId);
        (settled.SyncStatus, settled.VendorRef).Should().Be((HpcSyncStates.Synced, app.Hpc.Purchases[lostId].Ref));
        PurchasesAtFake(lostId).Should().Be(1);
        await app.ReconcileAsync();
        await app.ReconcileAsync();
        (await HpcFixture.BalanceAsync(customer)).Should().Be(420m);
        (await app.BillsAsync(org)).Should().Equal((80m, Cpu)); // charged once

        // the refused one is retried by after-sales and goes through once
        var retried = await app.Operator().GetAsync("/hpc/hpc_sync_user.dspy", ("syncinfoid", refusedId));
        retried.Status.Should().BeTrue(retried.Raw);
        PurchasesAtFake(refusedId).Should().Be(2); // the refused call and the accepted one
        (await HpcFixture.BalanceAsync(customer)).Should().Be(340m);
        (await app.BillsAsync(org)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Parallel_syncs_of_one_purchase_call_the_centre_and_charge_once()
    {
        var (org, customer) = await NewCustomerAsync();
        await app.FundAsync(org, "1000");
        var syncId = (await BuyAsync(customer, "1")).Data!["syncinfoid"]!.GetValue<string>();
        var ldap = HpcFixture.Unique("ldap");
        await BindAsync(await AddAccountAsync(ldap), ldap, org);
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.Operator().GetAsync("/hpc/hpc_sync_user.dspy", ("syncinfoid", syncId))));
        replies.Should().OnlyContain(r => r.Http == 200);
        replies.Count(r => r.Status && r.Msg == "同步成功").Should().Be(1);
        PurchasesAtFake(syncId).Should().Be(1);
        (await HpcFixture.BalanceAsync(customer)).Should().Be(920m);
        (await app.BillsAsync(org)).Should().Equal((80m, Cpu));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Parallel_purchases_with_one_key_make_one_purchase_and_the_key_answers_it_again(bool bound)
    {
        var (org, customer) = await NewCustomerAsync();
        await app.FundAsync(org, "1000");
        if (bound)
        {
            var ldap = HpcFixture.Unique("ldap");
            await BindAsync(await AddAccountAsync(ldap), ldap, org);
        }
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => BuyWithKeyAsync(customer, "k-buy")));
        replies.Should().OnlyContain(r => r.Http == 200);
        replies.Should().Contain(r => r.Status, string.Join("\n", replies.Select(r => r.Raw)));
        // a twin either answers the purchase or says it is still being processed: never a second purchase
        replies.Where(r => !r.Status).Select(r => r.Code).Should().BeSubsetOf(["conflict"]);
        var ids = await app.Factory.WithDbAsync(db => db.HpcSyncInfos.Where(s => s.OrgId == org).Select(s => s.Id)
            .ToListAsync());
        ids.Should().ContainSingle();
        replies.Where(r => r.Status).Should().OnlyContain(r => r.Data!["syncinfoid"]!.GetValue<string>() == ids[0]);
        PurchasesAtFake(ids[0]).Should().Be(bound ? 1 : 0);
        (await HpcFixture.BalanceAsync(customer)).Should().Be(bound ? 920m : 1000m);

        var again = await BuyWithKeyAsync(customer, "k-buy");
        (again.Status, again.Data!["syncinfoid"]!.GetValue<string>(), again.Data["sync_status"]!.GetValue<string>())
            .Should().Be((true, ids[0], bound ? "1" : "0"));
        var other = await BuyWithKeyAsync(customer, "k-buy", quantity: "2");
        (other.Status, other.Code, other.Msg).Should().Be((false, "conflict", "幂等键已用于其他请求"));
        // the same key of another org is another purchase
        var (_, stranger) = await NewCustomerAsync();
        (await BuyWithKeyAsync(stranger, "k-buy")).Msg.Should().Be("余额不足");
        (await PurchaseCountAsync(org)).Should().Be(1);
        (await HpcFixture.BalanceAsync(customer)).Should().Be(bound ? 920m : 1000m);
        (await app.BillsAsync(org)).Should().HaveCount(bound ? 1 : 0);
        (await customer.PostAsync("/hpc/jncs_buy_product.dspy", ("productid", Cpu), ("quantity", "1"),
            ("idempotency_key", new string('k', 65)))).Code.Should().Be("invalid_argument");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_unaffordable_purchase_answers_balance_short_and_records_nothing(bool bound)
    {
        var (org, customer) = await NewCustomerAsync();
        if (bound)
        {
            var ldap = HpcFixture.Unique("ldap");
            await BindAsync(await AddAccountAsync(ldap), ldap, org);
        }
        var none = await BuyAsync(customer, "1");
        (none.Http, none.Status, none.Code, none.Msg).Should().Be((200, false, "conflict", "余额不足"));
        await app.FundAsync(org, "100");
        var short1 = await BuyAsync(customer, "2"); // 160 元
        (short1.Status, short1.Code, short1.Msg).Should().Be((false, "conflict", "余额不足"));
        (await PurchaseCountAsync(org)).Should().Be(0);
        app.Hpc.Journal.Should().NotContain(c => c.Method == "POST" && c.Path.EndsWith("/api/v1/purchases")
                                                  && c.Body.Contains(org));
        (await HpcFixture.BalanceAsync(customer)).Should().Be(100m);

        var ok = await BuyAsync(customer, "1"); // 80 元
        ok.Status.Should().BeTrue(ok.Raw);
        (await PurchaseCountAsync(org)).Should().Be(1);
        (await HpcFixture.BalanceAsync(customer)).Should().Be(bound ? 20m : 100m);
    }

    [Fact]
    public async Task Parallel_bound_purchases_beyond_the_balance_leave_no_purchase_behind()
    {
        var (org, customer) = await NewCustomerAsync();
        await app.FundAsync(org, "100");
        var ldap = HpcFixture.Unique("ldap");
        await BindAsync(await AddAccountAsync(ldap), ldap, org);
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => BuyAsync(customer, "1")));
        replies.Count(r => r.Status).Should().Be(1, string.Join("\n", replies.Select(r => r.Raw)));
        replies.Where(r => !r.Status).Should().OnlyContain(r => r.Code == "conflict" && r.Msg == "余额不足");
        (await PurchaseCountAsync(org)).Should().Be(1);
        (await HpcFixture.BalanceAsync(customer)).Should().Be(20m);
        (await app.BillsAsync(org)).Should().Equal((80m, Cpu));
    }

    [Fact]
    public async Task A_customer_lists_only_its_own_orgs_purchases()
    {
        var (orgA, a) = await NewCustomerAsync();
        var (orgB, b) = await NewCustomerAsync();
        await app.FundAsync(orgA, "1000");
        await app.FundAsync(orgB, "1000");
        var mine = (await BuyAsync(a, "1")).Data!["syncinfoid"]!.GetValue<string>();
        var theirs = (await BuyAsync(b, "2")).Data!["syncinfoid"]!.GetValue<string>();

        foreach (var (api, org, own, foreign) in new[] { (a, orgA, mine, theirs), (b, orgB, theirs, mine) })
        {
            foreach (var query in new (string, string?)[][] { [], [("userid", app.SalesUserId)] })
            {
                var list = await api.GetAsync("/hpc/sync_status_search.dspy", query);
                list.Status.Should().BeTrue(list.Raw);
                var rows = list.Data!.AsArray();
                rows.Count(s => s!["customerid"]!.GetValue<string>() != org).Should().Be(0);
                rows.Select(s => s!["syncinfoid"]!.GetValue<string>()).Should().NotContain(foreign);
                if (query.Length == 0)
                    rows.Select(s => s!["syncinfoid"]!.GetValue<string>()).Should().Contain(own);
            }
        }
        var all = (await app.Operator().GetAsync("/hpc/sync_status_search.dspy")).Data!.AsArray()
            .Select(s => s!["syncinfoid"]!.GetValue<string>()).ToList();
        all.Should().Contain([mine, theirs]);
        (await app.OtherOperator().GetAsync("/hpc/sync_status_search.dspy")).Data!.AsArray()
            .Select(s => s!["syncinfoid"]!.GetValue<string>()).Should().NotContain([mine, theirs]);
        (await app.Anonymous().GetAsync("/hpc/sync_status_search.dspy")).Http.Should().Be(401);
    }

    [Fact]
    public async Task A_centre_price_that_can_not_be_charged_is_upstream_failed_and_records_nothing()
    {
        var (org, customer) = await NewCustomerAsync();
        await app.FundAsync(org, "100");
        app.Hpc.Products["jn-negative"] = new FakeJinanHpc.Product("jn-negative", "负价", "x", -5m, "核时");
        try
        {
            var r = await BuyAsync(customer, "1", "jn-negative");
            (r.Http, r.Status, r.Code).Should().Be((200, false, "upstream_failed"), r.Raw);
            r.Msg.Should().StartWith(JinanHpcService.System);
            (await PurchaseCountAsync(org)).Should().Be(0);
            (await HpcFixture.BalanceAsync(customer)).Should().Be(100m);
        }
        finally
        {
            app.Hpc.Products.TryRemove("jn-negative", out _);
        }
    }
}
