using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes;

/// <summary>
/// A local stand-in for a Kubernetes API server, just what kboss's executor (<c>KubernetesGateway</c>) sends for a
/// purchase and its removal, the way the KubernetesClient library sends it: create (POST to the collection), read
/// (GET), replace (PUT with the read <c>resourceVersion</c>, else 409) and delete of namespaces and namespaced objects
/// of the core group (service accounts, claims, services, pods) and of <c>apps</c>/<c>batch</c> (deployments,
/// statefulsets, daemonsets, jobs, cronjobs); the node and pod lists (one ready node, the pods of created
/// controllers) for the live boards. Stateful and in memory; a second create of a name is 409 AlreadyExists, a missing
/// name 404 NotFound, a request without the bearer token of <see cref="Kubeconfig"/> 401. Every call is journalled.
/// </summary>
public sealed class FakeKubernetes(int port = 0) : FakeServer(port)
{
    /// <summary>The bearer token of <see cref="Kubeconfig"/>.</summary>
    public const string Token = "fake-kubernetes-token";

    /// <summary>One journalled call.</summary>
    public sealed record Call(string Method, string Path, int Status);

    /// <summary>Objects by item path (<c>/apis/apps/v1/namespaces/ns/deployments/name</c>).</summary>
    public ConcurrentDictionary<string, JsonObject> Objects { get; } = new();

    /// <summary>Every call, in order.</summary>
    public ConcurrentQueue<Call> Calls { get; } = new();

    private long _version;

    /// <summary>A kubeconfig with inline credentials pointing at this fake (what kboss accepts, ADR 0014).</summary>
    public string Kubeconfig => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            server: {Root}
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

    /// <summary>Item paths stored under <paramref name="prefix"/>.</summary>
    public IReadOnlyList<string> Paths(string prefix = "") =>
        Objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    protected internal override void Map(WebApplication app)
    {
        app.MapGet("/api/v1/nodes", (HttpContext ctx) => Answer(ctx, List("NodeList", [Node()])));
        app.MapGet("/api/v1/pods", (HttpContext ctx) => Answer(ctx, List("PodList", Pods())));
        app.MapMethods("/api/v1/namespaces", ["POST"], (Delegate)StoreAsync);
        app.MapMethods("/api/v1/namespaces/{name}", ["GET", "PUT", "DELETE"], (Delegate)StoreAsync);
        app.MapMethods("/api/v1/namespaces/{ns}/{resource}", ["POST"], (Delegate)StoreAsync);
        app.MapMethods("/api/v1/namespaces/{ns}/{resource}/{name}", ["GET", "PUT", "DELETE"], (Delegate)StoreAsync);
        app.MapMethods("/apis/{group}/{version}/namespaces/{ns}/{resource}", ["POST"], (Delegate)StoreAsync);
        app.MapMethods("/apis/{group}/{version}/namespaces/{ns}/{resource}/{name}", ["GET", "PUT", "DELETE"],
            (Delegate)StoreAsync);
        app.MapGet("/_fake/kubernetes/objects", () => Paths());
        app.MapGet("/_fake/kubernetes/kubeconfig", () => Results.Text(Kubeconfig, "text/plain; charset=utf-8"));
    }

    private IResult Answer(HttpContext ctx, JsonObject body, int status = 200)
    {
        var authorised = ctx.Request.Headers.Authorization == $"Bearer {Token}";
        if (!authorised) (body, status) = (Status(401, "Unauthorized"), 401);
        Calls.Enqueue(new Call(ctx.Request.Method, ctx.Request.Path.Value ?? "", status));
        return Results.Json(body, statusCode: status);
    }

