using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kboss.Application.Cpcc.Boards;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>pcapi P1, P5, P6, P7, P8 (spec: 36-cpcc-pcapi.md; analysis/cpcc.md §3.H) against a fake Kubernetes API.</summary>
public sealed class PcapiTests(AppFixture app, FakeKubeApi kube) : IClassFixture<AppFixture>, IClassFixture<FakeKubeApi>
{
    private const string Base = "/pcapi/api/v1/cluster/common/";
    private const string Worker = "k8s-worker-20250408132243";
    private static readonly DateTime NodeCreated = new(2025, 4, 8, 5, 22, 43, DateTimeKind.Utc);

    private Api Client(string user, string password)
    {
        var api = new Api(app.Factory.CreateClient());
        api.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return api;
    }

    private static (string, string?)[] Ssh(LiveCenter c, params (string, string?)[] extra) =>
        [("host", c.Host), ("port", "22"), ("user", LiveClusterSeed.SshUser), ("psssword", LiveClusterSeed.SshPassword), .. extra];

    private static string Info(Response r) => r.Body["info"]!.GetValue<string>();

    private async Task<(LiveCenter C, Api Api)> SetupAsync()
    {
        kube.Seed();
        var c = await LiveClusterSeed.CenterAsync(app.Factory, kube);
        return (c, Client(c.ApiUser, LiveClusterSeed.ApiPassword));
    }

    [Fact]
    public async Task Get_cluster_nodes_lists_kubectl_style_rows()
    {
        var (c, api) = await SetupAsync();
        var r = await api.GetAsync(Base + "get_cluster_nodes", Ssh(c));
        r.Http.Should().Be(200);
        r.Body.Select(p => p.Key).Should().Equal("status", "info", "data");
        (r.Status, Info(r)).Should().Be((true, "operate success"));
        r.Data!["total"]!.GetValue<int>().Should().Be(2);
        var age = KubeFormat.Age(NodeCreated, DateTime.UtcNow);
        r.Data["rows"]!.ToJsonString().Should().Be(new JsonArray(
            new JsonObject
            {
                ["node_name"] = "k8s-master", ["node_status"] = "Ready", ["node_role"] = "control-plane", ["node_age"] = age, ["node_version"] = "v1.28.2",
                ["node_internalip"] = "192.168.0.3", ["node_externalip"] = "", ["node_osversion"] = "Ubuntu 22.04.1 LTS",
                ["node_kernelversion"] = "5.15.0-91-generic", ["node_containeruntime"] = "containerd://1.7.24",
            },
            new JsonObject
            {
                ["node_name"] = Worker, ["node_status"] = "Ready", ["node_role"] = "", ["node_age"] = age, ["node_version"] = "v1.28.2",
                ["node_internalip"] = "192.168.0.2", ["node_externalip"] = "", ["node_osversion"] = "Ubuntu 22.04.1 LTS",
                ["node_kernelversion"] = "5.15.0-91-generic", ["node_containeruntime"] = "containerd://1.7.24",
            }).ToJsonString());
        (await api.PostAsync(Base + "get_cluster_nodes", Ssh(c))).Status.Should().BeTrue("a documented GET also answers POST");
    }

    [Fact]
    public async Task Get_cluster_pods_lists_every_namespace()
    {
        var (c, api) = await SetupAsync();
        var r = await api.GetAsync(Base + "get_cluster_pods", Ssh(c));
        (r.Status, Info(r)).Should().Be((true, "operate success"));
        var rows = r.Data!["rows"]!.AsArray();
        r.Data["total"]!.GetValue<int>().Should().Be(rows.Count).And.Be(2);
        rows.Select(x => x!["pod_namespace"]!.GetValue<string>()).Should().Equal(FakeKubeApi.Namespace, "kube-system");
        var pod = rows[0]!.AsObject();
        pod.Select(p => p.Key).Should().Equal("pod_namespace", "pod_name", "pod_ready", "pod_running", "pod_restart", "pod_age", "pod_ip",
            "pod_node", "pod_nominated_node", "pod_readiness_gates");
        (pod["pod_name"]!.GetValue<string>(), pod["pod_ready"]!.GetValue<string>(), pod["pod_running"]!.GetValue<string>(), pod["pod_restart"]!.GetValue<string>())
            .Should().Be(("q2aodptfquogblu5nzblt-statefulset-0", "1/1", "Running", "1"));
        (pod["pod_ip"]!.GetValue<string>(), pod["pod_node"]!.GetValue<string>(), pod["pod_nominated_node"]!.GetValue<string>(), pod["pod_readiness_gates"]!.GetValue<string>())
            .Should().Be(("10.244.5.36", Worker, "", ""));
    }

