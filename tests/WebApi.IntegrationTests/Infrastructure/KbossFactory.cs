using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite database in a temp folder, demo data loaded, a known admin password. With
/// <paramref name="sharedFolder"/> it is one node of several on that folder's database (the folder is not deleted),
/// with <paramref name="settings"/> and <paramref name="services"/> applied on top.
/// </summary>
public sealed class KbossFactory(string? sharedFolder = null, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public KbossFactory() : this(null, null, null) { }

    public const string AdminPassword = "Test-Admin-Pw-2026";
    public string DataFolder { get; } =
        sharedFolder ?? Path.Combine(Path.GetTempPath(), "kboss-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Kboss:DataFolder", DataFolder);
        // Hosts served by a real Kestrel (harness, server-limit tests) take a free port, never appsettings' 5080,
        // which a developer's own server may be using.
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.UseSetting("Scheduler:IdleWaitSeconds", "1"); // a node notices work another node stored within a second
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Auth:Throttle:BaseDelaySeconds", "20");
        builder.UseSetting("RateLimits:AnonymousWrite:PermitLimit", "1000"); // InquiryAbuseTests sets its own
        // Approval hub (issue 12): its jobs poll every 15 s, which query-count tests would see; tests send the commands
        builder.UseSetting("Jobs:ApprovalCallbacks:Cron", "off");
        builder.UseSetting("Jobs:ApprovalReconciler:Cron", "off");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<IStartupFilter, TestClientAddress>();
            s.AddControllers().AddApplicationPart(typeof(KbossFactory).Assembly);
            s.AddSingleton(Queries);
            s.ConfigureDbContext<SqliteKbossDbContext>((_, o) => o.AddInterceptors(Queries));
            services?.Invoke(s);
        });
    }

    /// <summary>Runs <paramref name="work"/> on a scoped context (arrange/assert directly on the database).</summary>
    public async Task WithDbAsync(Func<KbossDbContext, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<KbossDbContext>());
    }

    /// <summary>Runs <paramref name="work"/> on a scoped context and returns its result.</summary>
    public async Task<T> WithDbAsync<T>(Func<KbossDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<KbossDbContext>());
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Counts the SELECTs the app sends (N+1 checks).</summary>
    public QueryCounter Queries { get; } = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (sharedFolder is not null) return;
        try { Directory.Delete(DataFolder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// Test hosts have no client address; a request may pretend one with <see cref="Header"/> (registered only by this
/// factory) so the per-address throttle and rate limits can be tested.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Ip";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, following) =>
        {
            if (System.Net.IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var ip))
                http.Connection.RemoteIpAddress = ip;
            return following(http);
        });
        next(app);
    };
}

/// <summary>A client speaking the legacy contract: query-string GETs, form POSTs, envelope parsing.</summary>
public sealed class Api(HttpClient http)
{
    public HttpClient Http { get; } = http;

    /// <summary>Pretends requests come from <paramref name="ip"/> (<see cref="TestClientAddress"/>).</summary>
    public Api From(string ip)
    {
        Http.DefaultRequestHeaders.Remove(TestClientAddress.Header);
        Http.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        return this;
    }

    public Api WithToken(string token)
    {
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return this;
    }

    public async Task<Response> GetAsync(string path, params (string Key, string? Value)[] query)
    {
        var url = path + (query.Length == 0 ? "" : "?" + string.Join("&", query.Where(q => q.Value is not null)
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value!))));
        return await Response.ReadAsync(await Http.GetAsync(url));
    }

    public async Task<Response> PostAsync(string path, params (string Key, string? Value)[] form)
    {
        var content = new FormUrlEncodedContent(form.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
        return await Response.ReadAsync(await Http.PostAsync(path, content));
    }

    public async Task<Response> PostJsonAsync(string path, object body) =>
        await Response.ReadAsync(await Http.PostAsJsonAsync(path, body));

    public async Task<string> LoginAsync(string username, string password)
    {
        var r = await PostAsync("/user/login.dspy", ("username", username), ("password", password));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["token"]!.GetValue<string>();
    }
}

/// <summary>An answer: HTTP status plus the parsed envelope.</summary>
public sealed record Response(int Http, JsonObject Body, string Raw)
{
    public bool Status => Body["status"]!.GetValue<bool>();
    public string Msg => Body["msg"]!.GetValue<string>();
    public string? Code => Body["code"]?.GetValue<string>();
    public JsonNode? Data => Body["data"];

    public static async Task<Response> ReadAsync(HttpResponseMessage m)
    {
        var raw = await m.Content.ReadAsStringAsync();
        JsonObject body;
        try { body = JsonNode.Parse(raw)!.AsObject(); }
        catch (JsonException) { throw new Xunit.Sdk.XunitException($"not JSON ({(int)m.StatusCode}): {raw}"); }
        return new Response((int)m.StatusCode, body, raw);
    }
}

/// <summary>Counts SQL queries (reader commands starting with SELECT) while <see cref="Enabled"/>.</summary>
public sealed class QueryCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private int _count;
    public bool Enabled { get; set; }
    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    /// <summary>
    /// The SELECTs <paramref name="call"/> issues (it must succeed): the fewest over three tries, since the counter
    /// sees every query of the app and a recurring job (lease lock time-outs every minute, token versions every 2 s)
    /// may run during one try; an N+1 shows in every try.
    /// </summary>
    public async Task<int> CountAsync(Func<Task<Response>> call)
    {
        var fewest = int.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            Reset();
            Enabled = true;
            try { (await call()).Status.Should().BeTrue(); }
            finally { Enabled = false; }
            fewest = Math.Min(fewest, Count);
        }
        return fewest;
    }

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Enabled && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)) Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
