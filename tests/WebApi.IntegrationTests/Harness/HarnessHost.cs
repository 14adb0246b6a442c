using System.Net;
using System.Net.Sockets;
using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Provisioning;
using Kboss.Infrastructure.Remote;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>
/// The real app behind Kestrel on loopback (so web-server limits answer as in production) on a fresh SQLite database,
/// with its two network exits (SSH and the pcapi HTTP client) limited to loopback, and a fake cluster API on loopback.
/// </summary>
public sealed class HarnessHost : IAsyncDisposable
{
    private readonly KbossFactory _root = new();
    private readonly WebApplicationFactory<Program> _app;

    public FakeKubeApi Kube { get; } = new();
    public LoopbackGuard Guard { get; } = new();
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;
    public string DatabaseFile => Path.Combine(_root.DataFolder, "kboss.db");

    private HarnessHost()
    {
        _app = _root.WithWebHostBuilder(b => b.UseSetting("Logging:LogLevel:Default", "Warning").ConfigureServices(s =>
        {
            s.AddSingleton<IRemoteShell>(sp =>
                new LoopbackShell(new SshRemoteShell(sp.GetRequiredService<ILogger<SshRemoteShell>>()), Guard));
            s.AddHttpClient<PcapiClusterProvisioner>().ConfigurePrimaryHttpMessageHandler(() =>
                new SocketsHttpHandler { ConnectCallback = Guard.ConnectAsync });
        }));
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First();
        Http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256, UseCookies = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(60),
        })
        {
            BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public static async Task<HarnessHost> StartAsync()
    {
        var host = new HarnessHost();
        await host.Kube.InitializeAsync();
        await host.PointCentresAtLoopbackAsync();
        return host;
    }

    /// <summary>The demo centre's pcapi is a real outside host: every centre gets a closed loopback port.</summary>
    public Task PointCentresAtLoopbackAsync() => WithDbAsync(db => db.ComputeCenters.IgnoreQueryFilters()
        .ExecuteUpdateAsync(c => c.SetProperty(x => x.PcapiUrl, LoopbackGuard.ClosedUrl)));

    public async Task WithDbAsync(Func<Kboss.Infrastructure.Persistence.KbossDbContext, Task> work)
    {
        using var scope = _app.Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<Kboss.Infrastructure.Persistence.KbossDbContext>());
    }

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        await Kube.DisposeAsync();
        _root.Dispose();
    }
}

/// <summary>Lets the app reach loopback only; every other destination is refused before any DNS lookup.</summary>
public sealed class LoopbackGuard
{
    /// <summary>A URL nothing listens on (the discard port).</summary>
    public const string ClosedUrl = "http://127.0.0.1:9";

    private int _refused;
    public int Refused => Volatile.Read(ref _refused);

    public bool Allows(string host)
    {
        if (host is "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip)
            && IPAddress.IsLoopback(ip))) return true;
        Interlocked.Increment(ref _refused);
        return false;
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        if (!Allows(context.DnsEndPoint.Host))
            throw new HttpRequestException($"harness: {context.DnsEndPoint.Host} is not loopback");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The real SSH adapter, refused (as unreachable) for any host that is not loopback.</summary>
public sealed class LoopbackShell(IRemoteShell inner, LoopbackGuard guard) : IRemoteShell
{
    public Task<RemoteRun> RunAsync(RemoteTarget target, string script, TimeSpan timeout, Action<string>? onOutputLine,
        CancellationToken ct) =>
        guard.Allows(target.Host)
            ? inner.RunAsync(target, script, timeout, onOutputLine, ct)
            : Task.FromException<RemoteRun>(new RemoteShellException(RemoteFailure.Unreachable,
                $"harness: {target.Host} is not loopback"));
}
