using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Kboss.Application.Cpcc.Executor;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Provisioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// A local stand-in for a centre's remote pcapi (analysis/cpcc.md §5.4): Basic auth <c>ysh</c>/<c>Kyy@123456</c>, the
/// documented routes and envelopes, every call recorded with its exact query parameters.
/// </summary>
public sealed class FakePcapi : IAsyncLifetime
{
    public sealed record Call(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? Authorization, string Body);
    public ConcurrentQueue<Call> Calls { get; } = new();
    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}";
    /// <summary>Hosts whose installs fail (<c>operate failed</c>).</summary>
    public ConcurrentDictionary<string, bool> FailingHosts { get; } = new();
    public TimeSpan Delay { get; set; }
    public string? RawAnswer { get; set; }
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); Port = ((IPEndPoint)l.LocalEndpoint).Port; }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Url);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (ctx, next) =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            Calls.Enqueue(new Call(ctx.Request.Method, ctx.Request.Path, ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
                ctx.Request.Headers.Authorization, body));
            if (ctx.Request.Headers.Authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ysh:Kyy@123456")))
            {
                ctx.Response.StatusCode = 401;
                await ctx.Response.WriteAsync("Unauthorized");
                return;
            }
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, ctx.RequestAborted);
            if (RawAnswer is not null) { await ctx.Response.WriteAsync(RawAnswer); return; }
            await next();
        });
        const string prefix = "/pcapi/api/v1/cluster/common/";
        _app.MapPost(prefix + "new_cluster", (HttpRequest r) =>
        {
            var host = r.Query["host"].ToString();
            if (FailingHosts.ContainsKey(host)) return Results.Json(new JsonObject { ["status"] = false, ["info"] = "operate failed", ["data"] = "" });
            var data = $"kubeadm join {host}:6443 --token nt80u6.gzpj9dxsrw79270c --discovery-token-ca-cert-hash sha256:{new string('a', 64)} \n apiVersion: v1\nclusters:\n- cluster:\n    server: https://{host}:6443\n  name: kubernetes\n";
            return Results.Json(new JsonObject { ["status"] = true, ["info"] = "operate success", ["data"] = data });
        });
        _app.MapPost(prefix + "new_worker", (HttpRequest r) => FailingHosts.ContainsKey(r.Query["host"].ToString())
            ? Results.Json(new JsonObject { ["status"] = false, ["info"] = "operate failed", ["data"] = "" })
            : Results.Json(new JsonObject { ["status"] = true, ["info"] = "operate success", ["data"] = "" }));
        _app.MapGet(prefix + "get_cluster_nodes", () => Results.Json(JsonNode.Parse("""
            {"status": true, "info": "operate success", "data": {"total": 2, "rows": [
              {"node_name": "k8s-master", "node_status": "Ready", "node_role": "control-plane", "node_internalip": "192.168.0.3"},
              {"node_name": "k8s-worker-20250408132243", "node_status": "Ready", "node_role": "", "node_internalip": "192.168.0.2"}]}}
            """)));
        _app.MapPost(prefix + "delete_cluster_node", (HttpRequest r) => Results.Json(new JsonObject
        {
            ["status"] = true, ["info"] = "delete node success",
            ["data"] = new JsonObject { ["node_name"] = r.Query["node_name"].ToString(), ["force"] = r.Query["force"] == "true" },
        }));
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

/// <summary>The remote pcapi adapter against <see cref="FakePcapi"/>: exact parameters, Basic auth, envelopes, failures.</summary>
public sealed class PcapiProvisionerTests(FakePcapi pcapi) : IClassFixture<FakePcapi>
{
    private static readonly PlainProtector Secrets = new();

    private PcapiClusterProvisioner Client(TimeSpan? timeout = null) => new(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, Secrets,
        new ProvisioningTimeouts { ControlPlane = timeout ?? TimeSpan.FromSeconds(30), Worker = timeout ?? TimeSpan.FromSeconds(30), Remove = TimeSpan.FromSeconds(30) },
        NullLogger<PcapiClusterProvisioner>.Instance);

    private ComputeCenter Center(string password = "Kyy@123456") => new()
    {
        Name = "测试pcapi", PcapiUrl = pcapi.Url + "/", ApiUser = "ysh", ApiPwdProtected = Secrets.Protect(password),
    };

    private static SshTarget Device(string host = "192.168.0.3") => new(host, 22, "root", Secrets.Protect("ssh&pw=1"));

    private FakePcapi.Call Last(string operation) => pcapi.Calls.Last(c => c.Path.EndsWith(operation, StringComparison.Ordinal));