    [Fact]
    public async Task Basic_auth_is_checked_against_the_centres_api_credentials()
    {
        var (c, _) = await SetupAsync();
        foreach (var api in new[] { new Api(app.Factory.CreateClient()), Client(c.ApiUser, "wrong"), Client("nobody", LiveClusterSeed.ApiPassword), Client("", "") })
        {
            var m = await api.Http.GetAsync(Base + "get_cluster_nodes?host=" + c.Host);
            ((int)m.StatusCode).Should().Be(401);
            m.Headers.WwwAuthenticate.ToString().Should().StartWith("Basic");
            var r = await Response.ReadAsync(m);
            r.Raw.Should().Be("""{"status":false,"info":"认证失败: 请使用算力中心的接口账号和密码进行 Basic 认证 (pcapi)","data":"","code":"unauthenticated"}""");
        }
        var garbage = new Api(app.Factory.CreateClient());
        garbage.Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic %%%not-base64");
        (await garbage.GetAsync(Base + "get_cluster_nodes", Ssh(c))).Http.Should().Be(401);
        var bearer = new Api(app.Factory.CreateClient()).WithToken(app.AdminToken);
        (await bearer.GetAsync(Base + "get_cluster_nodes", Ssh(c))).Http.Should().Be(401, "a kboss login is not a pcapi credential");
    }

    [Fact]
    public async Task Guessing_the_controllers_ssh_password_is_throttled_like_a_sign_in()
    {
        var (c, api) = await SetupAsync();
        var answers = new List<string?>();
        for (var i = 0; i < 8; i++)
            answers.Add((await api.GetAsync(Base + "get_cluster_nodes", ("host", c.Host), ("port", "22"),
                ("user", LiveClusterSeed.SshUser), ("psssword", "guess" + i))).Code);
        answers.Take(5).Should().OnlyContain(code => code == "invalid_credentials", "five free failures (ADR 0018)");
        answers.Skip(5).Should().Contain("too_many_attempts");
        var right = await api.GetAsync(Base + "get_cluster_nodes", Ssh(c));
        right.Code.Should().Be("too_many_attempts", "even the right password waits while the account is throttled");
    }

    [Fact]
    public async Task Unknown_hosts_wrong_ssh_accounts_and_upstream_failures_are_status_false()
    {
        var (c, api) = await SetupAsync();
        var unknown = await api.GetAsync(Base + "get_cluster_nodes", ("host", "10.255.255.254"), ("port", "22"), ("user", "root"), ("psssword", "x"));
        (unknown.Http, unknown.Status, unknown.Code, Info(unknown)).Should().Be((200, false, "not_found", "operate failed: 未找到控制节点为 10.255.255.254 的算力集群"));
        unknown.Data!.GetValue<string>().Should().Be("");

        var other = await LiveClusterSeed.CenterAsync(app.Factory, kube);
        (await api.GetAsync(Base + "get_cluster_nodes", Ssh(other))).Code.Should().Be("not_found", "another centre's cluster is not reachable with these credentials");

        var wrongSsh = await api.GetAsync(Base + "get_cluster_pods", ("host", c.Host), ("port", "22"), ("user", "root"), ("psssword", "wrong"));
        (wrongSsh.Status, wrongSsh.Code, Info(wrongSsh)).Should().Be((false, "invalid_credentials", "operate failed: SSH 登录失败: 端口、账号或密码与控制节点不符"));
        (await api.GetAsync(Base + "get_cluster_pods", ("host", c.Host), ("port", "2222"), ("user", "root"), ("psssword", LiveClusterSeed.SshPassword))).Code.Should().Be("invalid_credentials");

        kube.FailWith500 = true;
        try
        {
            var r = await api.GetAsync(Base + "get_cluster_pods", Ssh(c));
            (r.Http, r.Status, r.Code, Info(r)).Should().Be((200, false, "upstream_failed", "operate failed: 列出资源实例失败: 集群 API 返回 500"));
            r.Data!.GetValue<string>().Should().Be("");
        }
        finally
        {
            kube.FailWith500 = false;
        }

        await LiveClusterSeed.SetAsync(app.Factory, c.Center.Chaoyang, kubeconfig: "");
        var none = await api.GetAsync(Base + "get_cluster_nodes", Ssh(c));
        (none.Code, Info(none)).Should().Be(("not_configured", "operate failed: " + LiveCluster.NoKubeconfig));
    }

