using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes.Vendors;

/// <summary>One request a fake vendor received.</summary>
public sealed record VendorCall(string Method, string Path, IReadOnlyDictionary<string, string> Query, string Body,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The action named in the query (<c>Action</c>), else in a form or JSON body (UCloud), or "".</summary>
    public string Action => Query.GetValueOrDefault("Action") ?? BodyAction() ?? "";
    /// <summary>The JSON body, or null.</summary>
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <summary>The form body's fields (an urlencoded body), else empty.</summary>
    public IReadOnlyDictionary<string, string> Form => Body.StartsWith('{') ? new Dictionary<string, string>()
        : Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Body)
            .ToDictionary(p => p.Key, p => p.Value.ToString());

    private string? BodyAction()
    {
        if (Body.Length == 0) return null;
        if (!Body.StartsWith('{')) return Form.GetValueOrDefault("Action");
        try
        {
            return (JsonNode.Parse(Body) as JsonObject)?["Action"]?.ToString();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>Faults a fake vendor can be told to produce for one call (analysis/vendors.md §4.10).</summary>
public abstract record Fault
{
    /// <summary>HTTP 500 with a JSON error.</summary>
    public sealed record ServerError : Fault;
    /// <summary>HTTP 200 with truncated JSON.</summary>
    public sealed record MalformedJson : Fault;
    /// <summary>HTTP 502 with an HTML error page.</summary>
    public sealed record HtmlPage : Fault;
    /// <summary>Waits <paramref name="Wait"/> before handling the call normally (a time-out on the caller's side).</summary>
    public sealed record Delay(TimeSpan Wait) : Fault;
    /// <summary>Drops the connection without an answer.</summary>
    public sealed record Reset : Fault;
    /// <summary>The vendor's own error answer.</summary>
    public sealed record VendorError(int Status, JsonObject Body) : Fault;
}

/// <summary>
/// Base of the local fake vendor servers (analysis/vendors.md §4.10; ADR 0037): a <see cref="FakeServer"/> with a request
/// journal, faults queued per action, deterministic ids (<c>vpc-001</c>) and asynchronous tasks that stay
/// <c>building</c> for <see cref="PollsToFinish"/> polls. A vendor's fake derives from it, maps its routes in
/// <see cref="MapRoutes"/>, says which requests are its own in <see cref="Owns"/> (several fakes may share one port) and
/// reads the action of a call with <see cref="ActionOf"/>. Tests start one alone; <c>dotnet run --project
/// tools/Kboss.Fakes</c> serves them all on one port. Never registered in the app.
/// </summary>
public abstract class FakeVendorServer : FakeServer
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new();
    private readonly ConcurrentDictionary<string, int> _sequences = new();
    private readonly ConcurrentDictionary<string, int> _polls = new();

    /// <param name="port">Loopback port; 0 picks a free one.</param>
    protected FakeVendorServer(int port = 0) : base(port) { }

    /// <summary>Every call received, in order.</summary>
    public ConcurrentQueue<VendorCall> Journal { get; } = new();
    /// <summary>Polls an asynchronous object needs before it leaves <c>building</c>.</summary>
    public int PollsToFinish { get; set; } = 2;
    /// <summary>Same as <see cref="FakeServer.Root"/>.</summary>
    public string BaseUrl => Root;

    /// <summary>The calls of <paramref name="action"/>.</summary>
    public IReadOnlyList<VendorCall> CallsOf(string action) => Journal.Where(c => c.Action == action).ToList();

    /// <summary>The next call of <paramref name="action"/> produces <paramref name="fault"/> (queued in order).</summary>
    public void Inject(string action, Fault fault) => _faults.GetOrAdd(action, _ => new()).Enqueue(fault);

    /// <summary>A deterministic id: <c>prefix-001</c>, <c>prefix-002</c>, ….</summary>
    public string NextId(string prefix) => $"{prefix}-{_sequences.AddOrUpdate(prefix, 1, (_, n) => n + 1):000}";

    /// <summary>Counts one poll of the object <paramref name="id"/>; <c>running</c> once it was polled
    /// <see cref="PollsToFinish"/> times, <c>building</c> before.</summary>
    public string Poll(string id, string building = "building", string running = "running") =>
        _polls.AddOrUpdate(id, 1, (_, n) => n + 1) > PollsToFinish ? running : building;

    /// <summary>The action a request names (a query parameter for RPC vendors, method + path for REST ones).</summary>
    protected abstract string ActionOf(HttpRequest request);

    /// <summary>True for requests this fake serves (its paths); the journal and faults see only those.</summary>
    protected abstract bool Owns(HttpRequest request);

    /// <summary>Maps the vendor's routes.</summary>
    protected abstract void MapRoutes(WebApplication app);

    /// <summary>The journal and fault middleware, then the vendor's routes.</summary>
    protected internal sealed override void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            if (!Owns(ctx.Request))
            {
                await next();
                return;
            }
            ctx.Request.EnableBuffering();
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            ctx.Request.Body.Position = 0;
            var query = ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            var headers = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(),
                StringComparer.OrdinalIgnoreCase);
            var call = new VendorCall(ctx.Request.Method, ctx.Request.Path, query, body, headers);
            Journal.Enqueue(call);
            var action = ActionOf(ctx.Request) is { Length: > 0 } named ? named : call.Action;
            if (_faults.TryGetValue(action, out var queue) && queue.TryDequeue(out var fault)
                && await ApplyAsync(fault, ctx))
                return;
            await next();
        });
        MapRoutes(app);
    }

    /// <summary>Produces <paramref name="fault"/>; false when the call should then be handled normally.</summary>
    private static async Task<bool> ApplyAsync(Fault fault, HttpContext ctx)
    {
        switch (fault)
        {
            case Fault.Delay d:
                await Task.Delay(d.Wait);
                return false;
            case Fault.Reset:
                ctx.Abort();
                return true;
            case Fault.ServerError:
                ctx.Response.StatusCode = 500;
                await ctx.Response.WriteAsJsonAsync(new { Code = "InternalError", Message = "服务器内部错误" });
                return true;
            case Fault.MalformedJson:
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("{\"Code\": \"Success\", \"Data\": {\"VPCId\": ");
                return true;
            case Fault.HtmlPage:
                ctx.Response.StatusCode = 502;
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>");
                return true;
            case Fault.VendorError e:
                ctx.Response.StatusCode = e.Status;
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(e.Body.ToJsonString());
                return true;
            default:
                return false;
        }
    }

}
