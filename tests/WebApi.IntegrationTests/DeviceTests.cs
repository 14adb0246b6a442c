using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>D1–D4 (spec: 38-cpcc-devices.md) and K3 get_cpcidle_device (40-cpcc-clusters.md).</summary>
public sealed class DeviceTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Add = "/dev/cpcc/cpcnode/add_cpcnode.dspy";
    private const string Update = "/dev/cpcc/cpcnode/update_cpcnode.dspy";
    private const string Delete = "/dev/cpcc/cpcnode/delete_cpcnode.dspy";
    private const string List = "/dev/cpcc/cpcnode/get_cpcnode.dspy";
    private const string Idle = "/dev/cpcc/cpcnode/get_cpcidle_device.dspy";

    /// <summary>The spec's D2 request (gpu设备1, 192.168.0.8, ysh / Kyy@123456).</summary>
    internal static (string, string?)[] Fields(string cpcid, string ip = "192.168.0.8", string name = "gpu设备1", string pwd = "Kyy@123456") =>
    [
        ("cpcid", cpcid), ("ip", ip), ("name", name), ("devicetype", "1"), ("sshport", "22"), ("adminuser", "ysh"),
        ("adminpwd", pwd), ("node_status", "0"), ("external_ip", ""), ("cpu_model", "STANDARD"), ("cpu_stock", "32"),
        ("memory_model", "STANDARD"), ("memory_stock", "128"), ("sysdisk_stock", "100"), ("datadisk_stock", "1000"),
        ("gpu_model", "RTX5090-32G"), ("gpu_stock", "8"), ("role", ""), ("enable_date", "2025-05-16"), ("export_date", "2026-06-17"),
    ];

    private static (string, string?)[] With((string, string?)[] form, string key, string? value) =>
        form.Any(f => f.Item1 == key) ? form.Select(f => f.Item1 == key ? (f.Item1, value) : f).ToArray() : [.. form, (key, value)];

    private async Task<string> AddAsync(string cpcid, string ip, string name = "设备")
    {
        var r = await app.Operator().PostAsync(Add, Fields(cpcid, ip, name));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["id"]!.GetValue<string>();
    }

    /// <summary>Puts device <paramref name="id"/> into <paramref name="clusterId"/> as the cluster flows will.</summary>
    private Task OccupyAsync(string id, string clusterId, string role) => app.Factory.WithDbAsync(async db =>
    {
        var d = await db.Devices.SingleAsync(x => x.Id == id);
        d.Occupy(clusterId, role).Ok.Should().BeTrue();
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Add_echoes_the_spec_shape_with_the_password_masked_and_encrypted_at_rest()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var r = await app.Operator().PostAsync(Add, Fields(c.Id));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("新增算力设备成功");
        var d = r.Data!;
        d["adminpwd"]!.GetValue<string>().Should().Be("******");
        d["adminuser"]!.GetValue<string>().Should().Be("ysh");
        d["cpcid"]!.GetValue<string>().Should().Be(c.Id);
        d["devicetype"]!.GetValue<string>().Should().Be("1");
        d["enable_date"]!.GetValue<string>().Should().Be("2025-05-16");
        d["export_date"]!.GetValue<string>().Should().Be("2026-06-17");
        d["ip"]!.GetValue<string>().Should().Be("192.168.0.8");
        d["name"]!.GetValue<string>().Should().Be("gpu设备1");
        d["node_status"]!.GetValue<string>().Should().Be("0");
        d["sshport"]!.GetValue<string>().Should().Be("22");
        var id = d["id"]!.GetValue<string>();
        id.Should().MatchRegex("^[A-Za-z0-9_-]{21}$");
        r.Raw.Should().NotContain("Kyy@123456");
        await app.Factory.WithDbAsync(async db =>
        {
            var stored = await db.Devices.AsNoTracking().SingleAsync(x => x.Id == id);
            stored.AdminPwdProtected.Should().NotContain("Kyy@123456");
            app.Factory.Service<ISecretProtector>().Unprotect(stored.AdminPwdProtected).Should().Be("Kyy@123456");
            stored.ClusterId.Should().BeNull();
            stored.Role.Should().Be("");
            stored.GpuStock.Should().Be(8);
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityId == id && a.Action == "cpcc.device.created")).Should().BeTrue();
        });
    }

    [Fact]
    public async Task List_is_paged_sorted_with_texts_cluster_names_and_masked_passwords()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var worker = await AddAsync(c.Id, "192.168.0.2", "2-虚拟机ubuntu2204");
        var master = await AddAsync(c.Id, "192.168.0.3", "3-虚拟机ubuntu2204");
        await AddAsync(c.Id, "192.168.110.120", "假算力设备");
        await OccupyAsync(worker, c.Chaoyang, "worker");
        await OccupyAsync(master, c.Chaoyang, "master");

        var r = await app.Operator().GetAsync(List, ("cpcid", c.Id));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("获取算力设备成功");
        r.Data!["total"]!.GetValue<int>().Should().Be(3);
        var rows = r.Data["rows"]!.AsArray();
        rows.Select(x => x!["id"]!.GetValue<string>()).Should().BeInAscendingOrder(StringComparer.Ordinal);
        rows.Select(x => x!["row_num_"]!.GetValue<int>()).Should().Equal(1, 2, 3);
        var w = rows.Single(x => x!["id"]!.GetValue<string>() == worker)!.AsObject();
        w.Select(p => p.Key).Should().Contain(["id", "cpcid", "name", "clusterid", "node_status", "ip", "devicetype", "sshport",
            "adminuser", "adminpwd", "enable_date", "export_date", "external_ip", "cpu_model", "cpu_stock", "memory_model",
            "memory_stock", "sysdisk_stock", "datadisk_stock", "gpu_model", "gpu_stock", "role", "node_status_text",
            "devicetype_text", "cluster_name", "row_num_"]);
        w["clusterid"]!.GetValue<string>().Should().Be(c.Chaoyang);
        w["node_status"]!.GetValue<string>().Should().Be("1");
        w["node_status_text"]!.GetValue<string>().Should().Be("占用");
        w["devicetype_text"]!.GetValue<string>().Should().Be("物理机");
        w["role"]!.GetValue<string>().Should().Be("worker");
        w["cluster_name"]!.GetValue<string>().Should().Be("朝阳区");
        w["sshport"]!.GetValue<int>().Should().Be(22);
        w["gpu_stock"]!.GetValue<long>().Should().Be(8);
        w["external_ip"]!.GetValue<string>().Should().Be("未设置");
        w["adminpwd"]!.GetValue<string>().Should().Be("******");
        var fake = rows.Single(x => x!["name"]!.GetValue<string>() == "假算力设备")!;
        fake["node_status_text"]!.GetValue<string>().Should().Be("空闲");
        fake["clusterid"].Should().BeNull();
        fake["role"]!.GetValue<string>().Should().Be("");
        fake["cluster_name"]!.GetValue<string>().Should().Be("");

        var page = await app.Operator().GetAsync(List, ("cpcid", c.Id), ("page", "2"), ("rows", "2"), ("sort", "name desc"));
        page.Data!["total"]!.GetValue<int>().Should().Be(3);
        var p2 = page.Data["rows"]!.AsArray().Single()!;
        p2["name"]!.GetValue<string>().Should().Be("2-虚拟机ubuntu2204"); // 假 > 3- > 2- descending
        p2["row_num_"]!.GetValue<int>().Should().Be(3);
    }

    [Theory]
    [InlineData("page", "0")]
    [InlineData("rows", "abc")]
    [InlineData("sort", "adminpwd")]
    public async Task List_rejects_bad_paging(string key, string value)
    {
        var r = await app.Operator().GetAsync(List, ("cpcid", DemoData.CenterId), (key, value));
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task List_and_idle_need_a_known_centre()
    {
        var missing = await app.Operator().GetAsync(List);
        missing.Status.Should().BeFalse();
        missing.Msg.Should().Be("无算力中心ID");
        (await app.Operator().GetAsync(List, ("cpcid", "nope"))).Msg.Should().Be("算力中心不存在");
        (await app.Operator().GetAsync(Idle)).Msg.Should().Be("无算力中心ID");
        (await app.Operator().GetAsync(Idle, ("cpcid", "nope"))).Msg.Should().Be("算力中心不存在");
    }

    [Fact]
    public async Task Idle_lists_only_idle_devices_as_a_plain_array()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var idle = await AddAsync(c.Id, "192.168.0.8", "gpu设备1");
        var busy = await AddAsync(c.Id, "192.168.0.9", "busy");
        await OccupyAsync(busy, c.Tongzhou, "master");
        var r = await app.Operator().GetAsync(Idle, ("cpcid", c.Id));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("获取空闲设备成功");
        var items = r.Data!.AsArray();
        items.Should().ContainSingle();
        var d = items[0]!.AsObject();
        d.Select(p => p.Key).Should().Equal("id", "name", "clusterid", "node_status", "ip", "devicetype", "sshport", "adminuser",
            "adminpwd", "cpcid", "enable_date", "export_date");
        d["id"]!.GetValue<string>().Should().Be(idle);
        d["clusterid"].Should().BeNull();
        d["node_status"]!.GetValue<string>().Should().Be("0");
        d["sshport"]!.GetValue<int>().Should().Be(22);
        d["adminpwd"]!.GetValue<string>().Should().Be("******");
        d["export_date"]!.GetValue<string>().Should().Be("2026-06-17");
    }

    [Fact]
    public async Task Update_keeps_a_masked_password_refuses_state_changes_and_keeps_the_legacy_message()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var id = await AddAsync(c.Id, "192.168.0.8");
        var form = With(With(Fields(c.Id, name: "gpu设备122cccc", pwd: "******"), "id", id), "sshport", "2222");
        var r = await app.Operator().PostAsync(Update, form);
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("更新算力中心成功"); // verbatim legacy message (analysis §6.2 #9)
        r.Data!["name"]!.GetValue<string>().Should().Be("gpu设备122cccc");
        r.Data["sshport"]!.GetValue<string>().Should().Be("2222");
        r.Data["adminpwd"]!.GetValue<string>().Should().Be("******");
        string Stored() { var v = ""; app.Factory.WithDbAsync(async db => v = (await db.Devices.AsNoTracking().SingleAsync(x => x.Id == id)).AdminPwdProtected).GetAwaiter().GetResult(); return app.Factory.Service<ISecretProtector>().Unprotect(v); }
        Stored().Should().Be("Kyy@123456");
        (await app.Operator().PostAsync(Update, With(Fields(c.Id, pwd: "New-Pw-1"), "id", id))).Status.Should().BeTrue();
        Stored().Should().Be("New-Pw-1");

        var occupy = await app.Operator().PostAsync(Update, With(With(Fields(c.Id), "id", id), "node_status", "1"));
        occupy.Status.Should().BeFalse();
        occupy.Code.Should().Be("conflict");
        occupy.Msg.Should().Be("算力设备的占用状态和集群角色由集群操作维护,不能直接修改");
        (await app.Operator().PostAsync(Update, With(With(Fields(c.Id), "id", id), "role", "master"))).Msg
            .Should().Be("算力设备的占用状态和集群角色由集群操作维护,不能直接修改");

        await AddAsync(c.Id, "192.168.0.50");
        var dupIp = await app.Operator().PostAsync(Update, With(Fields(c.Id, "192.168.0.50"), "id", id));
        dupIp.Msg.Should().Be("该算力中心下已存在相同IP的算力设备");
        (await app.Operator().PostAsync(Update, Fields(c.Id))).Msg.Should().Be("缺少必要参数: id");
        (await app.Operator().PostAsync(Update, With(Fields(c.Id), "id", "nope"))).Msg.Should().Be("算力设备不存在");
        (await app.Operator().PostAsync(Update, With(Fields("nope"), "id", id))).Msg.Should().Be("算力中心不存在");
        (await app.OtherOperator().PostAsync(Update, With(Fields(c.Id), "id", id))).Http.Should().Be(403);
    }

    [Fact]
    public async Task Occupied_device_keeps_its_state_on_update()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var id = await AddAsync(c.Id, "192.168.0.3");
        await OccupyAsync(id, c.Chaoyang, "master");
        var r = await app.Operator().PostAsync(Update, With(With(With(Fields(c.Id, "192.168.0.3", "改名"), "id", id), "node_status", "1"), "role", "master"));
        r.Status.Should().BeTrue(r.Raw);
        r.Data!["node_status"]!.GetValue<string>().Should().Be("1");
        r.Data["role"]!.GetValue<string>().Should().Be("master");
        (await app.Operator().PostAsync(Update, With(Fields(c.Id, "192.168.0.3"), "id", id))).Code.Should().Be("conflict"); // role "" would release it
    }

    [Theory]
    [InlineData("ip", "", "缺少必要参数: ip")]
    [InlineData("ip", "not an ip!", "ip 格式错误")]
    [InlineData("name", "", "缺少必要参数: name")]
    [InlineData("devicetype", "2", "devicetype 取值无效,可选: 0/1")]
    [InlineData("sshport", "70000", "sshport 必须是 1-65535 之间的整数")]
    [InlineData("sshport", "abc", "sshport 必须是 1-65535 之间的整数")]
    [InlineData("adminuser", "", "缺少必要参数: adminuser")]
    [InlineData("adminpwd", "", "缺少必要参数: adminpwd")]
    [InlineData("cpu_stock", "-1", "cpu_stock 必须是不小于 0 的整数")]
    [InlineData("gpu_stock", "x", "gpu_stock 必须是不小于 0 的整数")]
    [InlineData("enable_date", "2025/05/16", "enable_date 日期格式应为 yyyy-MM-dd")]
    [InlineData("export_date", "2020-01-01", "停用日期不能早于启用日期")]
    [InlineData("node_status", "1", "新增的算力设备必须是空闲状态(node_status 为 0,role 为空),集群角色由建集群/加节点操作设置")]
    [InlineData("role", "worker", "新增的算力设备必须是空闲状态(node_status 为 0,role 为空),集群角色由建集群/加节点操作设置")]
    [InlineData("role", "boss", "role 取值无效,可选: master/worker")]
    [InlineData("cpcid", "", "无算力中心ID")]
    public async Task Add_rejects_bad_input(string field, string value, string msg)
    {
        var r = await app.Operator().PostAsync(Add, With(Fields(DemoData.CenterId, "10.9.9.9"), field, value));
        r.Http.Should().Be(200);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("invalid_argument");
        r.Body["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>())).Should().Contain(msg);
    }

    [Fact]
    public async Task Add_refuses_a_duplicate_ip_in_the_centre_but_not_in_another()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var other = await Seed.CenterAsync(app.Factory, withWidgets: false);
        await AddAsync(c.Id, "10.0.0.1");
        var dup = await app.Operator().PostAsync(Add, Fields(c.Id, "10.0.0.1"));
        dup.Status.Should().BeFalse();
        dup.Code.Should().Be("conflict");
        dup.Msg.Should().Be("该算力中心下已存在相同IP的算力设备");
        (await app.Operator().PostAsync(Add, Fields(other.Id, "10.0.0.1"))).Status.Should().BeTrue();
    }

    [Fact]
    public async Task Parallel_adds_of_one_ip_store_exactly_one_device()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => app.Operator().PostAsync(Add, Fields(c.Id, "10.3.0.1", $"并发{i}"))));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(1);
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Msg == "该算力中心下已存在相同IP的算力设备");
    }

    [Fact]
    public async Task Delete_refuses_devices_in_a_cluster_and_hides_deleted_ones()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var busy = await AddAsync(c.Id, "10.1.0.1");
        await OccupyAsync(busy, c.Chaoyang, "worker");
        var refused = await app.Operator().PostAsync(Delete, ("id", busy));
        refused.Status.Should().BeFalse();
        refused.Code.Should().Be("conflict");
        refused.Msg.Should().Be("该算力设备已被集群占用,无法删除");

        var id = await AddAsync(c.Id, "10.1.0.2");
        (await app.OtherOperator().PostAsync(Delete, ("id", id))).Http.Should().Be(403);
        var r = await app.Operator().PostAsync(Delete, ("id", id));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("删除算力设备成功");
        r.Data!.ToJsonString().Should().Be($$"""{"id":"{{id}}"}""");
        (await app.Operator().PostAsync(Delete, ("id", id))).Msg.Should().Be("算力设备不存在");
        (await app.Operator().PostAsync(Delete)).Msg.Should().Be("缺少必要参数: id");
        var list = await app.Operator().GetAsync(List, ("cpcid", c.Id));
        list.Data!["rows"]!.AsArray().Should().NotContain(x => x!["id"]!.GetValue<string>() == id);
        (await app.Operator().PostAsync(Add, Fields(c.Id, "10.1.0.2"))).Status.Should().BeTrue("a deleted device's IP is free again");
        await app.Factory.WithDbAsync(async db =>
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityId == id && a.Action == "cpcc.device.deleted")).Should().BeTrue());
    }

    [Fact]
    public async Task Roles_and_centre_scope_are_enforced()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        foreach (var (path, get) in new[] { (List, true), (Idle, true), (Add, false), (Update, false), (Delete, false) })
        {
            var anon = get ? await app.Anonymous().GetAsync(path, ("cpcid", c.Id)) : await app.Anonymous().PostAsync(path, ("cpcid", c.Id));
            anon.Http.Should().Be(401, path);
            anon.Status.Should().BeFalse();
            var cust = get ? await app.Customer().GetAsync(path, ("cpcid", c.Id)) : await app.Customer().PostAsync(path, ("cpcid", c.Id));
            cust.Http.Should().Be(403, path);
        }
        var foreign = await app.OtherOperator().GetAsync(List, ("cpcid", c.Id));
        foreign.Http.Should().Be(403);
        foreign.Msg.Should().Be("无权操作该算力中心");
        (await app.OtherOperator().GetAsync(Idle, ("cpcid", c.Id))).Http.Should().Be(403);
        (await app.OtherOperator().PostAsync(Add, Fields(c.Id, "10.2.0.1"))).Http.Should().Be(403);
        (await app.Admin().GetAsync(List, ("cpcid", c.Id))).Status.Should().BeTrue();
    }
}