    [Theory]
    [InlineData("get_cluster_pods", "port", "abc", "port")]
    [InlineData("get_cluster_nodes", "port", "70000", "port")]
    [InlineData("get_cluster_nodes", "host", "", "host")]
    [InlineData("get_cluster_nodes", "psssword", "", "psssword")]
    [InlineData("node_label_opt", "opt", "bind", "opt")]
    [InlineData("node_label_opt", "label", "kyy-gpu", "label")]
    [InlineData("node_label_opt", "worker_node", "", "worker_node")]
    [InlineData("delete_cluster_node", "force", "maybe", "force")]
    [InlineData("delete_cluster_node", "node_name", "", "node_name")]
    [InlineData("node_state_switch", "state", "pause", "state")]
    [InlineData("node_state_switch", "darin", "x", "darin")]
    [InlineData("node_state_switch", "node_name", "", "node_name")]
    public async Task Bad_input_is_invalid_argument_in_the_pcapi_envelope(string endpoint, string field, string value, string param)
    {
        var (c, api) = await SetupAsync();
        (string, string?)[] form = [.. Ssh(c), ("worker_node", Worker), ("label", "kyy-gpu=true"), ("opt", "label"), ("node_name", Worker), ("force", "false"), ("state", "cordon"), ("darin", "false")];
        var r = await api.PostAsync(Base + endpoint, form.Select(f => f.Item1 == field ? (f.Item1, (string?)value) : f).ToArray());
        (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"));
        r.Body.ContainsKey("msg").Should().BeFalse();
        Info(r).Should().NotBeEmpty();
        r.Body["errors"]!.AsObject().ContainsKey(param).Should().BeTrue(r.Raw);
    }

    [Fact]
    public async Task Node_label_opt_binds_and_unbinds()
    {
        var (c, api) = await SetupAsync();
        var r = await api.PostAsync(Base + "node_label_opt", Ssh(c, ("worker_node", Worker), ("label", "kyy-gpu=true"), ("opt", "label")));
        r.Raw.Should().Be("""{"status":true,"info":"节点绑定标签成功","data":{}}""");
        kube.Nodes[Worker]["metadata"]!["labels"]!["kyy-gpu"]!.GetValue<string>().Should().Be("true");
        var un = await api.PostAsync(Base + "node_label_opt", Ssh(c, ("worker_node", Worker), ("label", "kyy-gpu"), ("opt", "unlabel")));
        (un.Status, Info(un)).Should().Be((true, "节点解绑标签成功"));
        kube.Nodes[Worker]["metadata"]!["labels"]!.AsObject().ContainsKey("kyy-gpu").Should().BeFalse();

        var ghost = await api.PostAsync(Base + "node_label_opt", Ssh(c, ("worker_node", "ghost"), ("label", "kyy-gpu=true"), ("opt", "label")));
        (ghost.Status, ghost.Code, Info(ghost)).Should().Be((false, "not_found", "节点绑定标签失败: 设置节点 ghost 的标签失败: 对象不存在"));
        ghost.Data!.ToJsonString().Should().Be("{}");
        await app.Factory.WithDbAsync(async db =>
            (await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == c.Center.Chaoyang).Select(a => a.Action).ToListAsync())
                .Should().Contain(["pcapi.node.labeled", "pcapi.node.unlabeled"]));
    }

