using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Vendors;
using Kboss.Fakes.Vendors;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Capital Online EIPs, shared bandwidth and IP information (spec 26, CDS-VPC-10…27) through HTTP against
/// <see cref="FakeCds"/>: server-side prices, charges through VendorCharges (one CDS call and one bill per key, hold
/// released on a refusal, a lost answer settled by the reconciler), ownership (403 across orgs), documented names,
/// bad input.
/// </summary>
public sealed class CapitalOnlineEipTests(CdsFixture app) : IClassFixture<CdsFixture>
{
    private const string Region = "CN_Beijing_A";
    private int _n;

    /// <summary>List 10 per EIP + 20 per Mbps per cycle (FakeCds.Prices); no product configured: the list
    /// price.</summary>
    private static decimal EipPrice(int qos, int size, int cycles = 1) => (10m + 20m * qos) * size * cycles;

    private async Task TopUpAsync(decimal amount)
    {
        var r = await app.Admin().PostAsync("/finance/balance_adjust.dspy", ("customer_orgid", app.CustomerOrgId),
            ("amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("reason", "测试充值"),
            ("idempotency_key", "topup-" + Guid.NewGuid().ToString("N")));
        r.Status.Should().BeTrue(r.Raw);
    }

    private Task<decimal> BalanceAsync() => app.Factory.WithDbAsync(db => db.CustomerBalances.AsNoTracking()
        .Where(b => b.CustomerOrgId == app.CustomerOrgId).Select(b => b.Balance).SingleOrDefaultAsync());

    private Task<int> BillsAsync() => app.Factory.WithDbAsync(db => db.Bills.CountAsync(b => b.CustomerId == app.CustomerOrgId));

    private Task<Response> CreateEipAsync(string description, string? key = null, int qos = 5, int size = 1,
        string? amount = null) =>
        app.Customer().GetAsync("/capital/create_eip.dspy", ("RegionCode", Region), ("AvailableZoneId", Region),
            ("BandwidthType", "BGP"), ("BillScheme", "BandwIdth"), ("Qos", qos.ToString()), ("Size", size.ToString()),
            ("Description", description), ("idempotency_key", key), ("amount", amount));

    private async Task<string> EipAsync(string description)
    {
        var r = await CreateEipAsync(description, "k-" + description);
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["Data"]![0]!["EIPId"]!.GetValue<string>();
    }

    private async Task<(string Vpc, string Subnet)> VpcAsync(string name)
    {
        var n = Interlocked.Increment(ref _n) + 100;
        var r = await app.Customer().GetAsync("/capital/create_vpc.dspy", ("RegionCode", Region), ("VPCName", name),
            ("VPCSegment", $"10.{n}.0.0/16"), ("AvailableZoneCode", Region), ("SubnetName", name + "-s"),
            ("SubnetSegment", $"10.{n}.1.0/24"));
        r.Status.Should().BeTrue(r.Raw);
        return (r.Data!["VPCId"]!.GetValue<string>(), r.Data["SubnetIdList"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Line_types_and_the_eip_price_come_from_cds_and_match_what_create_eip_charges()
    {
        var lines = await app.Customer().GetAsync("/capital/get_vpc_band_width.dspy", ("siteId", Region));
        lines.Status.Should().BeTrue(lines.Raw);
        lines.Data!["Data"]!.AsArray().Select(l => l!["id"]!.GetValue<string>()).Should().Contain("BGP");

        var price = await app.Customer().GetAsync("/capital/get_eip_price.dspy", ("user_orgid", app.CustomerOrgId),
            ("isMounth", "1"), ("duration", "2"), ("size", "2"), ("siteId", Region), ("bandwidthConfIdStr", "BGP"),
            ("qos", "5"), ("isToMonth", "0"));
        price.Status.Should().BeTrue(price.Raw);
        price.Data!["price"]!.GetValue<decimal>().Should().Be(EipPrice(5, 2, 2));
        price.Data["original_price"]!.GetValue<decimal>().Should().Be(EipPrice(5, 2, 2));
        price.Raw.Should().NotContain("\"cost", "the operator's cost is never shown");

        (await app.OtherOperator().GetAsync("/capital/get_eip_price.dspy", ("user_orgid", app.CustomerOrgId),
            ("size", "1"), ("siteId", Region), ("bandwidthConfIdStr", "BGP"), ("qos", "5"))).Http.Should().Be(403);
        (await app.Customer().GetAsync("/capital/get_eip_price.dspy", ("size", "0"), ("siteId", Region),
            ("bandwidthConfIdStr", "BGP"), ("qos", "x"))).Code.Should().Be("invalid_argument");
        (await app.Anonymous().GetAsync("/capital/get_eip_price.dspy")).Http.Should().Be(401);
    }

    [Fact]
    public async Task Create_eip_charges_the_server_price_once_per_key_and_a_retry_answers_the_first_reply()
    {
        await TopUpAsync(1000m);
        var (balance, bills) = (await BalanceAsync(), await BillsAsync());
        var calls = app.Cds.CallsOf("CreateEIP").Count;

        var created = await CreateEipAsync("eip-pair", "k-pair", qos: 5, size: 2, amount: EipPrice(5, 2).ToString());
        created.Status.Should().BeTrue(created.Raw);
        created.Msg.Should().Be("任务下发成功");
        var ids = created.Data!["Data"]!.AsArray().Select(e => e!["EIPId"]!.GetValue<string>()).ToList();
        ids.Should().HaveCount(2);
        created.Data["amount"]!.GetValue<decimal>().Should().Be(EipPrice(5, 2));
        var sent = app.Cds.CallsOf("CreateEIP").Last().Json!;
        sent["AvailableZoneCode"]!.ToString().Should().Be(Region, "AvailableZoneId is CDS's AvailableZoneCode");
        sent["Qos"]!.GetValue<int>().Should().Be(5);

        var again = await CreateEipAsync("eip-pair", "k-pair", qos: 5, size: 2);
        again.Data!["order_id"]!.ToString().Should().Be(created.Data["order_id"]!.ToString());
        app.Cds.CallsOf("CreateEIP").Should().HaveCount(calls + 1);
        (await BalanceAsync()).Should().Be(balance - EipPrice(5, 2));
        (await BillsAsync()).Should().Be(bills + 1);

        var other = await CreateEipAsync("eip-pair", "k-pair", qos: 6, size: 2);
        other.Code.Should().Be("conflict");
        other.Msg.Should().Be("幂等键已用于其他请求");
        (await CreateEipAsync("eip-stale", "k-stale", amount: "1.00")).Msg.Should().Be("价格已变化,请刷新");

        var listed = await app.Customer().GetAsync("/capital/describe_eip.dspy", ("RegionCode", Region));
        listed.Data!["EIPList"]!.AsArray().Select(e => e!["Id"]!.GetValue<string>()).Should().Contain(ids);
        (await app.OtherOperator().GetAsync("/capital/update_eip.dspy", ("EIPId", ids[0]), ("Description", "x")))
            .Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/capital/describe_eip.dspy", ("RegionCode", Region),
            ("orgid", app.CustomerOrgId))).Http.Should().Be(403);
    }

    [Fact]
    public async Task Sixteen_parallel_create_eip_with_one_key_make_one_cds_call_and_one_bill()
    {
        await TopUpAsync(1000m);
        var (calls, bills) = (app.Cds.CallsOf("CreateEIP").Count, await BillsAsync());
        var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => CreateEipAsync("eip-16", "k-16")));
        replies.Should().OnlyContain(r => r.Http == 200);
        replies.Where(r => !r.Status).Should().OnlyContain(r => r.Code == "conflict");
        replies.Should().Contain(r => r.Status);
        app.Cds.CallsOf("CreateEIP").Should().HaveCount(calls + 1);
        (await BillsAsync()).Should().Be(bills + 1);
    }

