using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// A local stand-in for a Kubernetes API server that answers the REST calls the gateway uses (node and pod lists,
/// merge patches, evictions, node deletes), with realistic objects: the cluster of the spec's node-board example
/// (analysis/cpcc.md §5.4). Every request is recorded so tests can check the exact objects sent.
/// </summary>
public sealed class FakeKubeApi : IAsyncLifetime
{
    public const string Token = "fake-cluster-token";
    public const string Namespace = "4hbm8atruisou2bs24t-n-miwuhbeedm8mwafpiq8ps";
    public sealed record Call(string Method, string Path, string? ContentType, string Body, string? Authorization);

    public ConcurrentQueue<Call> Calls { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Nodes { get; } = new();
    public bool FailWith500 { get; set; }
    private WebApplication? _app;
    public int Port { get; private set; }

    public string Kubeconfig => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            server: http://127.0.0.1:{Port}
        contexts:
        - name: fake
          context:
            cluster: fake
            user: fake-admin
        current-context: fake
        users:
        - name: fake-admin
          user:
            token: {Token}
        """;

    public async Task InitializeAsync()
    {
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); Port = ((IPEndPoint)l.LocalEndpoint).Port; }
        Seed();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (ctx, next) =>
        {
            ctx.Request.EnableBuffering();
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            ctx.Request.Body.Position = 0;
            Calls.Enqueue(new Call(ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString, ctx.Request.ContentType, body, ctx.Request.Headers.Authorization));
            if (ctx.Request.Headers.Authorization != $"Bearer {Token}") { ctx.Response.StatusCode = 401; await ctx.Response.WriteAsJsonAsync(Status(401, "Unauthorized")); return; }
            if (FailWith500) { ctx.Response.StatusCode = 500; await ctx.Response.WriteAsJsonAsync(Status(500, "InternalError")); return; }
            if (HoldWhen?.Invoke(ctx.Request.Method,
                ctx.Request.Path) is { } hold) await hold.WaitAsync(ctx.RequestAborted);
            if (GarbleWhen?.Invoke(ctx.Request.Method, ctx.Request.Path) == true)
            {
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("<html>502 Bad Gateway</html>");
                return;
            }
            await next();
        });
        _app.MapGet("/api/v1/nodes", () => Results.Json(new JsonObject { ["kind"] = "NodeList", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["items"] = new JsonArray(Nodes.Values.OrderBy(n => n["metadata"]!["name"]!.GetValue<string>()).Select(n => (JsonNode)n.DeepClone()).ToArray()) }));
        _app.MapGet("/api/v1/pods", (string? fieldSelector) =>
        {
            var pods = Pods().Where(p => fieldSelector is null || fieldSelector == $"spec.nodeName={p["spec"]!["nodeName"]}").Select(p => (JsonNode)p).ToArray();
            return Results.Json(new JsonObject { ["kind"] = "PodList", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["items"] = new JsonArray(pods) });
        });
        _app.MapMethods("/api/v1/nodes/{name}", ["PATCH"], async (string name, HttpRequest req) =>
        {
            if (!Nodes.TryGetValue(name, out var node)) return Results.Json(Status(404, "NotFound"), statusCode: 404);
            var patch = JsonNode.Parse(await new StreamReader(req.Body).ReadToEndAsync())!.AsObject();
            if (patch["metadata"]?["labels"] is JsonObject labels)
                foreach (var (k, v) in labels)
                {
                    var target = node["metadata"]!["labels"]!.AsObject();
                    if (v is null) target.Remove(k); else target[k] = v.DeepClone();
                }
            if (patch["spec"]?["unschedulable"] is JsonNode u) node["spec"]!["unschedulable"] = u.GetValue<bool>();
            return Results.Json(node);
        });
        _app.MapDelete("/api/v1/nodes/{name}", (string name) => Nodes.TryRemove(name, out _)
            ? Results.Json(Status(200, "Success")) : Results.Json(Status(404, "NotFound"), statusCode: 404));
        _app.MapPost("/api/v1/namespaces/{ns}/pods/{name}/eviction", (string ns, string name) => name == "pdb-protected-0"
            ? Results.Json(Status(429, "TooManyRequests"), statusCode: 429) : Results.Json(Status(201, "Success"), statusCode: 201));
        MapObjectRoutes(_app);
        _app.MapGet("/apis/metrics.k8s.io/v1beta1/pods", () => MetricsServer
            ? Results.Json(new JsonObject { ["kind"] = "PodMetricsList", ["apiVersion"] = "metrics.k8s.io/v1beta1", ["metadata"] = new JsonObject(), ["items"] = new JsonArray(Pods().Select(p => (JsonNode)PodMetrics(p)).ToArray()) })
            : Results.Json(Status(404, "NotFound"), statusCode: 404));
        await _app.StartAsync();
    }

    /// <summary>False: the cluster has no metrics-server (<c>metrics.k8s.io</c> answers 404).</summary>
    public bool MetricsServer { get; set; } = true;

    /// <summary>Live usage of the fake pods: the spec's K4 example (4m, 2600Ki = 2.539Mi) for the StatefulSet pod.</summary>
    private static JsonObject PodMetrics(JsonObject pod)
    {
        var name = pod["metadata"]!["name"]!.GetValue<string>();
        var (cpu, memory) = name.StartsWith("kube-proxy", StringComparison.Ordinal) ? ("1250000n", "10Mi") : ("4m", "2600Ki");
        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = pod["metadata"]!["namespace"]!.GetValue<string>() },
            ["timestamp"] = "2025-06-11T07:22:51Z", ["window"] = "15s",
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "main", ["usage"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory } }),
        };
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    public void Seed()
    {
        Nodes.Clear();
        Nodes["k8s-master"] = Node("k8s-master", "192.168.0.3", "16273408Ki", master: true);
        Nodes["k8s-worker-20250408132243"] = Node("k8s-worker-20250408132243", "192.168.0.2", "16261120Ki", master: false);
    }

    public bool ExtraPdbPod { get; set; }

    /// <summary>When set, one more pod (<c>tenant-app-0</c>, 500m / 512Mi) runs in this namespace (another org's instance).</summary>
    public string? TenantNamespace { get; set; }

    private static JsonObject Status(int code, string reason) => new() { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = code < 300 ? "Success" : "Failure", ["reason"] = reason, ["code"] = code };

    private static JsonObject Node(string name, string ip, string memory, bool master)
    {
        var labels = new JsonObject { ["kubernetes.io/hostname"] = name, ["kyy-gpu"] = "false" };
        if (master) labels["node-role.kubernetes.io/control-plane"] = "";
        return new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Node",
            ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = labels, ["creationTimestamp"] = "2025-04-08T05:22:43Z" },
            ["spec"] = new JsonObject(),
            ["status"] = new JsonObject
            {
                ["addresses"] = new JsonArray(new JsonObject { ["type"] = "InternalIP", ["address"] = ip }, new JsonObject { ["type"] = "Hostname", ["address"] = name }),
                ["allocatable"] = new JsonObject { ["cpu"] = "4", ["memory"] = memory, ["pods"] = "110" },
                ["capacity"] = new JsonObject { ["cpu"] = "4", ["memory"] = memory, ["pods"] = "110" },
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
                ["nodeInfo"] = new JsonObject
                {
                    ["kubeletVersion"] = "v1.28.2", ["osImage"] = "Ubuntu 22.04.1 LTS", ["kernelVersion"] = "5.15.0-91-generic",
                    ["containerRuntimeVersion"] = "containerd://1.7.24", ["architecture"] = "amd64", ["operatingSystem"] = "linux",
                    ["bootID"] = "", ["machineID"] = "", ["systemUUID"] = "", ["kubeProxyVersion"] = "v1.28.2",
                },
            },
        };
    }

    private IEnumerable<JsonObject> Pods()
    {
        yield return Pod($"q2aodptfquogblu5nzblt-statefulset-0", Namespace, "k8s-worker-20250408132243", "10.244.5.36", "StatefulSet", "2", "5Gi");
        yield return Pod("kube-proxy-7xk2p", "kube-system", "k8s-worker-20250408132243", "192.168.0.2", "DaemonSet", "0", "0");
        if (ExtraPdbPod) yield return Pod("pdb-protected-0", Namespace, "k8s-worker-20250408132243", "10.244.5.40", "StatefulSet", "1", "1Gi");
        if (TenantNamespace is not null) yield return Pod("tenant-app-0", TenantNamespace, "k8s-worker-20250408132243", "10.244.5.50", "StatefulSet", "500m", "512Mi");
    }

    private static JsonObject Pod(string name, string ns, string node, string ip, string owner, string cpu, string memory) => new()
    {
        ["apiVersion"] = "v1", ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = name, ["namespace"] = ns, ["creationTimestamp"] = "2025-06-10T07:22:51Z",
            ["labels"] = new JsonObject { ["app"] = "ubuntu3" },
            ["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = owner, ["name"] = name, ["uid"] = "u-" + name }),
        },
        ["spec"] = new JsonObject
        {
            ["nodeName"] = node,
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "main", ["image"] = "docker.io/library/ubuntu:22.04",
                ["resources"] = new JsonObject
                {
                    ["limits"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["nvidia.com/gpu"] = "0" },
                    ["requests"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory },
                },
            }),
        },
        ["status"] = new JsonObject
        {
            ["phase"] = "Running", ["podIP"] = ip,
            ["containerStatuses"] = new JsonArray(new JsonObject { ["name"] = "main", ["ready"] = true, ["restartCount"] = 1, ["image"] = "ubuntu:22.04", ["imageID"] = "" }),
        },
    };

    // ---------------- stored objects: namespaces, service accounts, controllers, pods, services, volume claims ----------------

    /// <summary>Objects created through the API, by item path (<c>/apis/apps/v1/namespaces/ns/statefulsets/name</c>).</summary>
    public ConcurrentDictionary<string, JsonObject> Objects { get; } = new();

    /// <summary>When set and it returns a status code for (method, path), that status is answered instead.</summary>
    public Func<string, string, int?>? FailWhen { get; set; }

    /// <summary>When set and it returns a task for (method, path), the answer waits for it (a slow or hanging
    /// cluster).</summary>
    public Func<string, string, Task?>? HoldWhen { get; set; }

    /// <summary>When set and true for (method, path), the answer is 200 with a body that is not JSON (a broken
    /// proxy).</summary>
    public Func<string, string, bool>? GarbleWhen { get; set; }

    /// <summary>When true, core-group deletes answer with a <c>Status</c> body instead of the deleted object (the API
    /// may
    /// do either).</summary>
    public bool DeleteAnswersStatus { get; set; }

    private long _resourceVersion;

    /// <summary>The stored object at <paramref name="itemPath"/>, or null.</summary>
    public JsonObject? Object(string itemPath) => Objects.TryGetValue(itemPath, out var o) ? o : null;

    /// <summary>Item paths stored under <paramref name="prefix"/>.</summary>
    public IReadOnlyList<string> ObjectPaths(string prefix = "") => Objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    private void MapObjectRoutes(WebApplication app)
    {
        app.MapPost("/api/v1/namespaces", (Delegate)StoreAsync);
        app.MapMethods("/api/v1/namespaces/{name}", ["GET", "PUT", "DELETE"], (Delegate)StoreAsync);
        app.MapPost("/api/v1/namespaces/{ns}/{resource}", (Delegate)StoreAsync);
        app.MapMethods("/api/v1/namespaces/{ns}/{resource}/{name}", ["GET", "PUT", "DELETE"], (Delegate)StoreAsync);
        app.MapPost("/apis/{group}/{version}/namespaces/{ns}/{resource}", (Delegate)StoreAsync);
        app.MapMethods("/apis/{group}/{version}/namespaces/{ns}/{resource}/{name}", ["GET", "PUT", "DELETE"], (Delegate)StoreAsync);
    }

    private async Task<IResult> StoreAsync(HttpContext ctx)
    {
        var method = ctx.Request.Method;
        var path = ctx.Request.Path.Value!.TrimEnd('/');
        if (FailWhen?.Invoke(method, path) is int code) return Results.Json(Status(code, "Injected"), statusCode: code);
        switch (method)
        {
            case "POST":
            {
                var obj = JsonNode.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync())!.AsObject();
                var key = path + "/" + obj["metadata"]!["name"]!.GetValue<string>();
                Stamp(obj);
                return Objects.TryAdd(key, obj) ? Results.Json(obj, statusCode: 201) : Results.Json(Status(409, "AlreadyExists"), statusCode: 409);
            }
            case "GET":
                return Objects.TryGetValue(path, out var found) ? Results.Json(found) : Results.Json(Status(404, "NotFound"), statusCode: 404);
            case "PUT":
            {
                if (!Objects.TryGetValue(path, out var current)) return Results.Json(Status(404, "NotFound"), statusCode: 404);
                var obj = JsonNode.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync())!.AsObject();
                var sent = obj["metadata"]?["resourceVersion"]?.GetValue<string>();
                if (sent != current["metadata"]!["resourceVersion"]!.GetValue<string>()) return Results.Json(Status(409, "Conflict"), statusCode: 409);
                Stamp(obj);
                return Objects.TryUpdate(path, obj, current) ? Results.Json(obj) : Results.Json(Status(409, "Conflict"), statusCode: 409);
            }
            default:
                // Like the real API: the core group answers a delete with the deleted object, the apps and batch groups with a Status.
                if (!Objects.TryRemove(path, out var removed)) return Results.Json(Status(404, "NotFound"), statusCode: 404);
                return path.StartsWith("/api/v1/namespaces/", StringComparison.Ordinal) && path.Count(ch
                    => ch == '/') > 4 && !DeleteAnswersStatus
                    ? Results.Json(removed) : Results.Json(Status(200, "Success"));
        }
    }

    private void Stamp(JsonObject obj)
    {
        var meta = obj["metadata"]!.AsObject();
        meta["resourceVersion"] = Interlocked.Increment(ref _resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
        meta["uid"] ??= Guid.NewGuid().ToString();
    }
}