    private async Task<IResult> StoreAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value!.TrimEnd('/');
        if (ctx.Request.Headers.Authorization != $"Bearer {Token}") return Answer(ctx, new JsonObject());
        switch (ctx.Request.Method)
        {
            case "POST":
            {
                var obj = await BodyAsync(ctx);
                if (obj?["metadata"]?["name"]?.GetValue<string>() is not { Length: > 0 } name)
                    return Answer(ctx, Status(422, "Invalid"), 422);
                Stamp(obj, path);
                return Objects.TryAdd(path + "/" + name, obj)
                    ? Answer(ctx, obj, 201) : Answer(ctx, Status(409, "AlreadyExists"), 409);
            }
            case "GET":
                return Objects.TryGetValue(path, out var found)
                    ? Answer(ctx, found) : Answer(ctx, Status(404, "NotFound"), 404);
            case "PUT":
            {
                if (!Objects.TryGetValue(path, out var current)) return Answer(ctx, Status(404, "NotFound"), 404);
                var obj = await BodyAsync(ctx);
                if (obj is null) return Answer(ctx, Status(422, "Invalid"), 422);
                if (obj["metadata"]?["resourceVersion"]?.GetValue<string>()
                    != current["metadata"]!["resourceVersion"]!.GetValue<string>())
                    return Answer(ctx, Status(409, "Conflict"), 409);
                Stamp(obj, path[..path.LastIndexOf('/')]);
                return Objects.TryUpdate(path, obj, current)
                    ? Answer(ctx, obj) : Answer(ctx, Status(409, "Conflict"), 409);
            }
            default:
                if (!Objects.TryRemove(path, out var removed)) return Answer(ctx, Status(404, "NotFound"), 404);
                if (path.Split('/').Length == 5) // a namespace: what it holds goes with it
                    foreach (var inside in Objects.Keys.Where(k =>
                                 k.Contains(path[7..] + "/", StringComparison.Ordinal)))
                        Objects.TryRemove(inside, out _);
                // Like the real API: the core group answers a delete with the object, apps and batch with a Status.
                return path.StartsWith("/api/", StringComparison.Ordinal)
                    ? Answer(ctx, removed) : Answer(ctx, Status(200, "Success"));
        }
    }

    private static async Task<JsonObject?> BodyAsync(HttpContext ctx)
    {
        try
        {
            return JsonNode.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync()) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private void Stamp(JsonObject obj, string collection)
    {
        var meta = obj["metadata"]!.AsObject();
        meta["resourceVersion"] = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        meta["uid"] ??= Guid.NewGuid().ToString();
        meta["creationTimestamp"] ??= DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var parts = collection.Split('/');
        var ns = Array.IndexOf(parts, "namespaces");
        if (ns >= 0 && ns + 1 < parts.Length) meta["namespace"] = parts[ns + 1];
    }

    /// <summary>One running pod per created workload controller, in its namespace.</summary>
    private IEnumerable<JsonObject> Pods() =>
        from path in Paths("/apis/")
        let parts = path.Split('/')
        where parts.Length == 8 && parts[5] is "deployments" or "statefulsets" or "daemonsets"
        select new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = parts[7] + "-0", ["namespace"] = parts[4],
                ["creationTimestamp"] = Objects[path]["metadata"]!["creationTimestamp"]!.DeepClone(),
            },
            ["spec"] = new JsonObject { ["nodeName"] = "fake-node", ["containers"] = new JsonArray() },
            ["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = "10.244.0.10" },
        };

    private static JsonObject Node() => new()
    {
        ["apiVersion"] = "v1", ["kind"] = "Node",
        ["metadata"] = new JsonObject
        {
            ["name"] = "fake-node", ["creationTimestamp"] = "2026-01-01T00:00:00Z",
            ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = "fake-node" },
        },
        ["spec"] = new JsonObject(),
        ["status"] = new JsonObject
        {
            ["addresses"] = new JsonArray(new JsonObject { ["type"] = "InternalIP", ["address"] = "127.0.0.1" }),
            ["allocatable"] = new JsonObject { ["cpu"] = "64", ["memory"] = "256Gi", ["pods"] = "110" },
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        },
    };

    private static JsonObject List(string kind, IEnumerable<JsonObject> items) => new()
    {
        ["kind"] = kind, ["apiVersion"] = "v1", ["metadata"] = new JsonObject(),
        ["items"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()),
    };

    private static JsonObject Status(int code, string reason) => new()
    {
        ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = code < 300 ? "Success" : "Failure",
        ["reason"] = reason, ["code"] = code,
    };
}