    [Fact]
    public async Task A_refusal_releases_the_hold_and_a_short_balance_calls_nothing()
    {
        await TopUpAsync(100m);
        var balance = await BalanceAsync();
        app.Cds.Inject("CreateEIP", new Fault.VendorError(400, FakeCds.ErrorBody("QuotaExceeded", "EIP配额不足")));
        var refused = await CreateEipAsync("eip-refused", "k-refused");
        refused.Code.Should().Be("upstream_failed");
        refused.Msg.Should().Contain("EIP配额不足");
        (await BalanceAsync()).Should().Be(balance);

        var calls = app.Cds.CallsOf("CreateEIP").Count;
        var poor = await CreateEipAsync("eip-poor", "k-poor", qos: 1000);
        poor.Msg.Should().Be(CustomerBalance.InsufficientMessage);
        app.Cds.CallsOf("CreateEIP").Should().HaveCount(calls);
    }

    [Fact]
    public async Task A_time_out_found_later_is_charged_once_and_a_lost_request_is_released()
    {
        await TopUpAsync(500m);
        var balance = await BalanceAsync();
        app.Cds.Inject("CreateEIP", new Fault.Delay(TimeSpan.FromSeconds(4)));
        var slow = await CreateEipAsync("eip-slow", "k-slow");
        slow.Code.Should().Be("upstream_failed");
        slow.Msg.Should().Contain("结果待核对");
        (await BalanceAsync()).Should().Be(balance - EipPrice(5, 1), "held while the outcome is unknown");
        await Task.Delay(TimeSpan.FromSeconds(3)); // the fake creates it after its delay
        await app.ReconcileAsync();
        await app.ReconcileAsync();
        (await BalanceAsync()).Should().Be(balance - EipPrice(5, 1));
        var charge = await app.Factory.WithDbAsync(db => db.VendorCharges.SingleAsync(c => c.IdempotencyKey == "k-slow"));
        charge.State.Should().Be(OutsideStates.Live);
        charge.BillId.Should().NotBeNull();
        (await CreateEipAsync("eip-slow", "k-slow")).Status.Should().BeTrue("a retry answers the settled reply");

        app.Cds.Inject("CreateEIP", new Fault.Reset());
        (await CreateEipAsync("eip-lost", "k-lost")).Code.Should().Be("upstream_failed");
        await app.ReconcileAsync();
        await app.ReconcileAsync();
        (await BalanceAsync()).Should().Be(balance - EipPrice(5, 1), "the lost create was released");
        (await app.Factory.WithDbAsync(db => db.VendorCharges.SingleAsync(c => c.IdempotencyKey == "k-lost")))
            .State.Should().Be(OutsideStates.Failed);
    }

