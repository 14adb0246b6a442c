using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Kboss.Fakes.Vendors;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Capital Online VPCs and subnets (spec 26, CDS-VPC-01…06) and the vendor keys (ADR 0037) through HTTP against
/// <see cref="FakeCds"/>: ownership (a customer sees and changes only its own, another org is 403), the documented
/// parameter names, bad input, vendor errors and faults, and a lost answer settled by the reconciler.
/// </summary>
public sealed class CapitalOnlineVpcTests(CdsFixture app) : IClassFixture<CdsFixture>
{
    private const string Region = "CN_Beijing_A";

    private static (string, string?)[] VpcParams(string name, string vpc = "10.20.0.0/16", string subnet = "10.20.1.0/24") =>
    [
        ("RegionCode", Region), ("VPCName", name), ("VPCSegment", vpc), ("VPCSegmentType", "manual"),
        ("AvailableZoneCode", Region), ("SubnetName", name + "-s1"), ("SubnetSegment", subnet),
    ];

    private async Task<(string Vpc, string Subnet)> CreateVpcAsync(string name)
    {
        var r = await app.Customer().GetAsync("/capital/create_vpc.dspy", VpcParams(name));
        r.Status.Should().BeTrue(r.Raw);
        return (r.Data!["VPCId"]!.GetValue<string>(), r.Data["SubnetIdList"]![0]!.GetValue<string>());
    }

