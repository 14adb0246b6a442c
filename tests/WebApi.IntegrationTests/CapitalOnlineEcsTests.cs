using System.Text.Json.Nodes;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Kboss.Fakes.Vendors;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Capital Online ECS/GPU hosts (spec 28, CDS-ECS-01…21) through HTTP against <see cref="FakeCds"/>: the catalogue
/// reads, a GPU host's life (create, building → running, list, detail, status, events, power, rename, password,
/// console, monitor, images, delete), ownership (another org: 403), bad input before any vendor call, the refused
/// dangerous defaults and vendor errors.
/// </summary>
public sealed class CapitalOnlineEcsTests(CdsFixture app) : IClassFixture<CdsFixture>
{
    private const string Region = "CN_Beijing";
    private const string Zone = "CN_Beijing_A";
    private const string Password = "Kboss@2026x";

    private async Task<(string Vpc, string Subnet)> NetworkAsync(string name)
    {
        var r = await app.Customer().GetAsync("/capital/create_vpc.dspy", ("RegionCode", Region), ("VPCName", name),
            ("VPCSegment", "10.40.0.0/16"), ("AvailableZoneCode", Zone), ("SubnetName", name + "-s"),
            ("SubnetSegment", "10.40.1.0/24"));
        r.Status.Should().BeTrue(r.Raw);
        return (r.Data!["VPCId"]!.GetValue<string>(), r.Data["SubnetIdList"]![0]!.GetValue<string>());
    }

    /// <summary>The parameters of a one-card GPU host in <paramref name="vpc"/>.</summary>
    public static (string, string?)[] HostParams(string name, string vpc, string subnet, string number = "1") =>
    [
        ("AvailableZoneCode", Zone), ("EcsFamilyName", "GPU计算型G7"), ("Cpu", "8"), ("Ram", "32"), ("Gpu", "1"),
        ("Number", number), ("BillingMethod", "0"), ("ImageId", "img-ubuntu2204"),
        ("SystemDisk", """{"DiskFeature":"ssd","Size":50}"""), ("DataDisk", "[]"),
        ("VpcInfo", $$"""{"VpcId":"{{vpc}}"}"""), ("SubnetInfo", $$"""{"SubnetId":"{{subnet}}"}"""),
        ("Name", name), ("Password", Password),
    ];

    /// <summary>Tops the customer's balance up to at least 10 000 元 (an admin's correction).</summary>
    private async Task FundAsync()
    {
        var balance = await BalanceAsync();
        if (balance >= 10000m) return;
        var r = await app.Admin().PostAsync("/finance/balance_adjust.dspy", ("customer_orgid", app.CustomerOrgId),
            ("amount", "50000"), ("reason", "ECS tests"), ("idempotency_key", "ecs-fund-" + Guid.NewGuid()));
        r.Status.Should().BeTrue(r.Raw);
    }

    private async Task<decimal> BalanceAsync() =>
        (await app.Customer().GetAsync("/finance/balance_get.dspy")).Data!["balance"]!.GetValue<decimal>();

    private Task<int> BillsAsync() => app.Factory.WithDbAsync(db =>
        db.Bills.CountAsync(b => b.CustomerId == app.CustomerOrgId));

    private async Task<(string Host, Response Created)> HostAsync(string name)
    {
        await FundAsync();
        var (vpc, subnet) = await NetworkAsync(name + "-vpc");
        var r = await app.Customer().GetAsync("/capital/create_ecs.dspy", HostParams(name, vpc, subnet));
        r.Status.Should().BeTrue(r.Raw);
        return (r.Data!["EcsIdSet"]![0]!.GetValue<string>(), r);
    }