    [Fact]
    public async Task Eips_bind_to_the_customers_own_subnet_and_ip_information_is_owner_only()
    {
        await TopUpAsync(200m);
        var eip = await EipAsync("eip-bind");
        var (_, subnet) = await VpcAsync("v-bind");
        var ip = app.Cds.Subnets[subnet].Segment.Replace("0/24", "2");
        var bound = await app.Customer().GetAsync("/capital/bind_eip.dspy", ("EIPId", eip), ("NetId", subnet), ("IP", ip));
        bound.Status.Should().BeTrue(bound.Raw);
        bound.Data!["TaskId"].Should().NotBeNull();
        app.Cds.Eips[eip].NetId.Should().Be(subnet);

        var ips = await app.Customer().GetAsync("/capital/ip_list.dspy", ("NetId", subnet), ("IPType", "subnet"));
        ips.Data!["SegmentList"]![0]!["IPList"]!.AsArray().Should().Contain(i => i!["IPStatus"]!.GetValue<int>() == 1);
        var usage = await app.Customer().GetAsync("/capital/ip_usage.dspy", ("NetId", subnet));
        usage.Data!["UsedNum"]!.GetValue<int>().Should().Be(1);
        var info = await app.Customer().GetAsync("/capital/net_eip_info.dspy", ("NetIdList", $"[\"{subnet}\"]"));
        info.Data!["Data"]![0]!["EIP_INFO_LIST"]![0]!["EIPId"]!.GetValue<string>().Should().Be(eip);

        foreach (var (path, query) in new (string, (string, string?)[])[]
                 {
                     ("/capital/ip_list.dspy", [("NetId", subnet), ("IPType", "subnet")]),
                     ("/capital/ip_usage.dspy", [("NetId", subnet)]),
                     ("/capital/net_eip_info.dspy", [("NetIdList", subnet)]),
                     ("/capital/unbind_eip.dspy", [("EIPId", eip), ("NetId", subnet), ("IP", ip)]),
                 })
            (await app.OtherOperator().GetAsync(path, query)).Http.Should().Be(403, path);
        (await app.Customer().GetAsync("/capital/ip_usage.dspy", ("NetId", "subnet-nope"))).Msg.Should().Be("资源不存在");
        (await app.Customer().GetAsync("/capital/bind_eip.dspy", ("EIPId", eip), ("NetId", subnet), ("IP", "x")))
            .Code.Should().Be("invalid_argument");
        (await app.Customer().GetAsync("/capital/delete_eip.dspy", ("EIPId", eip))).Msg
            .Should().Contain("EIP已绑定", "CDS's own message");

        var unbound = await app.Customer().GetAsync("/capital/unbind_eip.dspy", ("EIPId", eip), ("NetId", subnet), ("IP", ip));
        unbound.Status.Should().BeTrue(unbound.Raw);
        (await app.Customer().GetAsync("/capital/delete_eip.dspy", ("EIPId", eip))).Status.Should().BeTrue();
        app.Cds.Eips.Should().NotContainKey(eip);
        (await app.Customer().GetAsync("/capital/delete_eip.dspy", ("EIPId", eip))).Msg.Should().Be("资源不存在");
    }

