using System.Diagnostics;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Finance.CpccLocalisation;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Spec module 11 (供应商/算力中心本地化, finance.md §3.3, ADR 0033) through HTTP: a centre becomes a provider, its
/// products are configured per cluster, customers see them priced and buy instances paid from their balance; a refused
/// or lost create is refunded with a REFUND bill and gives the stock back.
/// </summary>
public sealed class CpccPurchaseTests(AppFixture app, FakeKubeApi kube) : IClassFixture<AppFixture>,
    IClassFixture<FakeKubeApi>
{
    private const string Providers = "/provider/get_cpcc_provider.dspy";
    private const string Convert = "/provider/cpccProviderAdd.dspy";
    private const string Widgets = "/provider/get_cpcc_widget.dspy";
    private const string AddProduct = "/provider/cpcc_product_add.dspy";
    private const string View = "/provider/cpcc_kehu_kan_chanpin.dspy";
    private const string Buy = "/provider/create_cpcc_instance.dspy";
    private const string Cpu = "INTEL(R) XEON(R) PLATINUM 8582C";

    /// <summary>2 cores of <see cref="Cpu"/> (1.5 元/h), 1Gi memory (1024 Mi × 0.0004), 20Gi system disk (× 0.005):
    /// 3 + 0.41 + 0.1 = 3.51 元 per hour.</summary>
    private const string Bundle =
        "{\"cpu\":{\"model\":\"" + Cpu + "\",\"num\":2},\"memory\":{\"model\":\"STANDARD\",\"num\":1},"
        + "\"disk\":{\"model\":\"SYS\",\"num\":20}}";
    private const decimal HourPrice = 3.51m;

    private sealed record Shop(SeededCenter Center, string ProviderId, string ProductId);

    private sealed record Buyer(string OrgId, Api Api);

    private static async Task<Shop> ShopAsync(KbossFactory f, Api op, FakeKubeApi kube)
    {
        var center = await Seed.CenterAsync(f, stock: ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);
        var converted = await op.GetAsync(Convert, ("orgcode", center.Id),
            ("name", "北京算网" + Guid.NewGuid().ToString("N")[..6]));
        converted.Status.Should().BeTrue(converted.Raw);
        var providerId = converted.Data!["providerid"]!.GetValue<string>();
        var product = await op.GetAsync(AddProduct, ("reseller_orgid", DemoData.OrgId), ("providerid", providerId),
            ("product_type", "combination"), ("spec_note", Bundle), ("clusterid", center.Chaoyang));
        product.Status.Should().BeTrue(product.Raw);
        return new Shop(center, providerId, product.Data!["productid"]!.GetValue<string>());
    }

    private static async Task<Buyer> BuyerAsync(AppFixture fx, decimal balance)
    {
        var op = fx.Operator();
        var org = await op.PostAsync("/user/add_org.dspy", ("name", "买家" + Guid.NewGuid().ToString("N")[..6]),
            ("kind", "customer"));
        var orgId = org.Data!["id"]!.GetValue<string>();
        var name = "buyer" + Guid.NewGuid().ToString("N")[..8];
        (await op.PostAsync("/user/add_user.dspy", ("username", name), ("password", AppFixture.Password),
            ("roles", Roles.Customer), ("orgid", orgId))).Status.Should().BeTrue();
        if (balance > 0)
            (await fx.Admin().PostAsync("/finance/balance_adjust.dspy", ("customer_orgid", orgId),
                ("amount", balance.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("reason", "测试充值"),
                ("idempotency_key", "seed-" + orgId))).Status.Should().BeTrue();
        var api = fx.Anonymous();
        api.WithToken(await api.LoginAsync(name, AppFixture.Password));
        return new Buyer(orgId, api);
    }

    private static (string, string?)[] Order(Shop s, string port, string amount = "3.51", string? key = null) =>
    [
        .. ClusterConfigTests.Config(s.Center.Chaoyang, port).Where(f => f.Item1 != "orgid"),
        ("productid", s.ProductId), ("providerid", s.ProviderId), ("amount", amount), ("duration", "1"),
        ("duration_unit", "小时"), ("idempotency_key", key),
    ];

    private static Task<decimal> BalanceAsync(KbossFactory f, string org) => f.WithDbAsync(db =>
        db.CustomerBalances.AsNoTracking().Where(b => b.CustomerOrgId == org).Select(b => b.Balance)
            .SingleOrDefaultAsync());

    private static Task<List<Bill>> BillsAsync(KbossFactory f, string org) => f.WithDbAsync(db =>
        db.Bills.AsNoTracking().Where(b => b.CustomerId == org).ToListAsync());

    private static Task<long> CpuConsumedAsync(KbossFactory f, string clusterId) => f.WithDbAsync(db =>
        db.WidgetClusterStocks.AsNoTracking().Where(s => s.ClusterId == clusterId)
            .Join(db.Widgets.AsNoTracking().Where(w => w.Model == Cpu), s => s.WidgetId, w => w.Id,
                (s, _) => s.Consumed)
            .SingleAsync());

    private static async Task<IReadOnlyList<ReconcileCounts>> ReconcileAsync(KbossFactory f)
    {
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new ReconcileOutsideCalls(TimeSpan.Zero));
    }

    [Fact]
    public async Task Operator_converts_a_centre_once_configures_products_and_customers_see_sale_prices()
    {
        var op = app.Operator();
        var center = await Seed.CenterAsync(app.Factory, stock: ClusterConfigTests.Plenty, kubeconfig: kube.Kubeconfig);
        var before = await op.GetAsync(Providers, ("cpccid", center.Id));
        (before.Status, before.Msg).Should().Be((true, "get cpcc success"));
        before.Data![0]!["provider_convert_state"]!.GetValue<bool>().Should().BeFalse();

        var clash = await op.GetAsync(Convert, ("orgcode", center.Id), ("name", "另一运营机构"));
        (clash.Status, clash.Msg).Should().Be((false, "机构名称已存在,请换一个供应商名称"));
        var converted = await op.GetAsync(Convert, ("orgcode", center.Id), ("name", "算力中心AA"));
        converted.Status.Should().BeTrue(converted.Raw);
        var providerId = converted.Data!["providerid"]!.GetValue<string>();
        var again = await op.GetAsync(Convert, ("orgcode", center.Id), ("name", "算力中心BB"));
        (again.Status, again.Msg, again.Code).Should().Be((false, "该算力中心已转换为供应商", "conflict"));
        (await app.Factory.WithDbAsync(db => db.OrgProfiles.AsNoTracking()
            .CountAsync(p => p.Orgcode == center.Id))).Should().Be(1, "the provider org's orgcode is the cpccid");

        var widgets = await op.GetAsync(Widgets, ("cpcid", center.Id), ("type", "gpu"));
        widgets.Status.Should().BeTrue(widgets.Raw);
        widgets.Data!["rows"]!.AsArray().Should().OnlyContain(r => r!["type"]!.GetValue<string>() == "gpu");
        (await op.GetAsync(Widgets, ("cpcid", center.Id), ("type", "fpga"))).Msg.Should().Be("type参数错误");

        var noSpec = await op.GetAsync(AddProduct, ("reseller_orgid", DemoData.OrgId), ("providerid", providerId),
            ("product_type", "combination"), ("clusterid", center.Chaoyang));
        (noSpec.Status, noSpec.Code).Should().Be((false, "invalid_argument"));
        var badType = await op.GetAsync(AddProduct, ("reseller_orgid", DemoData.OrgId), ("providerid", providerId),
            ("product_type", "bundle"), ("clusterid", center.Chaoyang));
        badType.Code.Should().Be("invalid_argument");
        var custom = await op.GetAsync(AddProduct, ("reseller_orgid", DemoData.OrgId), ("providerid", providerId),
            ("product_type", "customize"), ("clusterid", center.Chaoyang));
        custom.Status.Should().BeTrue(custom.Raw);
        var combo = await op.GetAsync(AddProduct, ("reseller_orgid", DemoData.OrgId), ("providerid", providerId),
            ("product_type", "combination"), ("spec_note", Bundle), ("clusterid", center.Chaoyang));
        combo.Data!["name"]!.GetValue<string>().Should().Be("2核 / 1Gi");
        var comboId = combo.Data!["productid"]!.GetValue<string>();

        var after = await op.GetAsync(Providers, ("cpccid", center.Id));
        after.Data![0]!["provider_convert_state"]!.GetValue<bool>().Should().BeTrue();
        after.Data![0]!["init_product"]!.GetValue<bool>().Should().BeTrue();
        after.Data![0]!["provider_info"]!["providerid"]!.GetValue<string>().Should().Be(providerId);

        var buyer = await BuyerAsync(app, 0);
        var view = await buyer.Api.GetAsync(View, ("duration", "2"), ("duration_unit", "小时"),
            ("clusterid", center.Chaoyang), ("resource_type", "cpu"));
        view.Status.Should().BeTrue(view.Raw);
        var row = view.Data!.AsArray().Single(r => r!["productid"]!.GetValue<string>() == comboId)!;
        (row["list_price"]!.GetValue<decimal>(), row["price"]!.GetValue<decimal>()).Should().Be((7.02m, 7.02m));
        view.Data!.AsArray().Should().Contain(r => r!["product_type"]!.GetValue<string>() == "customize");
        (await buyer.Api.GetAsync(View, ("duration", "2"), ("duration_unit", "小时"), ("clusterid", center.Chaoyang),
            ("resource_type", "gpu"))).Data!.AsArray().Should().NotContain(r =>
            r!["productid"]!.GetValue<string>() == comboId, "the bundle has no GPU");

        // The operator's cost drops to 0.8, its unified discount 0.9: 3.51 × 0.9 = 3.159 → 3.16 (§4.5).
        await app.Factory.WithDbAsync(db => db.ProductSaleConfigs.Where(c => c.ProductId == comboId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Discount, 0.8m)));
        (await op.GetAsync("/product/discount_guanli_jia.dspy", ("bid_orgid", DemoData.OrgId),
            ("providerid", providerId), ("productid", comboId), ("discount", "0.9"))).Status.Should().BeTrue();
        var discounted = await buyer.Api.GetAsync(View, ("duration", "1"), ("duration_unit", "hour"),
            ("clusterid", center.Chaoyang));
        var d = discounted.Data!.AsArray().Single(r => r!["productid"]!.GetValue<string>() == comboId)!;
        (d["list_price"]!.GetValue<decimal>(), d["discount"]!.GetValue<decimal>(), d["price"]!.GetValue<decimal>())
            .Should().Be((3.51m, 0.9m, 3.16m));
    }

    [Fact]
    public async Task A_purchase_debits_the_balance_writes_a_BUY_bill_and_creates_the_instance_once_per_key()
    {
        var shop = await ShopAsync(app.Factory, app.Operator(), kube);
        var buyer = await BuyerAsync(app, 10m);

        var changed = await buyer.Api.GetAsync(Buy, Order(shop, "31001", amount: "3.49"));
        (changed.Status, changed.Msg, changed.Code).Should().Be((false, "价格已变化,请刷新", "conflict"));
        var ok = await buyer.Api.GetAsync(Buy, Order(shop, "31001", amount: "3.50", key: "k-1"));
        ok.Status.Should().BeTrue(ok.Raw);
        var billId = ok.Data!["billid"]!.GetValue<string>();
        var instanceId = ok.Data!["instanceid"]!.GetValue<string>();
        ok.Data!["amount"]!.GetValue<decimal>().Should().Be(HourPrice, "the server's price is charged");

        (await BalanceAsync(app.Factory, buyer.OrgId)).Should().Be(10m - HourPrice);
        var bill = (await BillsAsync(app.Factory, buyer.OrgId)).Single(b => b.BusinessOp == BusinessOps.Buy);
        (bill.Id, bill.Amount, bill.ProviderAmt, bill.BillState, bill.ResourceId, bill.ProductId, bill.ProviderId)
            .Should().Be((billId, HourPrice, HourPrice, BillStates.Paid, instanceId, shop.ProductId, shop.ProviderId));
        var row = await app.Factory.WithDbAsync(db =>
            db.InstanceConfigs.AsNoTracking().SingleAsync(i => i.Id == instanceId));
        (row.State, row.OrgId, row.CpuModel, row.SourceCpurate).Should().Be(("live", buyer.OrgId, Cpu, "2"));
        kube.Object($"/apis/apps/v1/namespaces/{row.NamespaceName}/statefulsets/{row.PodcdName}").Should().NotBeNull();
        (await app.Factory.WithDbAsync(db => db.CpccPurchases.AsNoTracking().SingleAsync(p => p.BillId == billId)))
            .State.Should().Be(CpccPurchaseStates.Delivered);

        var replay = await buyer.Api.GetAsync(Buy, Order(shop, "31001", amount: "3.50", key: "k-1"));
        (replay.Status, replay.Data!["billid"]!.GetValue<string>()).Should().Be((true, billId));
        var reused = await buyer.Api.GetAsync(Buy, Order(shop, "31002", amount: "3.50", key: "k-1"));
        (reused.Status, reused.Msg, reused.Code).Should().Be((false, "幂等键已用于另一次购买", "conflict"));
        (await BillsAsync(app.Factory, buyer.OrgId)).Count(b => b.BusinessOp == BusinessOps.Buy).Should().Be(1);

        var poor = await BuyerAsync(app, 1m);
        var refused = await poor.Api.GetAsync(Buy, Order(shop, "31003"));
        (refused.Status, refused.Msg, refused.Code).Should().Be((false, "余额不足", "conflict"));
        (await BillsAsync(app.Factory, poor.OrgId)).Should().NotContain(b => b.BusinessOp == BusinessOps.Buy);
        (await app.Factory.WithDbAsync(db => db.InstanceConfigs.AsNoTracking().CountAsync(i => i.OrgId == poor.OrgId)))
            .Should().Be(0, "nothing is kept of a refused reservation");
    }

    [Fact]
    public async Task Sixty_four_parallel_purchases_against_a_balance_for_ten_exactly_ten_succeed()
    {
        var shop = await ShopAsync(app.Factory, app.Operator(), kube);
        var buyer = await BuyerAsync(app, HourPrice * 10);
        var consumedBefore = await CpuConsumedAsync(app.Factory, shop.Center.Chaoyang);

        var replies = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            buyer.Api.GetAsync(Buy,
                Order(shop, (31100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        replies.Count(r => r.Status).Should().Be(10, string.Join("\n", replies.Where(r => !r.Status).Select(r => r.Raw)
            .Distinct().Take(5)));
        replies.Where(r => !r.Status).Should().OnlyContain(r => r.Msg == "余额不足");
        (await BalanceAsync(app.Factory, buyer.OrgId)).Should().Be(0m);
        (await BillsAsync(app.Factory, buyer.OrgId)).Count(b => b.BusinessOp == BusinessOps.Buy).Should().Be(10);
        (await CpuConsumedAsync(app.Factory, shop.Center.Chaoyang) - consumedBefore).Should().Be(20);
        var entries = await app.Factory.WithDbAsync(db => db.LedgerEntries.AsNoTracking()
            .Where(e => e.CustomerOrgId == buyer.OrgId).ToListAsync());
        entries.Should().OnlyContain(e => e.BalanceAfter >= 0);
        entries.Sum(e => e.Amount).Should().Be(0m, "balance = Σ entries");
    }

    [Fact]
    public async Task A_cluster_refusal_refunds_with_a_REFUND_bill_and_gives_the_stock_back()
    {
        var shop = await ShopAsync(app.Factory, app.Operator(), kube);
        var buyer = await BuyerAsync(app, 10m);
        var consumedBefore = await CpuConsumedAsync(app.Factory, shop.Center.Chaoyang);
        var ns = shop.Center.Chaoyang.ToLowerInvariant().Replace('_', '-');
        kube.FailWhen = (m, p) => m == "POST" && p.Contains(ns, StringComparison.Ordinal)
                                                 && p.EndsWith("/statefulsets", StringComparison.Ordinal) ? 500 : null;
        try
        {
            var failed = await buyer.Api.GetAsync(Buy, Order(shop, "31201"));
            (failed.Status, failed.Code).Should().Be((false, "upstream_failed"));
            failed.Msg.Should().Contain("算力中心服务操作失败");
        }
        finally
        {
            kube.FailWhen = null;
        }
        (await BalanceAsync(app.Factory, buyer.OrgId)).Should().Be(10m);
        var bills = await BillsAsync(app.Factory, buyer.OrgId);
        var buy = bills.Single(b => b.BusinessOp == BusinessOps.Buy);
        var refund = bills.Single(b => b.BusinessOp == BusinessOps.Refund);
        (refund.OriginBillId, refund.Amount, refund.BillState).Should().Be((buy.Id, HourPrice, BillStates.Paid));
        (await CpuConsumedAsync(app.Factory, shop.Center.Chaoyang)).Should().Be(consumedBefore);
        var purchase = await app.Factory.WithDbAsync(db =>
            db.CpccPurchases.AsNoTracking().SingleAsync(p => p.BillId == buy.Id));
        (purchase.State, purchase.RefundBillId).Should().Be((CpccPurchaseStates.Refunded, refund.Id));
        (await ReconcileAsync(app.Factory)).Sum(c => c.Compensated).Should().Be(0, "nothing left open");
        (await BillsAsync(app.Factory, buyer.OrgId)).Count(b => b.BusinessOp == BusinessOps.Refund).Should().Be(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_crash_mid_call_is_finished_by_the_reconciler_confirmed_or_refunded(bool controllerCreated)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kboss-cpcc-crash-" + Guid.NewGuid().ToString("N"));
        var hang = new TaskCompletionSource();
        var hangOn = controllerCreated ? "/services" : "/statefulsets";
        kube.HoldWhen = (m, p) => m == "POST" && p.EndsWith(hangOn, StringComparison.Ordinal) ? hang.Task : null;
        try
        {
            Shop shop;
            Buyer buyer;
            var fx = new AppFixture(new KbossFactory(folder));
            try
            {
                await fx.InitializeAsync();
                shop = await ShopAsync(fx.Factory, fx.Operator(), kube);
                buyer = await BuyerAsync(fx, 10m);
                _ = buyer.Api.GetAsync(Buy, Order(shop, "31301"));
                var watch = Stopwatch.StartNew();
                while (!kube.Calls.Any(c => c.Method == "POST" && c.Path.EndsWith(hangOn, StringComparison.Ordinal)
                                            && c.Path.Contains(buyer.OrgId.ToLowerInvariant().Replace('_', '-'),
                                                StringComparison.Ordinal)))
                {
                    watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20));
                    await Task.Delay(50);
                }
                (await BalanceAsync(fx.Factory, buyer.OrgId)).Should().Be(10m - HourPrice, "paid before the call");
            }
            finally
            {
                fx.Factory.Dispose(); // the process dies while the cluster call is in flight
            }

            using var restarted = new KbossFactory(folder);
            (await restarted.WithDbAsync(db =>
                    db.CpccPurchases.AsNoTracking().SingleAsync(p => p.CustomerOrgId == buyer.OrgId)))
                .State.Should().Be(CpccPurchaseStates.Pending);
            await ReconcileAsync(restarted);
            var purchase = await restarted.WithDbAsync(db =>
                db.CpccPurchases.AsNoTracking().SingleAsync(p => p.CustomerOrgId == buyer.OrgId));
            var bills = await BillsAsync(restarted, buyer.OrgId);
            if (controllerCreated)
            {
                purchase.State.Should().Be(CpccPurchaseStates.Delivered);
                (await BalanceAsync(restarted, buyer.OrgId)).Should().Be(10m - HourPrice);
                bills.Should().NotContain(b => b.BusinessOp == BusinessOps.Refund);
            }
            else
            {
                purchase.State.Should().Be(CpccPurchaseStates.Refunded);
                (await BalanceAsync(restarted, buyer.OrgId)).Should().Be(10m);
                bills.Single(b => b.BusinessOp == BusinessOps.Refund).OriginBillId.Should().Be(purchase.BillId);
            }
            await ReconcileAsync(restarted);
            (await BillsAsync(restarted, buyer.OrgId)).Count.Should().Be(bills.Count, "a second pass changes nothing");
        }
        finally
        {
            kube.HoldWhen = null;
            hang.TrySetResult();
            await Task.Delay(300);
            try { Directory.Delete(folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task Rights_bad_input_and_other_orgs_are_refused_without_500()
    {
        var shop = await ShopAsync(app.Factory, app.Operator(), kube);
        var buyer = await BuyerAsync(app, 10m);

        (await app.Anonymous().GetAsync(Buy, Order(shop, "31401"))).Http.Should().Be(401);
        (await app.Anonymous().GetAsync(Convert, ("orgcode", shop.Center.Id))).Http.Should().Be(401);
        (await buyer.Api.GetAsync(Convert, ("orgcode", shop.Center.Id))).Http.Should().Be(403);
        (await buyer.Api.GetAsync(AddProduct, ("reseller_orgid", DemoData.OrgId), ("providerid", shop.ProviderId),
            ("product_type", "customize"), ("clusterid", shop.Center.Chaoyang))).Http.Should().Be(403);

        var other = app.OtherOperator();
        (await other.GetAsync(Providers, ("orgid", DemoData.OrgId))).Http.Should().Be(403);
        (await other.GetAsync(Convert, ("orgcode", shop.Center.Id))).Http.Should().Be(403);
        (await other.GetAsync(Widgets, ("cpcid", shop.Center.Id))).Http.Should().Be(403);
        (await other.GetAsync(AddProduct, ("reseller_orgid", DemoData.OrgId), ("providerid", shop.ProviderId),
            ("product_type", "customize"), ("clusterid", shop.Center.Chaoyang))).Http.Should().Be(403);
        var otherOwn = await other.GetAsync(AddProduct, ("reseller_orgid", app.OtherOrgId),
            ("providerid", shop.ProviderId), ("product_type", "customize"), ("clusterid", shop.Center.Chaoyang));
        (otherOwn.Status, otherOwn.Msg).Should().Be((false, "算力中心供应商不存在"));
        var operatorBuys = await app.Operator().GetAsync(Buy, Order(shop, "31402"));
        operatorBuys.Http.Should().Be(403, "only customer orgs buy");
        var forOther = await buyer.Api.GetAsync(Buy, [.. Order(shop, "31403"), ("orgid", app.CustomerOrgId)]);
        forOther.Http.Should().Be(403, "a customer buys only for its own org");

        var missing = await buyer.Api.GetAsync(Buy, Order(shop, "31404").Where(f => f.Item1 != "productid").ToArray());
        (missing.Status, missing.Code).Should().Be((false, "invalid_argument"));
        var badUnit = await buyer.Api.GetAsync(Buy, [.. Order(shop, "31405").Where(f => f.Item1 != "duration_unit"),
            ("duration_unit", "年")]);
        (badUnit.Status, badUnit.Msg).Should().Be((false, "无效的时长单位: 年"));
        var badAmount = await buyer.Api.GetAsync(Buy, Order(shop, "31406", amount: "abc"));
        badAmount.Code.Should().Be("invalid_argument");
        var unknown = await buyer.Api.GetAsync(Buy, [.. Order(shop, "31407").Where(f => f.Item1 != "productid"),
            ("productid", "no-such-product-00000")]);
        (unknown.Status, unknown.Msg, unknown.Code).Should().Be((false, "产品不存在", "not_found"));
        var wrongCluster = await buyer.Api.GetAsync(Buy, [.. Order(shop, "31408").Where(f => f.Item1 != "clusterid"),
            ("clusterid", shop.Center.Tongzhou)]);
        wrongCluster.Code.Should().Be("invalid_argument");
        (await app.Anonymous().GetAsync(View, ("duration", "1"), ("duration_unit", "小时"),
            ("clusterid", shop.Center.Chaoyang))).Msg.Should().Be("站点不存在");
        (await buyer.Api.GetAsync(View, ("duration", "0"), ("duration_unit", "小时"),
            ("clusterid", shop.Center.Chaoyang))).Code.Should().Be("invalid_argument");
        (await BalanceAsync(app.Factory, buyer.OrgId)).Should().Be(10m, "nothing was bought");
    }

    [Fact]
    public async Task A_customer_sees_and_buys_only_its_own_operators_products_whatever_the_domain_url()
    {
        var shop = await ShopAsync(app.Factory, app.Operator(), kube);
        var buyer = await BuyerAsync(app, 10m);
        var (mine, theirs) = ("https://mine-" + Guid.NewGuid().ToString("N")[..6],
            "https://theirs-" + Guid.NewGuid().ToString("N")[..6]);
        await app.Factory.WithDbAsync(async db =>
        {
            db.Sites.AddRange(new Kboss.Domain.Marketplace.Site { UrlLink = mine, OrgId = DemoData.OrgId },
                new Kboss.Domain.Marketplace.Site { UrlLink = theirs, OrgId = app.OtherOrgId });
            await db.SaveChangesAsync();
        });
        (string, string?)[] view = [("duration", "1"), ("duration_unit", "小时"), ("clusterid", shop.Center.Chaoyang)];

        var own = await buyer.Api.GetAsync(View, [.. view, ("domain_url", mine)]);
        own.Status.Should().BeTrue(own.Raw);
        own.Data!.AsArray().Should().Contain(p => p!["productid"]!.GetValue<string>() == shop.ProductId);
        var other = await buyer.Api.GetAsync(View, [.. view, ("domain_url", theirs)]);
        (other.Http, other.Msg).Should().Be((403, "只能查看和购买所属运营机构的产品"));
        var buyThere = await buyer.Api.GetAsync(Buy, [.. Order(shop, "31409"), ("domain_url", theirs)]);
        (buyThere.Http, buyThere.Msg).Should().Be((403, "只能查看和购买所属运营机构的产品"));
        (await BalanceAsync(app.Factory, buyer.OrgId)).Should().Be(10m, "nothing was bought");
        // Anonymous visitors still browse any registered storefront.
        (await app.Anonymous().GetAsync(View, [.. view, ("domain_url", theirs)])).Status.Should().BeTrue();
    }

    [Fact]
    public async Task A_purchase_ends_with_its_term_the_instance_leaves_the_cluster_and_the_stock_comes_back()
    {
        var shop = await ShopAsync(app.Factory, app.Operator(), kube);
        var buyer = await BuyerAsync(app, 10m);
        var consumedBefore = await CpuConsumedAsync(app.Factory, shop.Center.Chaoyang);
        var bought = await buyer.Api.GetAsync(Buy, Order(shop, "31421"));
        bought.Status.Should().BeTrue(bought.Raw);
        var instance = bought.Data!["instanceid"]!.GetValue<string>();
        var controller = await app.Factory.WithDbAsync(db =>
            db.InstanceConfigs.AsNoTracking().Where(i => i.Id == instance).Select(i => i.PodcdName).SingleAsync());
        kube.ObjectPaths().Should().Contain(p => p.EndsWith("/" + controller));
        (await CpuConsumedAsync(app.Factory, shop.Center.Chaoyang) - consumedBefore).Should().Be(2);

        async Task<CpccExpiryReport> ExpireAt(DateTime now)
        {
            using var scope = app.Factory.Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new ExpireCpccPurchases { Now = now })).Data!;
        }
        (await ExpireAt(DateTime.UtcNow.AddMinutes(50))).Removed.Should().Be(0, "one hour bought");
        kube.ObjectPaths().Should().Contain(p => p.EndsWith("/" + controller));
        (await ExpireAt(DateTime.UtcNow.AddMinutes(61))).Removed.Should().BeGreaterThanOrEqualTo(1);
        var row = await app.Factory.WithDbAsync(db =>
            db.InstanceConfigs.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == instance));
        row.State.Should().Be(Kboss.Domain.Common.OutsideStates.Deleted);
        kube.ObjectPaths().Should().NotContain(p => p.EndsWith("/" + controller));
        (await CpuConsumedAsync(app.Factory, shop.Center.Chaoyang)).Should().Be(consumedBefore);
        (await ExpireAt(DateTime.UtcNow.AddMinutes(61))).Removed.Should().Be(0, "nothing left");
        (await BalanceAsync(app.Factory, buyer.OrgId)).Should().Be(10m - HourPrice, "the hour was used, no refund");
    }
}