    private Task<CdsResource> RowAsync(string name) => app.Factory.WithDbAsync(db =>
        db.CdsResources.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Name == name));

    [Fact]
    public async Task Keys_are_encrypted_at_rest_masked_in_replies_and_only_for_operators()
    {
        var got = await app.Operator().GetAsync("/vendor/get_credential.dspy", ("vendor", "cds"));
        got.Status.Should().BeTrue(got.Raw);
        got.Data!["access_key_secret"]!.GetValue<string>().Should().Be("******");
        got.Data["access_key_id"]!.GetValue<string>().Should().Be(FakeCds.AccessKeyId);
        got.Raw.Should().NotContain(FakeCds.Secret);
        var stored = await app.Factory.WithDbAsync(db => db.VendorCredentials.AsNoTracking().SingleAsync(c =>
            c.OrgId == Kboss.Infrastructure.Seeding.DemoData.OrgId));
        stored.SecretProtected.Should().NotContain(FakeCds.Secret);

        // a masked secret keeps the stored one: calls still sign correctly
        (await app.Operator().PostAsync("/vendor/save_credential.dspy", ("vendor", "cds"),
            ("access_key_id", FakeCds.AccessKeyId), ("access_key_secret", "******"), ("endpoint", app.Cds.BaseUrl)))
            .Status.Should().BeTrue();
        (await app.Customer().GetAsync("/capital/describe_vpc.dspy", ("RegionCode", Region))).Status.Should().BeTrue();

        (await app.Customer().PostAsync("/vendor/save_credential.dspy", ("vendor", "cds"), ("access_key_id", "x"),
            ("access_key_secret", "y"))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/vendor/get_credential.dspy", ("vendor", "cds"),
            ("orgid", Kboss.Infrastructure.Seeding.DemoData.OrgId))).Http.Should().Be(403);
        var bad = await app.Operator().PostAsync("/vendor/save_credential.dspy", ("vendor", "aws"),
            ("access_key_id", "x"), ("access_key_secret", "y"), ("endpoint", "ftp://x"));
        bad.Code.Should().Be("invalid_argument");
        bad.Body["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["vendor", "endpoint"]);
    }

    [Fact]
    public async Task An_endpoint_off_the_allow_list_is_refused_and_nothing_is_stored()
    {
        foreach (var url in new[] { "http://169.254.169.254/latest/", "http://10.0.0.5:8080/", "https://evil.example/" })
        {
            var r = await app.OtherOperator().PostAsync("/vendor/save_credential.dspy", ("vendor", "cds"),
                ("access_key_id", "x"), ("access_key_secret", "y"), ("endpoint", url));
            r.Code.Should().Be("invalid_argument", url);
            r.Body["errors"]!["endpoint"]![0]!.GetValue<string>().Should().Contain("白名单", url);
        }
        var crlf = await app.OtherOperator().PostAsync("/vendor/save_credential.dspy", ("vendor", "cds"),
            ("access_key_id", "k\r\nX-Injected: 1"), ("access_key_secret", "y"));
        crlf.Body["errors"]!["access_key_id"]![0]!.GetValue<string>().Should().Contain("控制字符");
        var query = await app.OtherOperator().PostAsync("/vendor/save_credential.dspy", ("vendor", "cds"),
            ("access_key_id", "x"), ("access_key_secret", "y"), ("endpoint", "http://127.0.0.1:1/../x?y=1#z"));
        query.Code.Should().Be("invalid_argument");
        (await app.Factory.WithDbAsync(db => db.VendorCredentials.AsNoTracking()
            .CountAsync(c => c.OrgId == app.OtherOrgId))).Should().Be(0);
    }

    [Fact]
    public async Task Without_a_key_the_endpoints_answer_not_configured_and_call_nobody()
    {
        var before = app.Cds.Journal.Count;
        var r = await app.OtherOperator().GetAsync("/capital/describe_vpc.dspy", ("RegionCode", Region));
        r.Status.Should().BeFalse();
        r.Code.Should().Be("not_configured");
        (await app.OtherOperator().GetAsync("/capital/create_vpc.dspy", VpcParams("nokey"))).Code
            .Should().Be("not_configured");
        app.Cds.Journal.Count.Should().Be(before);
    }

    [Fact]
    public async Task A_customer_creates_lists_and_deletes_its_vpc_and_subnet_and_sees_only_its_own()
    {
        var (vpc, firstSubnet) = await CreateVpcAsync("vpc-a");
        var row = await RowAsync("vpc-a");
        row.State.Should().Be(OutsideStates.Live);
        row.OrgId.Should().Be(app.CustomerOrgId);
        row.VendorId.Should().Be(vpc);
        app.Cds.CallsOf("CreateVPC").Count(c => c.Json!["VPCName"]!.ToString() == "vpc-a").Should().Be(1);
        var sent = app.Cds.CallsOf("CreateVPC").Last().Json!;
        sent["SubnetList"]![0]!["SubnetSegment"]!.ToString().Should().Be("10.20.1.0/24");

        // a VPC someone else made on the same account is not shown
        app.Cds.Vpcs["vpc-foreign"] = new FakeCds.Vpc("vpc-foreign", "foreign", "10.9.0.0/16", Region);
        var list = await app.Customer().GetAsync("/capital/describe_vpc.dspy", ("RegionCode", Region), ("flag", "1"));
        list.Status.Should().BeTrue(list.Raw);
        var ids = list.Data!["VPCList"]!.AsArray().Select(v => v!["VPCId"]!.GetValue<string>()).ToList();
        ids.Should().Contain(vpc).And.NotContain("vpc-foreign");
        list.Data["Total"]!.GetValue<int>().Should().Be(ids.Count);

        var subnet = await app.Customer().GetAsync("/capital/create_subnet.dspy", ("VPCId", vpc),
            ("SubnetName", "second"), ("SubnetSegment", "10.20.2.0/24"), ("AvailableZoneCode", Region));
        subnet.Status.Should().BeTrue(subnet.Raw);
        subnet.Msg.Should().Be("您的子网创建任务已下发成功");
        var second = subnet.Data!["SubnetIdList"]![0]!.GetValue<string>();
        var subnets = await app.Customer().GetAsync("/capital/describe_subnet.dspy", ("orgid", app.CustomerOrgId),
            ("RegionCode", Region), ("VPCId", vpc));
        subnets.Data!["SubnetList"]!.AsArray().Select(s => s!["SubnetId"]!.GetValue<string>())
            .Should().BeEquivalentTo([firstSubnet, second]);

        // another operator org: 403 on every id of this customer
        var other = app.OtherOperator();
        (await other.GetAsync("/capital/delete_vpc.dspy", ("VPCId", vpc))).Http.Should().Be(403);
        (await other.GetAsync("/capital/delete_subnet.dspy", ("SubnetId", second))).Http.Should().Be(403);
        (await other.GetAsync("/capital/create_subnet.dspy", ("VPCId", vpc), ("SubnetName", "x"),
            ("SubnetSegment", "10.20.3.0/24"), ("AvailableZoneCode", Region))).Http.Should().Be(403);
        (await other.GetAsync("/capital/describe_subnet.dspy", ("orgid", app.CustomerOrgId), ("RegionCode", Region)))
            .Http.Should().Be(403);
        app.Cds.Subnets.Should().ContainKey(second);

        // the vendor refuses to delete a VPC with subnets: its message, the row back to live
        var refused = await app.Customer().GetAsync("/capital/delete_vpc.dspy", ("VPCId", vpc));
        refused.Code.Should().Be("upstream_failed");
        refused.Msg.Should().Contain("VPC下存在子网,无法删除");
        (await RowAsync("vpc-a")).State.Should().Be(OutsideStates.Live);

        foreach (var s in new[] { firstSubnet, second })
        {
            var d = await app.Customer().GetAsync("/capital/delete_subnet.dspy", ("SubnetId", s));
            d.Status.Should().BeTrue(d.Raw);
            d.Data!["TaskId"]!.GetValue<string>().Should().StartWith("task-");
        }
        var deleted = await app.Customer().GetAsync("/capital/delete_vpc.dspy", ("VPCId", vpc));
        deleted.Status.Should().BeTrue(deleted.Raw);
        deleted.Msg.Should().Be("您的VPC删除任务已下发成功!");
        (await RowAsync("vpc-a")).State.Should().Be(OutsideStates.Deleted);
        var again = await app.Customer().GetAsync("/capital/delete_vpc.dspy", ("VPCId", vpc));
        again.Code.Should().Be("not_found");
        app.Cds.Vpcs.Should().NotContainKey(vpc);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_vendor_call()
    {
        var before = app.Cds.Journal.Count;
        var c = app.Customer();
        var missing = await c.GetAsync("/capital/create_vpc.dspy", ("VPCName", "x"));
        missing.Code.Should().Be("invalid_argument");
        missing.Body["errors"]!.AsObject().Select(e => e.Key).Should()
            .Contain(["RegionCode", "VPCSegment", "SubnetSegment", "AvailableZoneCode", "SubnetName"]);
        var outside = await c.GetAsync("/capital/create_vpc.dspy", VpcParams("x", subnet: "10.30.1.0/24"));
        outside.Body["errors"]!["SubnetSegment"]![0]!.GetValue<string>().Should().Be("SubnetSegment必须在VPCSegment网段内");
        (await c.GetAsync("/capital/create_vpc.dspy", VpcParams("x", vpc: "10.20.0.1/16"))).Code
            .Should().Be("invalid_argument");
        (await c.GetAsync("/capital/describe_subnet.dspy", ("orgid", app.CustomerOrgId))).Body["errors"]!
            .AsObject().Select(e => e.Key).Should().Contain("RegionCode");
        (await c.GetAsync("/capital/describe_subnet.dspy", ("RegionCode", Region), ("PageNumber", "x"))).Code
            .Should().Be("invalid_argument");
        (await c.GetAsync("/capital/delete_vpc.dspy")).Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/delete_subnet.dspy", ("SubnetId", "subnet-none"))).Code.Should().Be("not_found");
        app.Cds.Journal.Count.Should().Be(before);
        (await app.Anonymous().GetAsync("/capital/describe_vpc.dspy", ("RegionCode", Region))).Http.Should().Be(401);
    }

    [Fact]
    public async Task Vendor_faults_never_reach_the_client_as_500()
    {
        app.Cds.Inject("DescribeVPC", new Fault.HtmlPage());
        app.Cds.Inject("DescribeVPC", new Fault.HtmlPage());
        var html = await app.Customer().GetAsync("/capital/describe_vpc.dspy", ("RegionCode", Region));
        html.Http.Should().Be(200);
        html.Code.Should().Be("upstream_failed");
        html.Msg.Should().Be("首都云接口异常,请稍后重试");

        app.Cds.Inject("CreateVPC", new Fault.VendorError(400, FakeCds.ErrorBody("QuotaExceeded", "VPC数量超出配额")));
        var quota = await app.Customer().GetAsync("/capital/create_vpc.dspy", VpcParams("vpc-quota"));
        quota.Code.Should().Be("upstream_failed");
        quota.Msg.Should().Contain("VPC数量超出配额");
        var failed = await RowAsync("vpc-quota");
        failed.State.Should().Be(OutsideStates.Failed);
        failed.FailureReason.Should().Contain("QuotaExceeded");
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_settled_by_the_reconciler_from_the_vendor_list()
    {
        app.Cds.Inject("CreateVPC", new Fault.Delay(TimeSpan.FromSeconds(4)));
        var r = await app.Customer().GetAsync("/capital/create_vpc.dspy", VpcParams("vpc-slow"));
        r.Code.Should().Be("upstream_failed");
        r.Msg.Should().Contain("结果待核对");
        (await RowAsync("vpc-slow")).State.Should().Be(OutsideStates.PendingReconcile);
        await WaitUntilAsync(() => app.Cds.Vpcs.Values.Any(v => v.Name == "vpc-slow"));

        await app.ReconcileAsync();
        var row = await RowAsync("vpc-slow");
        row.State.Should().Be(OutsideStates.Live);
        row.VendorId.Should().Be(app.Cds.Vpcs.Values.Single(v => v.Name == "vpc-slow").Id);
        app.Cds.CallsOf("CreateVPC").Count(c => c.Json!["VPCName"]!.ToString() == "vpc-slow").Should().Be(1);

        app.Cds.Inject("CreateVPC", new Fault.Reset());
        (await app.Customer().GetAsync("/capital/create_vpc.dspy", VpcParams("vpc-lost"))).Code
            .Should().Be("upstream_failed");
        await app.ReconcileAsync();
        var lost = await RowAsync("vpc-lost");
        lost.State.Should().Be(OutsideStates.Failed, "the vendor never created it");
    }

    [Fact]
    public async Task Virtual_gateways_are_created_listed_and_deleted_in_the_customers_own_vpc()
    {
        var (vpc, subnet) = await CreateVpcAsync("vpc-gw");
        var created = await app.Customer().GetAsync("/capital/create_virtual_gateway.dspy", ("VPCId", vpc),
            ("AvailableZoneCode", Region), ("VirtualGateWayName", "gw1"), ("VirtualGateWaySegment", "10.20.8.0/24"),
            ("Type", "Bandwidth_CMCC"));
        created.Status.Should().BeTrue(created.Raw);
        var gw = created.Data!["VirtualGateWayIdList"]![0]!.GetValue<string>();
        app.Cds.CallsOf("CreateVirtualGateWay").Last().Json!["VirtualGateWayList"]![0]!["Type"]!.ToString()
            .Should().Be("Bandwidth_CMCC");
        app.Cds.Gateways["vgw-foreign"] = new FakeCds.Gateway("vgw-foreign", vpc, "x", "10.20.9.0/24", Region, "t");

        var list = await app.Customer().GetAsync("/capital/describe_virtual_gateway.dspy", ("RegionCode", Region),
            ("VPCId", vpc));
        list.Data!["VirtualGateWayList"]!.AsArray().Select(g => g!["VirtualGateWayId"]!.GetValue<string>())
            .Should().Equal(gw);
        (await app.OtherOperator().GetAsync("/capital/describe_virtual_gateway.dspy", ("RegionCode", Region),
            ("VPCId", vpc))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/capital/delete_virtual_gateway.dspy", ("VirtualGateWayId", gw)))
            .Http.Should().Be(403);
        (await app.Customer().GetAsync("/capital/create_virtual_gateway.dspy", ("VPCId", vpc)))
            .Code.Should().Be("invalid_argument");

        var deleted = await app.Customer().GetAsync("/capital/delete_virtual_gateway.dspy", ("VirtualGateWayId", gw));
        deleted.Status.Should().BeTrue(deleted.Raw);
        app.Cds.Gateways.Should().NotContainKey(gw);
        app.Cds.Gateways.TryRemove("vgw-foreign", out _);
        (await app.Customer().GetAsync("/capital/delete_subnet.dspy", ("SubnetId", subnet))).Status.Should().BeTrue();
        (await app.Customer().GetAsync("/capital/delete_vpc.dspy", ("VPCId", vpc))).Status.Should().BeTrue();
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 100 && !done(); i++) await Task.Delay(50);
        done().Should().BeTrue();
    }
}