    [Fact]
    public async Task A_qos_raise_is_charged_a_cut_is_free_and_bandwidth_membership_and_removal_follow_the_rules()
    {
        await TopUpAsync(2000m);
        var eip = await EipAsync("eip-qos");
        var balance = await BalanceAsync();
        var raised = await app.Customer().GetAsync("/capital/update_eip.dspy", ("EIPId", eip), ("Qos", "8"),
            ("idempotency_key", "k-raise"));
        raised.Status.Should().BeTrue(raised.Raw);
        raised.Data!["amount"]!.GetValue<decimal>().Should().Be(60m, "3 more Mbps for one cycle");
        (await BalanceAsync()).Should().Be(balance - 60m);
        var cut = await app.Customer().GetAsync("/capital/update_eip.dspy", ("EIPId", eip), ("Qos", "2"));
        cut.Status.Should().BeTrue(cut.Raw);
        cut.Data!["amount"].Should().BeNull();
        (await BalanceAsync()).Should().Be(balance - 60m);
        (await app.Customer().GetAsync("/capital/update_eip.dspy", ("EIPId", eip))).Code.Should().Be("invalid_argument");

        var bw = await app.Customer().GetAsync("/capital/create_bandwidth.dspy", ("RegionCode", Region), ("Name", "bw1"),
            ("AvailableZoneCode", Region), ("BandwidthType", "BGP"), ("BillScheme", "BandwIdth_Shared"), ("Qos", "10"),
            ("idempotency_key", "k-bw1"));
        bw.Status.Should().BeTrue(bw.Raw);
        bw.Data!["amount"]!.GetValue<decimal>().Should().Be(200m);
        var bwId = bw.Data["Data"]![0]!["BandwidthId"]!.GetValue<string>();
        (await app.Customer().GetAsync("/capital/describe_bandwidth.dspy", ("RegionCode", Region)))
            .Data!["BandwidthList"]!.AsArray().Select(b => b!["Id"]!.GetValue<string>()).Should().Equal(bwId);
        (await app.Customer().GetAsync("/capital/update_bandwidth.dspy", ("BandwidthId", bwId), ("Qos", "12")))
            .Data!["amount"]!.GetValue<decimal>().Should().Be(40m);

        var added = await app.Customer().GetAsync("/capital/bandwidth_add_eip.dspy", ("BandwidthId", bwId),
            ("EIPIdList", $"[\"{eip}\"]"));
        added.Status.Should().BeTrue(added.Raw);
        app.Cds.Eips[eip].BandwidthId.Should().Be(bwId);
        (await app.Customer().GetAsync("/capital/delete_bandwidth.dspy", ("BandwidthId", bwId))).Msg
            .Should().Contain("共享带宽中还有EIP");
        (await app.Customer().GetAsync("/capital/bandwidth_remove_eip.dspy", ("EIPIdList", eip), ("Delete", "true")))
            .Code.Should().Be("invalid_argument", "deleting EIPs needs confirm=true");
        (await app.Customer().GetAsync("/capital/bandwidth_remove_eip.dspy", ("EIPIdList", eip), ("Delete", "false")))
            .Code.Should().Be("invalid_argument", "a dedicated bandwidth needs its parameters");
        var before = await BalanceAsync();
        var removed = await app.Customer().GetAsync("/capital/bandwidth_remove_eip.dspy", ("EIPIdList", eip),
            ("Delete", "false"), ("RegionCode", Region), ("BandwidthType", "BGP"), ("BillScheme", "BandwIdth"),
            ("Qos", "3"), ("idempotency_key", "k-remove"));
        removed.Status.Should().BeTrue(removed.Raw);
        (await BalanceAsync()).Should().Be(before - 60m);
        app.Cds.Eips[eip].BandwidthId.Should().BeNull();
        (await app.OtherOperator().GetAsync("/capital/delete_bandwidth.dspy", ("BandwidthId", bwId))).Http.Should().Be(403);
        (await app.Customer().GetAsync("/capital/delete_bandwidth.dspy", ("BandwidthId", bwId))).Status.Should().BeTrue();
    }

