using Kboss.Application.Vendors.UCloud.Hosts;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Kboss.Fakes.Vendors;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// UCloud hosts, firewalls and EIPs (spec 30–32) through HTTP against <see cref="FakeUCloud"/>: ownership (a
/// customer sees and changes only its own, another org is 403), documented parameter names, bad input, UCloud's
/// errors passed through, the polling job and the reconciler. The paid creates are in <c>UCloudMoneyTests</c>.
/// </summary>
public sealed class UCloudTests(UCloudFixture app) : IClassFixture<UCloudFixture>
{
    private const string Region = UCloudFixture.Region;
    private const string Ssh = "TCP|22|0.0.0.0/0|ACCEPT|HIGH|ssh";

    private Task<UCloudResource> RowAsync(string vendorId) => app.Factory.WithDbAsync(db =>
        db.UCloudResources.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.VendorId == vendorId));

    private async Task<string> CreateFirewallAsync(string name, Api? api = null, string? orgid = null)
    {
        var r = await (api ?? app.Customer()).PostAsync("/ucloud/create_firewall.dspy", ("region", Region),
            ("name", name), ("remark", "测试"), ("rule", $"[\"{Ssh}\",\"UDP|53|10.0.0.0/8|DROP|LOW\"]"),
            ("orgid", orgid));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["FWId"]!.GetValue<string>();
    }

    public static readonly string[] Paths =
    [
        "describe_uhost_instance", "ucloud_create_user", "describe_available_instance_types", "describe_image",
        "get_local_regions", "get_eip_price", "get_uhost_instance_price", "create_uhost_instance",
        "stop_uhost_instance", "start_uhost_instance", "reboot_uhost_instance", "get_uhost_instance_vnc_info",
        "terminate_uhost_instance", "reset_uhost_instance_password", "get_firewall_protocol", "create_firewall",
        "describe_firewall", "delete_firewall", "update_firewall", "update_firewall_attribute",
        "describe_firewall_resource", "grant_firewall", "disassociate_firewall", "allocate_eip", "bind_eip",
        "describe_eip", "un_bind_eip", "release_eip",
    ];

    [Fact]
    public async Task Every_endpoint_needs_a_login()
    {
        foreach (var path in Paths)
            (await app.Anonymous().PostAsync($"/ucloud/{path}.dspy", ("region", Region))).Http
                .Should().Be(401, path);
    }

    [Fact]
    public async Task Without_a_key_the_endpoints_answer_not_configured_and_call_nobody()
    {
        var before = app.UCloud.Journal.Count;
        var r = await app.OtherOperator().GetAsync("/ucloud/describe_uhost_instance.dspy", ("region", Region));
        r.Code.Should().Be("not_configured");
        r.Msg.Should().Be("优刻得接口密钥未配置,请联系运营方配置");
        (await app.OtherOperator().PostAsync("/ucloud/create_firewall.dspy", ("region", Region), ("name", "x"),
            ("rule", Ssh))).Code.Should().Be("not_configured");
        app.UCloud.Journal.Count.Should().Be(before);
    }

    [Fact]
    public async Task Local_regions_and_firewall_protocols_need_no_vendor()
    {
        var regions = await app.Customer().GetAsync("/ucloud/get_local_regions.dspy");
        regions.Status.Should().BeTrue();
        var bj = regions.Body["data"]!.AsArray().Single(r => r!["Region"]!.GetValue<string>() == "cn-bj2")!;
        bj["Name"]!.GetValue<string>().Should().Be("华北一");
        bj["Zone"]![0]!["ZoneId"]!.GetValue<string>().Should().Be("cn-bj2-02");
        var protocols = await app.Customer().GetAsync("/ucloud/get_firewall_protocol.dspy");
        protocols.Data!["protocol"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .Should().Contain(["TCP", "UDP", "ICMP"]);
    }

    [Fact]
    public async Task Images_instance_types_and_prices_pass_through_with_the_customers_price()
    {
        var images = await app.Customer().GetAsync("/ucloud/describe_image.dspy", ("region", Region),
            ("OsType", "Linux"));
        images.Data!["ImageSet"]!.AsArray().Should().ContainSingle();
        var types = await app.Customer().PostAsync("/ucloud/describe_available_instance_types.dspy",
            ("Region", Region), ("Zone", UCloudFixture.Zone), ("MachineType", "N"));
        types.Data!["AvailableInstanceTypes"]!.AsArray().Should().NotBeEmpty();
        app.UCloud.CallsOf("DescribeAvailableInstanceTypes").Last().Form["MachineTypes.0"].Should().Be("N");

        var host = await app.Customer().GetAsync("/ucloud/get_uhost_instance_price.dspy", ("Region", Region),
            ("Zone", UCloudFixture.Zone), ("CPU", "2"), ("Memory", "4096"), ("ChargeType", "Month"),
            ("Disks", """[{"IsBoot":"True","Type":"CLOUD_SSD","Size":40}]"""));
        host.Status.Should().BeTrue(host.Raw);
        var item = host.Data!["PriceSet"]![0]!;
        item["OriginalPrice"]!.GetValue<decimal>().Should().Be(2 * 50 + 4 * 20 + 20); // the fake's list price
        item["Price"]!.GetValue<decimal>().Should().Be(200m, "no discount configured: the list price, never UCloud's");
        item["ListPrice"].Should().BeNull();
        host.Raw.Should().Contain("\"OriginalPrice\":200,\"Price\":200,", "money without trailing zeros")
            .And.NotContain("200.0");
        app.UCloud.CallsOf("GetUHostInstancePrice").Last().Form["Disks.0.Size"].Should().Be("40");

        var eip = await app.Customer().GetAsync("/ucloud/get_eip_price.dspy", ("Region", Region),
            ("OperatorName", "Bgp"), ("Bandwidth", "2"), ("ChargeType", "Month"), ("Quantity", "3"));
        eip.Data!["PriceSet"]![0]!["Price"]!.GetValue<decimal>().Should().Be(2 * 23 * 3);
        (await app.OtherOperator().GetAsync("/ucloud/get_eip_price.dspy", ("user_orgid", app.CustomerOrgId),
            ("Region", Region), ("OperatorName", "Bgp"), ("Bandwidth", "2"))).Http.Should().Be(403);
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_call_and_never_a_500()
    {
        var before = app.UCloud.Journal.Count;
        (string Path, (string, string?)[] Params)[] cases =
        [
            ("describe_uhost_instance", [("region", new string('r', 65))]),
            ("describe_image", [("region", Region), ("Limit", "abc")]),
            ("get_uhost_instance_price", [("Region", Region), ("Zone", "z"), ("CPU", "2"), ("Memory", "1000"),
                ("Disks", "[]")]),
            ("get_uhost_instance_price", [("Region", Region), ("Zone", "z"), ("CPU", "x"), ("Memory", "1024"),
                ("Disks", "{\"a\":1}")]),
            ("get_eip_price", [("Region", Region), ("OperatorName", "Cmcc"), ("Bandwidth", "-1")]),
            ("create_firewall", [("region", Region), ("name", "f"), ("rule", "TCP|99999|0.0.0.0/0|ACCEPT|HIGH")]),
            ("create_firewall", [("region", Region), ("name", "f"), ("rule", "[\"TCP|22|not-a-cidr|ACCEPT|HIGH\"]")]),
            ("create_firewall", [("region", Region), ("name", new string('n', 65)), ("rule", Ssh)]),
            ("update_firewall", [("FWId", "firewall-x"), ("rule", "")]),
            ("update_firewall_attribute", [("FWId", "firewall-x")]),
            ("stop_uhost_instance", [("orgid", app.CustomerOrgId), ("region", Region)]),
            ("grant_firewall", [("orgid", app.CustomerOrgId), ("region", Region), ("FWId", "f")]),
            ("reset_uhost_instance_password", [("UHostId", "u"), ("Password", "short")]),
            ("terminate_uhost_instance", [("UHostId", "u"), ("ReleaseEIP", "maybe")]),
            ("bind_eip", [("EIPId", "e"), ("ResourceType", "ulb"), ("ResourceId", "x")]),
            ("allocate_eip", [("Region", Region), ("OperatorName", "Bgp"), ("Bandwidth", "2"), ("Count", "3")]),
            ("create_uhost_instance", [("Region", Region), ("Zone", "z"), ("CPU", "2"), ("Memory", "2048"),
                ("Disks", "[{\"Type\":\"CLOUD_SSD\",\"Size\":40}]"), ("ImageId", "i"), ("Password", "Passw0rd!"),
                ("Name", "h"), ("MaxCount", "2")]),
        ];
        foreach (var (path, ps) in cases)
        {
            var r = await app.Customer().PostAsync($"/ucloud/{path}.dspy", ps);
            r.Http.Should().Be(200, path);
            r.Code.Should().Be("invalid_argument", $"{path}: {r.Raw}");
        }
        app.UCloud.Journal.Count.Should().Be(before);
    }

    /// <summary>
    /// A parameter spelled with the other letter case than documented (<c>region</c> for an EIP's <c>Region</c>,
    /// <c>Region</c> for a firewall's <c>region</c>) is refused, never ignored for the default region (ADR 0048).
    /// </summary>
    [Fact]
    public async Task A_region_spelled_with_the_wrong_case_is_refused_not_bought_in_the_default_region()
    {
        var before = app.UCloud.Journal.Count;
        var rows = await app.Factory.WithDbAsync(db => db.UCloudResources.IgnoreQueryFilters().CountAsync());
        var eip = await app.Customer().PostAsync("/ucloud/allocate_eip.dspy", ("region", "cn-sh2"),
            ("OperatorName", "Bgp"), ("Bandwidth", "2"), ("ChargeType", "Month"), ("Name", "eip-case"));
        eip.Code.Should().Be("invalid_argument", eip.Raw);
        eip.Msg.Should().Be("参数名区分大小写: 请使用 Region 而不是 region");
        var fw = await app.Customer().PostAsync("/ucloud/create_firewall.dspy", ("Region", "cn-sh2"),
            ("name", "fw-case"), ("rule", Ssh));
        fw.Code.Should().Be("invalid_argument", fw.Raw);
        fw.Msg.Should().Be("参数名区分大小写: 请使用 region 而不是 Region");
        app.UCloud.Journal.Count.Should().Be(before);
        (await app.Factory.WithDbAsync(db => db.UCloudResources.IgnoreQueryFilters().CountAsync())).Should().Be(rows);
    }

    [Fact]
    public async Task Region_and_zone_codes_are_lower_case_letters_digits_and_dashes_only()
    {
        var before = app.UCloud.Journal.Count;
        var rows = await app.Factory.WithDbAsync(db => db.UCloudResources.IgnoreQueryFilters().CountAsync());
        (string Path, (string, string?)[] Params)[] cases =
        [
            ("create_firewall", [("region", "../../x"), ("name", "fw-path"), ("rule", Ssh)]),
            ("create_firewall", [("region", "cn-bj2\r\nX: y"), ("name", "fw-crlf"), ("rule", Ssh)]),
            ("create_firewall", [("region", "CN-BJ2"), ("name", "fw-upper"), ("rule", Ssh)]),
            ("get_eip_price", [("Region", "{}"), ("OperatorName", "Bgp"), ("Bandwidth", "2")]),
            ("get_eip_price", [("Region", new string('a', 3000)), ("OperatorName", "Bgp"), ("Bandwidth", "2")]),
            ("describe_uhost_instance", [("region", Region), ("Zone", "cn-bj2 02")]),
            ("describe_available_instance_types", [("Region", Region), ("Zone", "cn-bj2-02;x")]),
            ("get_uhost_instance_price", [("Region", Region), ("Zone", new string('z', 33)), ("CPU", "2"),
                ("Memory", "4096"), ("Disks", """[{"Type":"CLOUD_SSD","Size":40}]""")]),
        ];
        foreach (var (path, ps) in cases)
        {
            var r = await app.Customer().PostAsync($"/ucloud/{path}.dspy", ps);
            r.Code.Should().Be("invalid_argument", $"{path}: {r.Raw}");
            r.Msg.Should().Contain("格式错误", path);
        }
        app.UCloud.Journal.Count.Should().Be(before);
        (await app.Factory.WithDbAsync(db => db.UCloudResources.IgnoreQueryFilters().CountAsync())).Should().Be(rows);
    }

    [Fact]
    public async Task Only_the_documented_disk_fields_are_forwarded_and_any_other_key_is_refused()
    {
        (string, string?)[] Order(string disks) =>
        [
            ("Region", Region), ("Zone", UCloudFixture.Zone), ("CPU", "2"), ("Memory", "4096"), ("Disks", disks),
        ];
        var before = app.UCloud.Journal.Count;
        foreach (var disks in new[]
                 {
                     """[{"Type":"CLOUD_SSD","Size":40,"size":4000}]""",
                     """[{"Type":"CLOUD_SSD","Size":40,"Size":50}]""",
                     """[{"Type":"CLOUD_SSD","Size":40,"Extra":"x"}]""",
                     """[{"Type":"CLOUD_SSD","Size":40,"BackupType":{"a":1}}]""",
                 })
        {
            var r = await app.Customer().GetAsync("/ucloud/get_uhost_instance_price.dspy", Order(disks));
            r.Code.Should().Be("invalid_argument", $"{disks}: {r.Raw}");
            r.Msg.Should().Contain("IsBoot、Type、Size、BackupType、Encrypted、KmsKeyId、CouponId");
        }
        app.UCloud.Journal.Count.Should().Be(before);

        var ok = await app.Customer().GetAsync("/ucloud/get_uhost_instance_price.dspy", Order(
            """[{"IsBoot":"True","Type":"CLOUD_SSD","Size":40,"BackupType":"NONE","Encrypted":"false"}]"""));
        ok.Status.Should().BeTrue(ok.Raw);
        app.UCloud.CallsOf("GetUHostInstancePrice").Last().Form.Keys.Where(k => k.StartsWith("Disks."))
            .Should().BeEquivalentTo("Disks.0.IsBoot", "Disks.0.Type", "Disks.0.Size", "Disks.0.BackupType",
                "Disks.0.Encrypted");
    }

    /// <summary>
    /// Where modules 30–32 mark the region optional (lists, images, instance types, prices, creates) it defaults to
    /// <c>Vendors:UCloud:DefaultRegion</c> (cn-bj2; ADR 0044 addendum); where they mark it 是 it stays required.
    /// </summary>
    [Fact]
    public async Task An_optional_region_defaults_to_the_configured_region_and_a_required_one_stays_required()
    {
        var c = app.Customer();
        (await c.GetAsync("/ucloud/describe_uhost_instance.dspy")).Status.Should().BeTrue();
        app.UCloud.CallsOf("DescribeUHostInstance").Last().Form["Region"].Should().Be(Region);
        (await c.GetAsync("/ucloud/describe_image.dspy")).Status.Should().BeTrue();
        app.UCloud.CallsOf("DescribeImage").Last().Form["Region"].Should().Be(Region);
        (await c.GetAsync("/ucloud/describe_eip.dspy")).Status.Should().BeTrue();
        app.UCloud.CallsOf("DescribeEIP").Last().Form["Region"].Should().Be(Region);
        var price = await c.GetAsync("/ucloud/get_eip_price.dspy", ("OperatorName", "Bgp"), ("Bandwidth", "2"));
        price.Status.Should().BeTrue(price.Raw);
        app.UCloud.CallsOf("GetEIPPrice").Last().Form["Region"].Should().Be(Region);

        var fw = await c.PostAsync("/ucloud/create_firewall.dspy", ("name", "fw-default-region"), ("rule", Ssh));
        fw.Status.Should().BeTrue(fw.Raw);
        app.UCloud.CallsOf("CreateFirewall").Last().Form["Region"].Should().Be(Region);
        (await RowAsync(fw.Data!["FWId"]!.GetValue<string>())).RegionCode.Should().Be(Region);

        var stop = await c.GetAsync("/ucloud/stop_uhost_instance.dspy", ("orgid", app.CustomerOrgId),
            ("UHostId", "uhost-x"));
        stop.Msg.Should().Be("缺少必要参数: region");
        var describe = await c.GetAsync("/ucloud/describe_firewall.dspy", ("orgid", app.CustomerOrgId));
        describe.Msg.Should().Be("缺少必要参数: region");
    }

    [Fact]
    public async Task Syncing_an_org_creates_its_project_once_and_later_objects_use_it()
    {
        var op = app.Operator();
        var org = (await op.PostAsync("/user/add_org.dspy", ("name", "客户乙"), ("kind", "customer"))).Data!["id"]!
            .GetValue<string>();
        var first = await op.GetAsync("/ucloud/ucloud_create_user.dspy", ("orgid", org));
        first.Status.Should().BeTrue(first.Raw);
        var project = first.Data!["project_id"]!.GetValue<string>();
        app.UCloud.Projects.Should().ContainKey(project);
        var again = await op.GetAsync("/ucloud/ucloud_create_user.dspy", ("orgid", org));
        again.Status.Should().BeFalse();
        again.Code.Should().Be("conflict");
        again.Msg.Should().Be(UCloudCreateUserHandler.AlreadySyncedMessage);
        app.UCloud.CallsOf("CreateProject").Count(c => c.Form["ProjectName"] == $"kboss-{org}").Should().Be(1);
        (await app.OtherOperator().GetAsync("/ucloud/ucloud_create_user.dspy", ("orgid", org))).Http
            .Should().Be(403);

        var fw = await CreateFirewallAsync("in-project", op, org);
        app.UCloud.Firewalls[fw].ProjectId.Should().Be(project);
    }

    [Fact]
    public async Task A_customer_manages_its_firewall_and_sees_only_its_own()
    {
        var fw = await CreateFirewallAsync("fw-a");
        var row = await RowAsync(fw);
        (row.State, row.OrgId, row.ResourceType).Should().Be((OutsideStates.Live, app.CustomerOrgId, "firewall"));
        app.UCloud.CallsOf("CreateFirewall").Last().Form["Rule.1"].Should().Be("UDP|53|10.0.0.0/8|DROP|LOW");
        app.UCloud.CallsOf("CreateFirewall").Last().Form["Tag"].Should().Be("Default");

        app.UCloud.Firewalls["firewall-foreign"] = new FakeUCloud.Firewall("firewall-foreign", "x", Region, "");
        var list = await app.Customer().GetAsync("/ucloud/describe_firewall.dspy", ("orgid", app.CustomerOrgId),
            ("region", Region));
        var ids = list.Data!["DataSet"]!.AsArray().Select(f => f!["FWId"]!.GetValue<string>()).ToList();
        ids.Should().Contain(fw).And.NotContain("firewall-foreign");
        list.Data["TotalCount"]!.GetValue<int>().Should().Be(ids.Count);

        var updated = await app.Customer().GetAsync("/ucloud/update_firewall.dspy", ("FWId", fw),
            ("rule", "TCP|80|0.0.0.0/0|ACCEPT|MEDIUM"));
        updated.Status.Should().BeTrue(updated.Raw);
        app.UCloud.Firewalls[fw].Rules.Should().Equal("TCP|80|0.0.0.0/0|ACCEPT|MEDIUM");
        (await app.Customer().GetAsync("/ucloud/update_firewall_attribute.dspy", ("FWId", fw), ("name", "fw-a2"),
            ("remark", "改"))).Status.Should().BeTrue();
        app.UCloud.Firewalls[fw].Name.Should().Be("fw-a2");

        var host = await app.SeedHostAsync(app.CustomerOrgId, "h-fw");
        var grant = await app.Customer().GetAsync("/ucloud/grant_firewall.dspy", ("orgid", app.CustomerOrgId),
            ("region", Region), ("FWId", fw), ("ResourceId", host));
        grant.Status.Should().BeTrue(grant.Raw);
        app.UCloud.Hosts[host].FirewallId.Should().Be(fw);
        var bound = await app.Customer().GetAsync("/ucloud/describe_firewall_resource.dspy", ("FWId", fw));
        bound.Data!["ResourceSet"]![0]!["ResourceId"]!.GetValue<string>().Should().Be(host);
        var byHost = await app.Customer().GetAsync("/ucloud/describe_firewall.dspy", ("region", Region),
            ("ResourceId", host));
        byHost.Data!["DataSet"]!.AsArray().Should().ContainSingle();

        // another operator org: 403 on every id of this customer, and nothing sent
        var other = app.OtherOperator();
        var calls = app.UCloud.Journal.Count;
        (await other.GetAsync("/ucloud/delete_firewall.dspy", ("FWId", fw))).Http.Should().Be(403);
        (await other.GetAsync("/ucloud/update_firewall.dspy", ("FWId", fw), ("rule", Ssh))).Http.Should().Be(403);
        (await other.GetAsync("/ucloud/update_firewall_attribute.dspy", ("FWId", fw), ("name", "x"))).Http
            .Should().Be(403);
        (await other.GetAsync("/ucloud/describe_firewall_resource.dspy", ("FWId", fw))).Http.Should().Be(403);
        (await other.GetAsync("/ucloud/disassociate_firewall.dspy", ("orgid", app.CustomerOrgId), ("region", Region),
            ("FWId", fw), ("ResourceId", host))).Http.Should().Be(403);
        (await other.GetAsync("/ucloud/describe_firewall.dspy", ("orgid", app.CustomerOrgId), ("region", Region)))
            .Http.Should().Be(403);
        app.UCloud.Journal.Count.Should().Be(calls);

        // UCloud refuses to delete a bound firewall: its message, the row back to live
        var refused = await app.Customer().GetAsync("/ucloud/delete_firewall.dspy", ("FWId", fw));
        refused.Code.Should().Be("upstream_failed");
        refused.Msg.Should().Contain("8013").And.Contain("in use");
        (await RowAsync(fw)).State.Should().Be(OutsideStates.Live);

        (await app.Customer().GetAsync("/ucloud/disassociate_firewall.dspy", ("orgid", app.CustomerOrgId),
            ("region", Region), ("FWId", fw), ("ResourceId", host))).Status.Should().BeTrue();
        var deleted = await app.Customer().GetAsync("/ucloud/delete_firewall.dspy", ("FWId", fw));
        deleted.Status.Should().BeTrue(deleted.Raw);
        (await RowAsync(fw)).State.Should().Be(OutsideStates.Deleted);
        app.UCloud.Firewalls.Should().NotContainKey(fw);
        (await app.Customer().GetAsync("/ucloud/delete_firewall.dspy", ("FWId", fw))).Code.Should().Be("not_found");
    }

    [Fact]
    public async Task Host_power_states_are_polled_until_they_settle()
    {
        var host = await app.SeedHostAsync(app.CustomerOrgId, "h-power");
        var stop = await app.Customer().GetAsync("/ucloud/stop_uhost_instance.dspy", ("orgid", app.CustomerOrgId),
            ("region", Region), ("UHostId", host));
        stop.Status.Should().BeTrue(stop.Raw);
        stop.Data!["UHostId"]!.GetValue<string>().Should().Be(host);
        (await RowAsync(host)).VendorState.Should().Be("Stopping");

        // a running host can't have its password reset: UCloud's message
        var early = await app.Customer().GetAsync("/ucloud/reset_uhost_instance_password.dspy", ("UHostId", host),
            ("Password", "NewPassw0rd!"));
        early.Code.Should().Be("upstream_failed");
        early.Msg.Should().Contain("not allowed");

        for (var i = 0; i <= app.UCloud.PollsToFinish; i++) await app.SendAsync(new PollUCloudHosts());
        (await RowAsync(host)).VendorState.Should().Be("Stopped");
        (await app.SendAsync(new PollUCloudHosts())).Should().Be(0, "a settled host is not asked again");

        var reset = await app.Customer().GetAsync("/ucloud/reset_uhost_instance_password.dspy", ("UHostId", host),
            ("Password", "NewPassw0rd!"));
        reset.Status.Should().BeTrue(reset.Raw);
        app.UCloud.Hosts[host].Password.Should().Be("NewPassw0rd!");
        app.UCloud.CallsOf("ResetUHostInstancePassword").Last().Form["Password"]
            .Should().Be(Convert.ToBase64String("NewPassw0rd!"u8.ToArray()));
        var audit = await app.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action.StartsWith("ucloud.")).Select(a => a.Detail).ToListAsync());
        audit.Should().NotContain(d => d.Contains("NewPassw0rd"));

        (await app.Customer().GetAsync("/ucloud/start_uhost_instance.dspy", ("orgid", app.CustomerOrgId),
            ("region", Region), ("UHostId", host))).Status.Should().BeTrue();
        (await RowAsync(host)).VendorState.Should().Be("Starting");
        for (var i = 0; i <= app.UCloud.PollsToFinish; i++) await app.SendAsync(new PollUCloudHosts());
        (await RowAsync(host)).VendorState.Should().Be("Running");
        (await app.Customer().GetAsync("/ucloud/reboot_uhost_instance.dspy", ("orgid", app.CustomerOrgId),
            ("region", Region), ("UHostId", host))).Status.Should().BeTrue();

        var vnc = await app.Customer().GetAsync("/ucloud/get_uhost_instance_vnc_info.dspy", ("UHostId", host));
        vnc.Data!["UHostId"]!.GetValue<string>().Should().Be(host);
        vnc.Data["UhostId"]!.GetValue<string>().Should().Be(host);
        vnc.Data["VncPort"]!.GetValue<int>().Should().Be(5901);

        var list = await app.Customer().GetAsync("/ucloud/describe_uhost_instance.dspy", ("region", Region));
        list.Data!["UHostSet"]!.AsArray().Select(h => h!["UHostId"]!.GetValue<string>()).Should().Contain(host);
        var other = app.OtherOperator();
        foreach (var path in new[] { "stop", "start", "reboot" })
            (await other.GetAsync($"/ucloud/{path}_uhost_instance.dspy", ("orgid", app.OtherOrgId),
                ("region", Region), ("UHostId", host))).Http.Should().Be(403, path);
        (await other.GetAsync("/ucloud/get_uhost_instance_vnc_info.dspy", ("UHostId", host))).Http.Should().Be(403);
        (await other.GetAsync("/ucloud/terminate_uhost_instance.dspy", ("UHostId", host))).Http.Should().Be(403);
        (await other.GetAsync("/ucloud/reset_uhost_instance_password.dspy", ("UHostId", host),
            ("Password", "Passw0rd-x"))).Http.Should().Be(403);
        (await other.GetAsync("/ucloud/describe_uhost_instance.dspy", ("user_orgid", app.CustomerOrgId),
            ("region", Region))).Http.Should().Be(403);

        var gone = await app.Customer().GetAsync("/ucloud/terminate_uhost_instance.dspy", ("UHostId", host),
            ("ReleaseEIP", "true"));
        gone.Status.Should().BeTrue(gone.Raw);
        app.UCloud.Hosts.Should().NotContainKey(host);
        app.UCloud.CallsOf("TerminateUHostInstance").Last().Form["ReleaseEIP"].Should().Be("true");
        (await RowAsync(host)).State.Should().Be(OutsideStates.Deleted);
        (await app.Customer().GetAsync("/ucloud/stop_uhost_instance.dspy", ("orgid", app.CustomerOrgId),
            ("region", Region), ("UHostId", host))).Code.Should().Be("not_found");
    }

    [Fact]
    public async Task An_eip_is_bound_listed_unbound_and_released_by_its_owner_only()
    {
        var host = await app.SeedHostAsync(app.CustomerOrgId, "h-eip");
        var eip = await app.SeedEipAsync(app.CustomerOrgId, "e-1");
        app.UCloud.Eips["eip-foreign"] = new FakeUCloud.Eip("eip-foreign", "x", Region, "", "1.1.1.1", 1, "Bgp", "Month");
        var other = app.OtherOperator();
        (await other.GetAsync("/ucloud/bind_eip.dspy", ("EIPId", eip), ("ResourceType", "uhost"),
            ("ResourceId", host))).Http.Should().Be(403);
        var foreignHost = await app.SeedHostAsync(app.OtherOrgId, "h-foreign");
        (await app.Customer().GetAsync("/ucloud/bind_eip.dspy", ("EIPId", eip), ("ResourceType", "uhost"),
            ("ResourceId", foreignHost))).Http.Should().Be(403);

        var bind = await app.Customer().GetAsync("/ucloud/bind_eip.dspy", ("Region", Region), ("EIPId", eip),
            ("ResourceType", "uhost"), ("ResourceId", host));
        bind.Status.Should().BeTrue(bind.Raw);
        app.UCloud.Eips[eip].HostId.Should().Be(host);
        var list = await app.Customer().GetAsync("/ucloud/describe_eip.dspy", ("Region", Region));
        var ids = list.Data!["EIPSet"]!.AsArray().Select(e => e!["EIPId"]!.GetValue<string>()).ToList();
        ids.Should().Contain(eip).And.NotContain("eip-foreign");

        var refused = await app.Customer().GetAsync("/ucloud/release_eip.dspy", ("EIPId", eip));
        refused.Msg.Should().Contain("in use");
        (await RowAsync(eip)).State.Should().Be(OutsideStates.Live);
        (await other.GetAsync("/ucloud/un_bind_eip.dspy", ("EIPId", eip), ("ResourceId", host))).Http.Should().Be(403);
        (await other.GetAsync("/ucloud/release_eip.dspy", ("EIPId", eip))).Http.Should().Be(403);
        (await app.Customer().GetAsync("/ucloud/un_bind_eip.dspy", ("EIPId", eip), ("ResourceType", "uhost"),
            ("ResourceId", host))).Status.Should().BeTrue();
        var released = await app.Customer().GetAsync("/ucloud/release_eip.dspy", ("EIPId", eip));
        released.Status.Should().BeTrue(released.Raw);
        app.UCloud.Eips.Should().NotContainKey(eip);
        (await RowAsync(eip)).State.Should().Be(OutsideStates.Deleted);
    }

    [Fact]
    public async Task A_lost_create_answer_is_settled_by_the_reconciler_by_name()
    {
        app.UCloud.Inject("CreateFirewall", new Fault.Delay(TimeSpan.FromSeconds(3))); // answered after kboss gave up
        var r = await app.Customer().PostAsync("/ucloud/create_firewall.dspy", ("region", Region),
            ("name", "fw-lost"), ("rule", Ssh));
        r.Code.Should().Be("upstream_failed");
        var row = await app.Factory.WithDbAsync(db => db.UCloudResources.AsNoTracking()
            .SingleAsync(x => x.Name == "fw-lost"));
        row.State.Should().Be(OutsideStates.PendingReconcile);
        for (var i = 0; i < 50 && !app.UCloud.Firewalls.Values.Any(f => f.Name == "fw-lost"); i++)
            await Task.Delay(100);
        app.UCloud.Firewalls.Values.Should().Contain(f => f.Name == "fw-lost", "the fake did create it");
        await app.ReconcileAsync();
        var settled = await app.Factory.WithDbAsync(db => db.UCloudResources.AsNoTracking()
            .SingleAsync(x => x.Name == "fw-lost"));
        settled.State.Should().Be(OutsideStates.Live);
        settled.VendorId.Should().Be(app.UCloud.Firewalls.Values.Single(f => f.Name == "fw-lost").Id);
    }
}