    [Fact]
    public async Task New_cluster_sends_the_documented_parameters_with_basic_auth_and_splits_the_data()
    {
        var log = new RecordingLog();
        var r = await Client().CreateControlPlaneAsync(Center(), Device("10.1.2.3"), log, default);
        r.Status.Should().BeTrue(r.Info);
        r.Info.Should().Be("operate success");
        r.Data!.JoinCommand.Should().Be($"kubeadm join 10.1.2.3:6443 --token nt80u6.gzpj9dxsrw79270c --discovery-token-ca-cert-hash sha256:{new string('a', 64)}");
        r.Data.Kubeconfig.Should().StartWith("apiVersion: v1\nclusters:").And.Contain("server: https://10.1.2.3:6443");
        var call = Last("new_cluster");
        call.Method.Should().Be("POST");
        call.Path.Should().Be("/pcapi/api/v1/cluster/common/new_cluster");
        call.Query.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["cluster_type"] = "kubernetes", ["host"] = "10.1.2.3", ["port"] = "22", ["user"] = "root", ["psssword"] = "ssh&pw=1", ["role"] = "master",
        });
        call.Authorization.Should().Be("Basic eXNoOkt5eUAxMjM0NTY="); // the doc's example: ysh / Kyy@123456
        log.Text.Should().NotContain("ssh&pw=1").And.NotContain("nt80u6");
    }

    [Fact]
    public async Task New_worker_sends_the_join_command_and_role_worker()
    {
        const string join = "kubeadm join 192.168.0.3:6443 --token nt80u6.gzpj9dxsrw79270c --discovery-token-ca-cert-hash sha256:7b";
        var r = await Client().JoinWorkerAsync(Center(), Device("192.168.0.2"), join, new RecordingLog(), default);
        r.Status.Should().BeTrue();
        var call = Last("new_worker");
        call.Query.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["cluster_type"] = "kubernetes", ["host"] = "192.168.0.2", ["port"] = "22", ["user"] = "root", ["psssword"] = "ssh&pw=1",
            ["role"] = "worker", ["join_command"] = join,
        });
    }

    [Fact]
    public async Task Failures_are_results_rejected_unauthorized_bad_response_timeout_transport()
    {
        pcapi.FailingHosts["10.9.9.9"] = true;
        var rejected = await Client().CreateControlPlaneAsync(Center(), Device("10.9.9.9"), new RecordingLog(), default);
        rejected.Should().BeEquivalentTo(new ExecutorResult<ControlPlaneInfo>(false, "operate failed", null, ExecutorFailure.Rejected));
        (await Client().JoinWorkerAsync(Center(), Device("10.9.9.9"), "kubeadm join x", new RecordingLog(), default)).Failure.Should().Be(ExecutorFailure.Rejected);

        var unauthorized = await Client().CreateControlPlaneAsync(Center("wrong"), Device(), new RecordingLog(), default);
        unauthorized.Failure.Should().Be(ExecutorFailure.Unauthorized);
        unauthorized.Info.Should().Be("算力中心服务拒绝了API账号或密码");

        var center = Center();
        center.PcapiUrl = $"http://127.0.0.1:{SshServerFixture.FreePort()}";
        (await Client().CreateControlPlaneAsync(center, Device(), new RecordingLog(), default)).Failure.Should().Be(ExecutorFailure.Transport);
    }

    [Fact]
    public async Task Odd_answers_and_slow_answers_are_reported()
    {
        var fake = new FakePcapi();
        await fake.InitializeAsync();
        try
        {
            var center = Center();
            center.PcapiUrl = fake.Url;
            fake.RawAnswer = "<html>proxy error</html>";
            (await Client().CreateControlPlaneAsync(center, Device(), new RecordingLog(), default)).Failure.Should().Be(ExecutorFailure.BadResponse);
            fake.RawAnswer = """{"status": true, "info": "operate success", "data": "no newline here"}""";
            (await Client().CreateControlPlaneAsync(center, Device(), new RecordingLog(), default)).Failure.Should().Be(ExecutorFailure.BadResponse);
            fake.RawAnswer = null;
            fake.Delay = TimeSpan.FromSeconds(10);
            var slow = await Client(TimeSpan.FromSeconds(1)).CreateControlPlaneAsync(center, Device(), new RecordingLog(), default);
            slow.Failure.Should().Be(ExecutorFailure.Timeout);
            slow.Info.Should().Contain("半安装");
        }
        finally { await fake.DisposeAsync(); }
    }

    [Fact]
    public async Task Remove_node_maps_the_device_ip_to_the_node_name_then_deletes_it()
    {
        var r = await Client().RemoveNodeAsync(Center(), Device("192.168.0.3"), Device("192.168.0.2"), force: true, new RecordingLog(), default);
        r.Status.Should().BeTrue(r.Info);
        r.Data.Should().Be("k8s-worker-20250408132243");
        Last("get_cluster_nodes").Method.Should().Be("GET");
        Last("get_cluster_nodes").Query.Should().ContainKeys("host", "port", "user", "psssword").And.NotContainKey("cluster_type");
        var delete = Last("delete_cluster_node");
        delete.Query["node_name"].Should().Be("k8s-worker-20250408132243");
        delete.Query["force"].Should().Be("true");
        delete.Query["host"].Should().Be("192.168.0.3");
        var unknown = await Client().RemoveNodeAsync(Center(), Device("192.168.0.3"), Device("10.0.0.99"), force: false, new RecordingLog(), default);
        unknown.Status.Should().BeTrue();
    }
}