    [Fact]
    public async Task Node_state_switch_cordons_drains_and_uncordons()
    {
        var (c, api) = await SetupAsync();
        var r = await api.PostAsync(Base + "node_state_switch", Ssh(c, ("state", "cordon"), ("node_name", Worker)));
        r.Raw.Should().Be("""{"status":true,"info":"switch node success","data":{"state":"cordon","drain":false}}""");
        kube.Nodes[Worker]["spec"]!["unschedulable"]!.GetValue<bool>().Should().BeTrue();

        var un = await api.PostAsync(Base + "node_state_switch", Ssh(c, ("state", "uncordon"), ("darin", "true"), ("node_name", Worker)));
        un.Data!.ToJsonString().Should().Be("""{"state":"uncordon","drain":false}""");
        kube.Nodes[Worker]["spec"]!["unschedulable"]!.GetValue<bool>().Should().BeFalse();

        var evictions = kube.Calls.Count(x => x.Path.EndsWith("/eviction"));
        var drain = await api.PostAsync(Base + "node_state_switch", Ssh(c, ("state", "cordon"), ("darin", "true"), ("node_name", Worker)));
        drain.Data!.ToJsonString().Should().Be("""{"state":"cordon","drain":true}""");
        kube.Calls.Count(x => x.Path.EndsWith("/eviction")).Should().Be(evictions + 1, "the StatefulSet pod is evicted, the DaemonSet pod stays");

        var ghost = await api.PostAsync(Base + "node_state_switch", Ssh(c, ("state", "cordon"), ("node_name", "ghost")));
        (ghost.Status, ghost.Code).Should().Be((false, "not_found"));
        Info(ghost).Should().StartWith("switch node failed: ");
        ghost.Data!.ToJsonString().Should().Be("""{"state":"cordon","drain":false}""");
        kube.Seed();
    }

    [Fact]
    public async Task Delete_cluster_node_refuses_busy_and_control_plane_nodes_and_forces_with_a_drain()
    {
        var (c, api) = await SetupAsync();
        var busy = await api.PostAsync(Base + "delete_cluster_node", Ssh(c, ("node_name", Worker)));
        (busy.Status, busy.Code).Should().Be((false, "conflict"));
        Info(busy).Should().Be("delete node failed: 节点上仍有资源实例在运行,请使用 force=true 强制删除(先驱逐再删除)");
        busy.Data!.ToJsonString().Should().Be($$"""{"node_name":"{{Worker}}","force":false}""");

        var master = await api.PostAsync(Base + "delete_cluster_node", Ssh(c, ("node_name", "k8s-master"), ("force", "true")));
        (master.Status, Info(master)).Should().Be((false, "delete node failed: 不能删除控制节点"));
        var ghost = await api.PostAsync(Base + "delete_cluster_node", Ssh(c, ("node_name", "ghost")));
        (ghost.Code, Info(ghost)).Should().Be(("not_found", "delete node failed: 节点 ghost 不存在"));

        var r = await api.PostAsync(Base + "delete_cluster_node", Ssh(c, ("node_name", Worker), ("force", "true")));
        r.Raw.Should().Be($$$"""{"status":true,"info":"delete node success","data":{"node_name":"{{{Worker}}}","force":true}}""");
        kube.Nodes.Keys.Should().Equal("k8s-master");
        await app.Factory.WithDbAsync(async db =>
            (await db.AuditEntries.AsNoTracking().AnyAsync(a => a.EntityId == c.Center.Chaoyang && a.Action == "pcapi.node.deleted")).Should().BeTrue());
        kube.Seed();
    }
}