    [Fact]
    public async Task Removing_with_delete_destroys_the_eips_and_reserve_ip_binds_only_the_callers_addresses()
    {
        await TopUpAsync(1000m);
        var eip = await EipAsync("eip-destroy");
        var bw = await app.Customer().GetAsync("/capital/create_bandwidth.dspy", ("RegionCode", Region), ("Name", "bw-d"),
            ("AvailableZoneCode", Region), ("BandwidthType", "BGP"), ("BillScheme", "Traffic_Shared"), ("Qos", "1"));
        var bwId = bw.Data!["Data"]![0]!["BandwidthId"]!.GetValue<string>();
        (await app.Customer().GetAsync("/capital/bandwidth_add_eip.dspy", ("BandwidthId", bwId), ("EIPIdList", eip)))
            .Status.Should().BeTrue();
        var gone = await app.Customer().GetAsync("/capital/bandwidth_remove_eip.dspy", ("EIPIdList", eip),
            ("Delete", "true"), ("confirm", "true"));
        gone.Status.Should().BeTrue(gone.Raw);
        app.Cds.Eips.Should().NotContainKey(eip);
        (await app.Customer().GetAsync("/capital/update_eip.dspy", ("EIPId", eip), ("Description", "x")))
            .Msg.Should().Be("资源不存在");

        var (vpc, _) = await VpcAsync("v-gw");
        var gw = await app.Customer().GetAsync("/capital/create_virtual_gateway.dspy", ("VPCId", vpc),
            ("AvailableZoneCode", Region), ("VirtualGateWayName", "gw"), ("VirtualGateWaySegment",
                app.Cds.Vpcs[vpc].Segment.Replace(".0.0/16", ".9.0/24")), ("Type", "Bandwidth_CMCC"));
        var gwId = gw.Data!["VirtualGateWayIdList"]![0]!.GetValue<string>();
        var mine = await EipAsync("eip-reserve");
        var address = app.Cds.Eips[mine].Ip;
        var reserved = await app.Customer().GetAsync("/capital/eip_batch_bind_and_reserve_ip.dspy",
            ("AvailableZoneCode", Region), ("NetId", gwId), ("AddressList", "[\"10.1.9.2\"]"),
            ("EIPList", $"[\"{address}\"]"), ("Description", "reserve"));
        reserved.Status.Should().BeTrue(reserved.Raw);
        app.Cds.CallsOf("ReserveIPAndBindEIP").Last().Json!["Ips"]![0]!["EIPList"]![0]!.ToString().Should().Be(address);
        app.Cds.Eips["eip-foreign"] = new FakeCds.Eip("eip-foreign", "1.2.3.4", Region, Region, "BGP", "BandwIdth", 1, "x");
        (await app.Customer().GetAsync("/capital/eip_batch_bind_and_reserve_ip.dspy", ("AvailableZoneCode", Region),
            ("Ips", $"[{{\"NetId\":\"{gwId}\",\"AddressList\":[\"10.1.9.3\"],\"EIPList\":[\"1.2.3.4\"],\"Description\":\"d\"}}]")))
            .Http.Should().Be(403);
        (await app.Customer().GetAsync("/capital/eip_batch_bind_and_reserve_ip.dspy", ("AvailableZoneCode", Region),
            ("NetId", gwId), ("AddressList", "[\"a\",\"b\"]"), ("EIPList", $"[\"{address}\"]"), ("Description", "d")))
            .Code.Should().Be("invalid_argument");
        (await app.Customer().GetAsync("/capital/eip_batch_bind_and_reserve_ip.dspy", ("AvailableZoneCode", Region),
            ("Ips", $"[{{\"NetId\":\"{gwId}\",\"AddressList\":[\"10.1.9.4\"],\"EIPList\":[\"{address}\"],"
                + "\"Description\":\"d\\r\\nX: y\"}]"))).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task The_task_poller_finishes_accepted_tasks_and_refunds_a_create_that_failed_on_cds()
    {
        await TopUpAsync(300m);
        var ok = await EipAsync("eip-task-ok");
        var row = () => app.Factory.WithDbAsync(db => db.CdsResources.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.VendorId == ok));
        (await row()).TaskState.Should().Be(CdsTaskStates.Creating);
        for (var i = 0; i <= app.Cds.PollsToFinish; i++) await app.PollTasksAsync();
        (await row()).TaskState.Should().Be(CdsTaskStates.Done);

        var balance = await BalanceAsync();
        var bad = await EipAsync("eip-task-bad");
        app.Cds.FailingTasks[bad] = true;
        (await BalanceAsync()).Should().Be(balance - EipPrice(5, 1));
        await app.PollTasksAsync();
        await app.PollTasksAsync();
        var failed = await app.Factory.WithDbAsync(db => db.CdsResources.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.VendorId == bad));
        failed.TaskState.Should().Be(CdsTaskStates.Failed);
        failed.State.Should().Be(OutsideStates.Deleted);
        (await BalanceAsync()).Should().Be(balance, "the failed create was refunded once");
        (await app.Factory.WithDbAsync(db => db.Bills.CountAsync(b => b.CustomerId == app.CustomerOrgId
            && b.OriginBillId != null))).Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("/capital/create_eip.dspy", "Qos", "abc")]
    [InlineData("/capital/create_eip.dspy", "BillScheme", "Monthly")]
    [InlineData("/capital/create_bandwidth.dspy", "Qos", "0")]
    [InlineData("/capital/bandwidth_add_eip.dspy", "EIPIdList", "{\"a\":1}")]
    [InlineData("/capital/net_eip_info.dspy", "NetIdList", "[[1]]")]
    [InlineData("/capital/ip_list.dspy", "IPType", "lan")]
    [InlineData("/capital/update_bandwidth.dspy", "Qos", "-1")]
    public async Task Bad_input_is_invalid_argument_never_500(string path, string name, string value)
    {
        var r = await app.Customer().GetAsync(path, (name, value));
        r.Http.Should().Be(200);
        r.Code.Should().Be("invalid_argument");
    }
}