    private Task<CdsResource> RowAsync(string name) => app.Factory.WithDbAsync(db =>
        db.CdsResources.IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Name == name));

    [Fact]
    public async Task The_catalogue_reads_pass_cds_data_through_with_its_messages()
    {
        var c = app.Customer();
        var regions = await c.GetAsync("/capital/region_az_info.dspy");
        regions.Msg.Should().Be("获取地域可用区信息成功！");
        regions.Data![0]!["RegionList"]![0]!["AzList"]!.AsArray()
            .Select(z => z!["AvailableZoneCode"]!.GetValue<string>()).Should().Contain(Zone);

        var families = await c.GetAsync("/capital/ecs_family_info.dspy", ("AvailableZoneCode", Zone));
        families.Status.Should().BeTrue(families.Raw);
        families.Data!["EcsFamilyInfo"]!.AsArray().Select(f => f!["EcsFamilyName"]!.GetValue<string>())
            .Should().Contain("GPU计算型G7");
        app.Cds.CallsOf("DescribeEcsFamilyInfo").Last().Query["BillingMethod"].Should().Be("0");

        var types = await c.GetAsync("/capital/describe_zone_instance_type.dspy", ("AvailableZoneCode", Zone),
            ("EcsFamilyName", "GPU计算型G7"), ("Gpu", "2"));
        types.Data![0]!["SpecList"]![0]!["Status"]!.GetValue<string>().Should().Be("SELLOUT");

        var quota = await c.GetAsync("/capital/describe_disk_quota.dspy", ("AvailableZoneCode", Zone));
        quota.Msg.Should().Be("获取云盘配额成功！");
        quota.Data!["QuotaList"]![0]!["DiskFeature"]!.GetValue<string>().Should().Be("ssd");
        app.Cds.CallsOf("DescribeDiskQuota").Last().Path.Should().Be("/ebs/v1/");

        var images = await c.GetAsync("/capital/image_info.dspy", ("AvailableZoneCode", Zone));
        images.Data!["ImageList"]!.AsArray().Select(i => i!["ImageId"]!.GetValue<string>())
            .Should().Contain("img-ubuntu2204");
        app.Cds.CallsOf("DescribeImages").Last().Path.Should().Be("/ecs/v1.1/");

        var unknown = await c.GetAsync("/capital/ecs_family_info.dspy", ("AvailableZoneCode", "Mars_A"));
        unknown.Code.Should().Be("upstream_failed");
        unknown.Msg.Should().Contain("InvalidAvailableZone.NotFound");

        (string, string?)[] order =
        [
            ("AvailableZoneCode", Zone), ("EcsFamilyName", "GPU计算型G7"), ("Cpu", "8"), ("Ram", "32"), ("Gpu", "1"),
            ("BillingMethod", "1"), ("Duration", "2"), ("IsToMonth", "0"), ("Number", "2"),
            ("SystemDiskInfo", """{"DiskFeature":"ssd","Size":50}"""),
            ("DataDiskInfo", """[{"DiskFeature":"ssd","Size":100}]"""),
        ];
        var price = await c.GetAsync("/capital/get_ecs_price.dspy", order);
        price.Msg.Should().Be("获取计费信息成功！");
        // (8 × 0.05 + 32 × 0.02 + 3.5 + 150 GB × 0.0005) × 2 hosts × 720 h × 2 months
        price.Data!["original_price"]!.GetValue<decimal>().Should().Be(13291.2m);
        price.Data["price"]!.GetValue<decimal>().Should().Be(13291.2m);
        price.Data["PriceSymbol"]!.GetValue<string>().Should().Be("￥");
        var asked = app.Cds.CallsOf("DescribePrice").Last().Json!;
        (asked["Cpu"]!.GetValue<int>(), asked["Duration"]!.GetValue<int>(),
            asked["SystemDiskInfo"]!["Size"]!.GetValue<int>()).Should().Be((8, 2, 50));
        var badDisk = order.Select(p => p.Item1 == "SystemDiskInfo" ? (p.Item1, "ssd") : p).ToArray();
        (await c.GetAsync("/capital/get_ecs_price.dspy", badDisk)).Body["errors"]!
            .AsObject().Select(e => e.Key).Should().Equal("SystemDiskInfo");
        (await app.OtherOperator().GetAsync("/capital/get_ecs_price.dspy",
            [.. order, ("user_orgid", app.CustomerOrgId)])).Http.Should().Be(403);

        var subjects = await app.Operator().GetAsync("/capital/describe_account_subject.dspy");
        subjects.Msg.Should().Be("获取测试账户信息成功！");
        subjects.Data![0]!["Balance"]!.GetValue<int>().Should().Be(1000);
        (await c.GetAsync("/capital/describe_account_subject.dspy")).Http.Should().Be(403);
        (await app.Anonymous().GetAsync("/capital/region_az_info.dspy")).Http.Should().Be(401);
    }

    [Fact]
    public async Task A_customer_runs_a_gpu_host_through_its_whole_life()
    {
        var (host, created) = await HostAsync("gpu-a");
        created.Msg.Should().Be("创建云服务器任务下发成功");
        var eventId = created.Data!["EventId"]!.GetValue<string>();
        var row = await RowAsync("gpu-a");
        (row.State, row.OrgId, row.VendorId, row.TaskId).Should()
            .Be((OutsideStates.Live, app.CustomerOrgId, host, eventId));
        var sent = app.Cds.CallsOf("CreateInstance").Single(x => x.Json!["Name"]!.ToString() == "gpu-a").Json!;
        sent["Cpu"]!.GetValue<int>().Should().Be(8);
        sent["SystemDisk"]!["Size"]!.GetValue<int>().Should().Be(50);
        sent["Password"]!.GetValue<string>().Should().Be(Password);
        var audit = await app.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == row.Id).Select(a => a.Detail).ToListAsync());
        audit.Should().NotBeEmpty().And.OnlyContain(d => !d.Contains(Password));

        // another host on the same CDS account is not the customer's
        app.Cds.Hosts["ins-foreign"] = new FakeCds.Host
        {
            Id = "ins-foreign", Name = "foreign", Zone = Zone, Family = "标准型S6", Status = "running",
        };
        app.Cds.PollsToFinish = 2;
        var statuses = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var list = await app.Customer().GetAsync("/capital/ecs_list.dspy", ("AvailableZoneCode", Zone),
                ("SearchInfo", "gpu-a"));
            list.Status.Should().BeTrue(list.Raw);
            list.Data!["TotalCount"]!.GetValue<int>().Should().Be(1);
            statuses.Add(list.Data["EcsList"]![0]!["Status"]!.GetValue<string>());
        }
        statuses.Should().Equal("building", "building", "running");
        var all = await app.Customer().GetAsync("/capital/ecs_list.dspy", ("PageSize", "100"));
        all.Data!["EcsList"]!.AsArray().Select(h => h!["EcsId"]!.GetValue<string>()).Should().NotContain("ins-foreign");

        var detail = await app.Customer().GetAsync("/capital/get_ecs_detail.dspy", ("EcsId", host));
        detail.Data!["EcsName"]!.GetValue<string>().Should().Be("gpu-a");
        var status = await app.Customer().GetAsync("/capital/get_ecs_status.dspy", ("EcsIds", $"[\"{host}\"]"));
        status.Data!["EcsStatus"]![host]!["Status"]!.GetValue<string>().Should().Be("running");
        var evt = await app.Customer().GetAsync("/capital/describe_event.dspy", ("EventId", eventId));
        evt.Data!["TaskList"]![0]!["ResourceId"]!.GetValue<string>().Should().Be(host);

        var stop = await app.Customer().GetAsync("/capital/operate_ecs.dspy", ("EcsId", $"[\"{host}\"]"),
            ("OpType", "shutdown_ecs"));
        stop.Msg.Should().Be("批量操作云服务器任务下发成功！");
        app.Cds.Hosts[host].Status.Should().Be("shutdown");
        var again = await app.Customer().GetAsync("/capital/operate_ecs.dspy", ("EcsId", host),
            ("OpType", "shutdown_ecs"));
        again.Code.Should().Be("upstream_failed");
        again.Msg.Should().Contain("云服务器当前状态不支持该操作");
        (await app.Customer().GetAsync("/capital/operate_ecs.dspy", ("EcsId", host), ("OpType", "start_up_ecs")))
            .Status.Should().BeTrue();
        var stopEvent = stop.Data!["EventId"]!.GetValue<string>();
        (await app.Customer().GetAsync("/capital/describe_event.dspy", ("EventId", stopEvent))).Status
            .Should().BeFalse("only the last event of a host is kept");

        var renamed = await app.Customer().GetAsync("/capital/change_ecs_name.dspy", ("EcsId", host),
            ("Name", "gpu-b"));
        renamed.Msg.Should().Be("修改实例名称成功！");
        app.Cds.Hosts[host].Name.Should().Be("gpu-b");
        var weak = await app.Customer().GetAsync("/capital/ecs_reset_password.dspy", ("EcsIds", host),
            ("Password", "123"));
        weak.Body["errors"]!["Password"]![0]!.GetValue<string>().Should().Be(
            Kboss.Application.Vendors.CapitalOnline.Ecs.EcsPassword.Message);
        var reset = await app.Customer().PostAsync("/capital/ecs_reset_password.dspy", ("EcsIds", host),
            ("Password", "New#Pass2026"));
        reset.Msg.Should().Be("云服务器管理员用户密码修改任务下发成功！");
        (await app.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .AnyAsync(a => a.Detail.Contains("New#Pass2026")))).Should().BeFalse();

        var vnc = await app.Customer().GetAsync("/capital/describe_instance_vnc_url.dspy", ("EcsId", host));
        vnc.Data!["InstanceVncUrl"]!.GetValue<string>().Should().StartWith("https://vnc.fake-cds.local/" + host);
        var monitor = await app.Customer().GetAsync("/capital/instance_monitor.dspy", ("EcsId", host),
            ("StartTime", "2026-12-07 00:00:00"), ("EndTime", "2026-12-07 12:00:00"), ("Indicators", "GpuUsage"));
        monitor.Data!["GpuUsage"]!["Unit"]!.GetValue<string>().Should().Be("%");

        var image = await app.Customer().GetAsync("/capital/create_image.dspy", ("EcsId", host), ("Name", "my-img"));
        image.Msg.Should().Be("创建私有镜像成功");
        var imageId = image.Data!["ImageId"]!.GetValue<string>();
        (await RowAsync("my-img")).State.Should().Be(OutsideStates.Live);
        var synced = await app.Customer().GetAsync("/capital/sync_image.dspy", ("ImageId", imageId),
            ("AvailableZoneCodes", "[\"CN_Beijing_B\"]"));
        synced.Msg.Should().Be("同步私有镜像成功！");
        var mine = await app.Customer().GetAsync("/capital/image_info.dspy", ("AvailableZoneCode", "CN_Beijing_B"));
        mine.Data!["ImageList"]!.AsArray().Select(i => i!["ImageId"]!.GetValue<string>()).Should().Contain(imageId);
        var theirs = await app.OtherOperator().GetAsync("/capital/image_info.dspy", ("AvailableZoneCode", Zone));
        theirs.Code.Should().Be("not_configured");

        var calls = app.Cds.CallsOf("DeleteImage").Count;
        var everywhere = await app.Customer().GetAsync("/capital/delete_image.dspy", ("ImageIds", imageId));
        everywhere.Body["errors"]!["AvailableZoneCode"]![0]!.GetValue<string>().Should().Contain("所有节点");
        app.Cds.CallsOf("DeleteImage").Count.Should().Be(calls);
        var dropped = await app.Customer().GetAsync("/capital/delete_image.dspy", ("ImageIds", $"[\"{imageId}\"]"),
            ("AvailableZoneCode", "CN_Beijing_B"));
        dropped.Msg.Should().Be("删除节点镜像成功!");
        app.Cds.Images[imageId].Zones.Keys.Should().Equal(Zone);

        var deleted = await app.Customer().GetAsync("/capital/delete_ecs.dspy", ("EcsIds", $"[\"{host}\"]"));
        deleted.Msg.Should().Be("删除云服务器任务下发成功！");
        var deleteEvent = deleted.Data!["EventIds"]![0]!.GetValue<string>();
        (await app.Customer().GetAsync("/capital/describe_event.dspy", ("EventId", deleteEvent))).Status
            .Should().BeTrue();
        app.Cds.Hosts.Should().NotContainKey(host);
        (await RowAsync("gpu-a")).State.Should().Be(OutsideStates.Deleted);
        (await app.Customer().GetAsync("/capital/delete_ecs.dspy", ("EcsIds", host))).Code.Should().Be("not_found");
        app.Cds.Hosts.TryRemove("ins-foreign", out _);
    }

    [Fact]
    public async Task Another_org_gets_403_on_every_host_and_image_and_nothing_reaches_cds()
    {
        var (host, created) = await HostAsync("gpu-x");
        var image = (await app.Customer().GetAsync("/capital/create_image.dspy", ("EcsId", host), ("Name", "img-x")))
            .Data!["ImageId"]!.GetValue<string>();
        var eventId = created.Data!["EventId"]!.GetValue<string>();
        var before = app.Cds.Journal.Count;
        var other = app.OtherOperator();
        var calls = new (string Path, (string, string?)[] Query)[]
        {
            ("/capital/get_ecs_detail.dspy", [("EcsId", host)]),
            ("/capital/get_ecs_status.dspy", [("EcsIds", host)]),
            ("/capital/describe_event.dspy", [("EventId", eventId)]),
            ("/capital/instance_monitor.dspy", [("EcsId", host)]),
            ("/capital/operate_ecs.dspy", [("EcsId", host), ("OpType", "restart_ecs")]),
            ("/capital/delete_ecs.dspy", [("EcsIds", host)]),
            ("/capital/ecs_reset_password.dspy", [("EcsIds", host), ("Password", "Other#Pass2026")]),
            ("/capital/change_ecs_name.dspy", [("EcsId", host), ("Name", "mine")]),
            ("/capital/create_image.dspy", [("EcsId", host), ("Name", "stolen")]),
            ("/capital/delete_image.dspy", [("ImageIds", image), ("AvailableZoneCode", Zone)]),
            ("/capital/sync_image.dspy", [("ImageId", image), ("AvailableZoneCodes", "CN_Beijing_B")]),
            ("/capital/describe_instance_vnc_url.dspy", [("EcsId", host)]),
            ("/capital/ecs_list.dspy", [("orgid", app.CustomerOrgId)]),
        };
        foreach (var (path, query) in calls)
            (await other.GetAsync(path, query)).Http.Should().Be(403, path);
        var (vpc, subnet) = await NetworkAsync("gpu-x-vpc2");
        (await other.GetAsync("/capital/create_ecs.dspy", HostParams("stolen", vpc, subnet))).Http.Should().Be(403);
        (await other.GetAsync("/capital/create_ecs.dspy",
            [.. HostParams("stolen", vpc, subnet), ("user_orgid", app.CustomerOrgId)])).Http.Should().Be(403);
        app.Cds.Journal.Skip(before).Where(c => c.Action != "CreateVPC").Should().BeEmpty();

        // a customer naming a trial-fund subject
        (await app.Customer().GetAsync("/capital/create_ecs.dspy",
            [.. HostParams("trial", vpc, subnet), ("TestAccount", "测试金-平台")])).Http.Should().Be(403);
        (await app.Customer().GetAsync("/capital/get_ecs_detail.dspy", ("EcsId", "ins-none"))).Code
            .Should().Be("not_found");
    }

    [Fact]
    public async Task A_host_boots_from_a_public_image_or_its_own_and_attaches_only_its_own_subnets()
    {
        var (host, _) = await HostAsync("img-src");
        var image = await app.Customer().GetAsync("/capital/create_image.dspy", ("EcsId", host), ("Name", "img-mine"));
        var imageId = image.Data!["ImageId"]!.GetValue<string>();
        var (vpc, subnet) = await NetworkAsync("img-vpc");
        var own = await app.Customer().GetAsync("/capital/create_ecs.dspy",
            HostParams("img-boot", vpc, subnet).Select(p => p.Item1 == "ImageId" ? (p.Item1, imageId) : p).ToArray());
        own.Status.Should().BeTrue(own.Raw);

        // another customer of the same operator (the same CDS account) names that private image
        var other = await Market.NewCustomerAsync(app);
        var net = await other.GetAsync("/capital/create_vpc.dspy", ("RegionCode", Region), ("VPCName", "img-o"),
            ("VPCSegment", "10.41.0.0/16"), ("AvailableZoneCode", Zone), ("SubnetName", "img-o-s"),
            ("SubnetSegment", "10.41.1.0/24"));
        net.Status.Should().BeTrue(net.Raw);
        var (vpc2, subnet2) = (net.Data!["VPCId"]!.GetValue<string>(),
            net.Data["SubnetIdList"]![0]!.GetValue<string>());
        var calls = app.Cds.CallsOf("CreateInstance").Count;
        var stolen = await other.GetAsync("/capital/create_ecs.dspy",
            HostParams("img-stolen", vpc2, subnet2).Select(p => p.Item1 == "ImageId" ? (p.Item1, imageId) : p)
                .ToArray());
        (stolen.Http, stolen.Msg).Should().Be((403, "无权操作该资源"));

        // the first customer names the other one's subnet in PubnetInfo
        var pubnet = await app.Customer().GetAsync("/capital/create_ecs.dspy",
            [.. HostParams("pub-x", vpc, subnet), ("PubnetInfo", $$"""[{"SubnetId":"{{subnet2}}","EipIds":["eip-x"]}]""")]);
        pubnet.Http.Should().Be(403);
        app.Cds.CallsOf("CreateInstance").Count.Should().Be(calls, "refused before any CDS call");

        // only SubnetId and EipIds of PubnetInfo are sent on
        var order = new Kboss.Application.Vendors.CapitalOnline.Ecs.CreateEcs
        {
            AvailableZoneCode = Zone, EcsFamilyName = "标准型S6", Cpu = "2", Ram = "4", ImageId = "img-ubuntu2204",
            SystemDisk = """{"DiskFeature":"ssd","Size":40}""", VpcInfo = """{"VpcId":"v"}""",
            SubnetInfo = """{"SubnetId":"s"}""", Password = Password,
            PubnetInfo = """[{"SubnetId":"s","EipIds":["e1"],"AddressNum":5,"Qos":1000,"IpType":"PublicIp"}]""",
        };
        Kboss.Application.Vendors.CapitalOnline.Ecs.CreateEcsHandler.Body(order, null)["PubnetInfo"]!.ToJsonString()
            .Should().Be("""[{"SubnetId":"s","EipIds":["e1"]}]""");
    }

    [Fact]
    public async Task Bad_input_is_refused_before_any_vendor_call_and_never_500()
    {
        var (vpc, subnet) = await NetworkAsync("bad-vpc");
        var before = app.Cds.Journal.Count;
        var c = app.Customer();
        var missing = await c.GetAsync("/capital/create_ecs.dspy", ("Name", "x"));
        missing.Code.Should().Be("invalid_argument");
        missing.Body["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["AvailableZoneCode", "EcsFamilyName",
            "Cpu", "Ram", "BillingMethod", "ImageId", "SystemDisk", "VpcInfo", "SubnetInfo", "Password"]);
        var bad = HostParams("x", vpc, subnet).Select(p => p.Item1 switch
        {
            "SystemDisk" => (p.Item1, (string?)"{\"Size\":\"big\"}"),
            "DataDisk" => (p.Item1, "{}"),
            "Number" => (p.Item1, "101"),
            "Password" => (p.Item1, "password"),
            _ => p,
        }).Append(("PubnetInfo", """[{"SubnetId":"s","BandwidthType":"Bandwidth_BGP","Qos":5}]"""))
            .Append(("SecurityGroups", "sg-1")).ToArray();
        var r = await c.GetAsync("/capital/create_ecs.dspy", bad);
        r.Body["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(["SystemDisk", "DataDisk", "Number",
            "Password", "PubnetInfo", "SecurityGroups"]);
        r.Body["errors"]!["PubnetInfo"]![0]!.GetValue<string>().Should().Contain("create_eip");
        (await c.GetAsync("/capital/get_ecs_status.dspy", ("EcsIds", "[{\"a\":1}]"))).Code
            .Should().Be("invalid_argument");
        (await c.GetAsync("/capital/create_ecs.dspy",
                HostParams("x", vpc, subnet).Select(p => p.Item1 == "Name" ? (p.Item1, (string?)"a\nb") : p).ToArray()))
            .Body["errors"]!.AsObject().Select(e => e.Key).Should().Equal("Name");
        // a member named twice in a JSON parameter (it used to throw while read: a 500)
        foreach (var (name, value) in new[]
                 {
                     ("SystemDisk", """{"DiskFeature":"ssd","Size":50,"Size":99999999}"""),
                     ("VpcInfo", $$"""{"VpcId":"{{vpc}}","VpcId":"x"}"""),
                     ("DataDisk", """[{"DiskFeature":"ssd","Size":50,"Size":60}]"""),
                     ("SystemDisk", """{"DiskFeature":"ssd","Size":50,"size":500}"""), // only the documented two
                     ("DataDisk", """[{"DiskFeature":"ssd","Size":50,"Release":true}]"""),
                 })
        {
            var dup = await c.GetAsync("/capital/create_ecs.dspy",
                HostParams("dup", vpc, subnet).Select(p => p.Item1 == name ? (p.Item1, value) : p).ToArray());
            (dup.Http, dup.Code).Should().Be((200, "invalid_argument"), name);
        }
        (await c.GetAsync("/capital/get_ecs_status.dspy")).Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/operate_ecs.dspy", ("EcsId", "ins-1"), ("OpType", "explode"))).Code
            .Should().Be("invalid_argument");
        (await c.GetAsync("/capital/delete_ecs.dspy", ("EcsIds", "ins-1"), ("DeleteEip", "1"))).Body["errors"]!
            ["DeleteEip"]![0]!.GetValue<string>().Should().Contain("delete_eip");
        (await c.GetAsync("/capital/instance_monitor.dspy", ("EcsId", "ins-1"), ("Indicators", "Nope"))).Code
            .Should().Be("invalid_argument");
        (await c.GetAsync("/capital/instance_monitor.dspy", ("EcsId", "ins-1"), ("StartTime", "yesterday"))).Code
            .Should().Be("invalid_argument");
        (await c.GetAsync("/capital/ecs_family_info.dspy")).Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/ecs_family_info.dspy", ("AvailableZoneCode", Zone), ("BillingMethod", "9")))
            .Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/describe_disk_quota.dspy")).Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/ecs_list.dspy", ("PageSize", "0"))).Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/sync_image.dspy", ("ImageId", "img-1"))).Code.Should().Be("invalid_argument");
        (await c.GetAsync("/capital/describe_zone_instance_type.dspy", ("AvailableZoneCode", Zone), ("Cpu", "x")))
            .Code.Should().Be("invalid_argument");
        app.Cds.Journal.Count.Should().Be(before);
    }

    [Fact]
    public async Task Vendor_refusals_and_faults_reach_the_client_as_upstream_failed_and_never_as_500()
    {
        await FundAsync();
        var (vpc, subnet) = await NetworkAsync("fault-vpc");
        var sellout = HostParams("sold", vpc, subnet).Select(p => p.Item1 switch
        {
            "Cpu" => (p.Item1, (string?)"16"), "Ram" => (p.Item1, "64"), "Gpu" => (p.Item1, "2"), _ => p,
        }).ToArray();
        var sold = await app.Customer().GetAsync("/capital/create_ecs.dspy", sellout);
        sold.Code.Should().Be("upstream_failed");
        sold.Msg.Should().Contain("该规格已售罄");
        (await RowAsync("sold")).State.Should().Be(OutsideStates.Failed);

        app.Cds.Inject("DescribeRegions", new Fault.HtmlPage());
        app.Cds.Inject("DescribeRegions", new Fault.HtmlPage());
        var html = await app.Customer().GetAsync("/capital/region_az_info.dspy");
        (html.Http, html.Code).Should().Be((200, "upstream_failed"));

        app.Cds.Inject("CreateInstance", new Fault.Delay(TimeSpan.FromSeconds(4)));
        var slow = await app.Customer().GetAsync("/capital/create_ecs.dspy", HostParams("slow", vpc, subnet));
        slow.Code.Should().Be("upstream_failed");
        (await RowAsync("slow")).State.Should().Be(OutsideStates.PendingReconcile);
        await WaitUntilAsync(() => app.Cds.Hosts.Values.Any(h => h.Name == "slow"));
        await app.ReconcileAsync();
        var row = await RowAsync("slow");
        row.State.Should().Be(OutsideStates.Live);
        row.VendorId.Should().Be(app.Cds.Hosts.Values.Single(h => h.Name == "slow").Id);
        app.Cds.CallsOf("CreateInstance").Count(x => x.Json!["Name"]!.ToString() == "slow").Should().Be(1);
    }

    /// <summary>The on-demand hourly list price of <see cref="HostParams"/>: 8 × 0.05 + 32 × 0.02 + 3.5 + 50 × 0.0005.
    /// </summary>
    private const decimal HourPrice = 4.57m;
    /// <summary>The sale price of two such hosts in one order (priced as one order, so not 2 × 4.57).</summary>
    private const decimal TwoHostPrice = 9.13m;

    [Fact]
    public async Task A_host_is_charged_once_at_the_server_price_and_sixteen_parallel_creates_with_one_key_buy_one()
    {
        await FundAsync();
        var (vpc, subnet) = await NetworkAsync("paid-vpc");
        var (balance, bills) = (await BalanceAsync(), await BillsAsync());
        var wrong = await app.Customer().GetAsync("/capital/create_ecs.dspy",
            [.. HostParams("paid-wrong", vpc, subnet), ("amount", "1.00")]);
        (wrong.Code, wrong.Msg).Should().Be(("conflict", "价格已变化,请刷新"));
        app.Cds.Hosts.Values.Should().NotContain(h => h.Name == "paid-wrong");

        (string, string?)[] order = [.. HostParams("paid-16", vpc, subnet), ("amount", "4.57"),
            ("idempotency_key", "ecs-16-" + Guid.NewGuid())];
        var replies = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => app.Customer().GetAsync("/capital/create_ecs.dspy", order)));
        replies.Should().OnlyContain(r => r.Http == 200);
        replies.Where(r => !r.Status).Should().OnlyContain(r => r.Msg == "该请求正在处理中,请稍后查询结果");
        var done = replies.Where(r => r.Status).ToList();
        done.Should().NotBeEmpty();
        done.Select(r => r.Data!["EcsIdSet"]![0]!.GetValue<string>()).Distinct().Should().ContainSingle();
        done[0].Data!["amount"]!.GetValue<decimal>().Should().Be(HourPrice);
        app.Cds.CallsOf("CreateInstance").Count(c => c.Json!["Name"]!.ToString() == "paid-16").Should().Be(1);
        (await BillsAsync()).Should().Be(bills + 1);
        (await BalanceAsync()).Should().Be(balance - HourPrice);

        // the same key later: the stored reply, no second call
        var again = await app.Customer().GetAsync("/capital/create_ecs.dspy", order);
        again.Data!["EcsIdSet"]![0]!.GetValue<string>().Should().Be(done[0].Data!["EcsIdSet"]![0]!.GetValue<string>());
        app.Cds.CallsOf("CreateInstance").Count(c => c.Json!["Name"]!.ToString() == "paid-16").Should().Be(1);
        // the same key for another order: conflict
        var other = order.Select(p => p.Item1 == "Name" ? (p.Item1, "paid-17") : p).ToArray();
        (await app.Customer().GetAsync("/capital/create_ecs.dspy", other)).Msg.Should().Be("幂等键已用于其他请求");

        // a vendor refusal releases the hold: no bill, balance back
        var before = (await BalanceAsync(), await BillsAsync());
        var sellout = HostParams("paid-sold", vpc, subnet).Select(p => p.Item1 switch
        {
            "Cpu" => (p.Item1, (string?)"16"), "Ram" => (p.Item1, "64"), "Gpu" => (p.Item1, "2"), _ => p,
        }).ToArray();
        (await app.Customer().GetAsync("/capital/create_ecs.dspy", sellout)).Code.Should().Be("upstream_failed");
        (await BalanceAsync(), await BillsAsync()).Should().Be(before);

        // more than the balance: refused before CDS is called
        var huge = HostParams("paid-huge", vpc, subnet).Select(p => p.Item1 switch
        {
            "Number" => (p.Item1, (string?)"100"), "BillingMethod" => (p.Item1, "1"), _ => p,
        }).Append(("Duration", "36")).ToArray();
        var poor = await app.Customer().GetAsync("/capital/create_ecs.dspy", huge);
        (poor.Code, poor.Msg).Should().Be(("conflict", "余额不足"));
        app.Cds.Hosts.Values.Should().NotContain(h => h.Name.StartsWith("paid-huge"));
    }

    [Fact]
    public async Task A_create_that_times_out_and_later_shows_up_in_the_instance_list_is_charged_once()
    {
        await FundAsync();
        var (vpc, subnet) = await NetworkAsync("late-vpc");
        var (balance, bills) = (await BalanceAsync(), await BillsAsync());
        var key = "ecs-late-" + Guid.NewGuid();
        (string, string?)[] order = [.. HostParams("late", vpc, subnet), ("idempotency_key", key)];
        app.Cds.Inject("CreateInstance", new Fault.Delay(TimeSpan.FromSeconds(4)));
        var lost = await app.Customer().GetAsync("/capital/create_ecs.dspy", order);
        lost.Code.Should().Be("upstream_failed");
        (await RowAsync("late")).State.Should().Be(OutsideStates.PendingReconcile);
        (await BalanceAsync()).Should().Be(balance - HourPrice, "the price stays held");
        (await BillsAsync()).Should().Be(bills);
        (await app.Customer().GetAsync("/capital/create_ecs.dspy", order)).Msg
            .Should().Be("该请求正在处理中,请稍后查询结果");

        await WaitUntilAsync(() => app.Cds.Hosts.Values.Any(h => h.Name == "late"));
        await app.ReconcileAsync();
        await app.ReconcileAsync();
        (await RowAsync("late")).State.Should().Be(OutsideStates.Live);
        (await BillsAsync()).Should().Be(bills + 1);
        (await BalanceAsync()).Should().Be(balance - HourPrice);
        await app.ReconcileAsync();
        (await BillsAsync()).Should().Be(bills + 1);
        app.Cds.CallsOf("CreateInstance").Count(c => c.Json!["Name"]!.ToString() == "late").Should().Be(1);
        var replay = await app.Customer().GetAsync("/capital/create_ecs.dspy", order);
        replay.Status.Should().BeTrue(replay.Raw);
    }

    [Fact]
    public async Task A_two_host_create_whose_answer_was_lost_ends_with_both_hosts_owned_and_charged_once()
    {
        await FundAsync();
        var (vpc, subnet) = await NetworkAsync("late2-vpc");
        var (balance, bills) = (await BalanceAsync(), await BillsAsync());
        (string, string?)[] order =
            [.. HostParams("late2", vpc, subnet, "2"), ("idempotency_key", "ecs-l2-" + Guid.NewGuid())];
        app.Cds.Inject("CreateInstance", new Fault.Delay(TimeSpan.FromSeconds(4)));
        (await app.Customer().GetAsync("/capital/create_ecs.dspy", order)).Code.Should().Be("upstream_failed");
        (await RowAsync("late2-1")).State.Should().Be(OutsideStates.PendingReconcile);
        await WaitUntilAsync(() => app.Cds.Hosts.Values.Count(h => h.Name.StartsWith("late2-")) == 2);
        // a host of the same account named like a third host of the order is not the customer's
        app.Cds.Hosts["ins-late2-3"] = new FakeCds.Host
        {
            Id = "ins-late2-3", Name = "late2-3", Zone = Zone, Family = "标准型S6", Status = "running",
        };

        await app.ReconcileAsync();
        await app.ReconcileAsync();
        var rows = await app.Factory.WithDbAsync(db => db.CdsResources.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.ResourceType == CdsResourceTypes.Ecs && r.Name.StartsWith("late2-")).OrderBy(r => r.Name)
            .ToListAsync());
        rows.Select(r => (r.Name, r.State, r.OrgId)).Should().Equal(
            ("late2-1", OutsideStates.Live, app.CustomerOrgId), ("late2-2", OutsideStates.Live, app.CustomerOrgId));
        rows.Select(r => r.VendorId).Should().BeEquivalentTo(
            app.Cds.Hosts.Values.Where(h => h.Name is "late2-1" or "late2-2").Select(h => h.Id));
        (await BillsAsync()).Should().Be(bills + 1);
        (await BalanceAsync()).Should().Be(balance - TwoHostPrice);
        var list = await app.Customer().GetAsync("/capital/ecs_list.dspy", ("AvailableZoneCode", Zone),
            ("SearchInfo", "late2-"));
        list.Data!["EcsList"]!.AsArray().Select(h => h!["EcsName"]!.GetValue<string>())
            .Should().BeEquivalentTo("late2-1", "late2-2");
        app.Cds.Hosts.TryRemove("ins-late2-3", out _);
    }

    [Fact]
    public async Task The_task_poller_follows_host_events_refunds_a_failed_host_of_an_order_and_keeps_a_failed_stop()
    {
        await FundAsync();
        var (vpc, subnet) = await NetworkAsync("evt-vpc");
        var (balance, bills) = (await BalanceAsync(), await BillsAsync());
        var created = await app.Customer().GetAsync("/capital/create_ecs.dspy", HostParams("evt", vpc, subnet, "2"));
        created.Status.Should().BeTrue(created.Raw);
        created.Data!["amount"]!.GetValue<decimal>().Should().Be(TwoHostPrice);
        var hosts = created.Data!["EcsIdSet"]!.AsArray().Select(h => h!.GetValue<string>()).ToList();
        (await RowAsync("evt-1")).TaskState.Should().Be(CdsTaskStates.Creating);
        (await RowAsync("evt-2")).TaskState.Should().Be(CdsTaskStates.Creating);
        // the customer changes the second host while its create still runs: the create stays followed
        var reset = await app.Customer().PostAsync("/capital/ecs_reset_password.dspy", ("EcsIds", hosts[1]),
            ("Password", "New#Pass2026"));
        reset.Status.Should().BeTrue(reset.Raw);
        var resetEvent = reset.Data!["EventId"]!.GetValue<string>();
        var second = await RowAsync("evt-2");
        (second.TaskState, second.TaskId, second.CreateTaskId).Should()
            .Be((CdsTaskStates.Creating, resetEvent, created.Data!["EventId"]!.GetValue<string>()));
        app.Cds.FailingTasks[hosts[1]] = true;
        var events = app.Cds.CallsOf("DescribeEvent").Count;
        await app.PollTasksAsync();
        (await RowAsync("evt-1")).TaskState.Should().Be(CdsTaskStates.Creating, "the event is still doing");
        app.Cds.CallsOf("DescribeEvent").Count.Should().Be(events + 1,
            "the hosts of one order share one event, and it (not the later reset) is followed");
        for (var i = 0; i < app.Cds.PollsToFinish; i++) await app.PollTasksAsync();

        var ok = await RowAsync("evt-1");
        (ok.TaskState, ok.State).Should().Be((CdsTaskStates.Done, OutsideStates.Live));
        var failed = await RowAsync("evt-2");
        (failed.TaskState, failed.State).Should().Be((CdsTaskStates.Failed, OutsideStates.Deleted));
        // the share of one of two hosts, rounded up to the fen: 9.13 / 2 → 4.57
        (await BalanceAsync()).Should().Be(balance - TwoHostPrice + 4.57m, "the failed host's share was refunded");
        (await BillsAsync()).Should().Be(bills + 2, "the purchase and one refund");
        await app.PollTasksAsync();
        (await BalanceAsync()).Should().Be(balance - TwoHostPrice + 4.57m, "refunded once");
        (await app.Customer().GetAsync("/capital/describe_event.dspy", ("EventId", resetEvent))).Status
            .Should().BeTrue("the reset is the host's last event");

        // an image's create event ends done and the image stays the customer's
        var image = await app.Customer().GetAsync("/capital/create_image.dspy", ("EcsId", hosts[0]),
            ("Name", "evt-img"));
        image.Status.Should().BeTrue(image.Raw);
        (await RowAsync("evt-img")).TaskState.Should().Be(CdsTaskStates.Creating);
        for (var i = 0; i <= app.Cds.PollsToFinish; i++) await app.PollTasksAsync();
        var img = await RowAsync("evt-img");
        (img.TaskState, img.State).Should().Be((CdsTaskStates.Done, OutsideStates.Live));

        // a power operation that fails on CDS is marked failed; the host stays, nothing is refunded
        app.Cds.Hosts[hosts[0]].Status = "running"; // built (the fake counts the host's own describes)
        var stop = await app.Customer().GetAsync("/capital/operate_ecs.dspy", ("EcsId", hosts[0]),
            ("OpType", "shutdown_ecs"));
        stop.Status.Should().BeTrue(stop.Raw);
        app.Cds.FailingTasks[hosts[0]] = true;
        (await RowAsync("evt-1")).TaskState.Should().Be(CdsTaskStates.Running);
        for (var i = 0; i <= app.Cds.PollsToFinish; i++) await app.PollTasksAsync();
        var stopped = await RowAsync("evt-1");
        (stopped.TaskState, stopped.State).Should().Be((CdsTaskStates.Failed, OutsideStates.Live));
        (await BalanceAsync()).Should().Be(balance - TwoHostPrice + 4.57m);
        (await app.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .CountAsync(a => a.Action == "cds.task.failed" && (a.EntityId == ok.Id || a.EntityId == failed.Id))))
            .Should().Be(2);
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 100 && !done(); i++) await Task.Delay(50);
        done().Should().BeTrue();
    }
}
