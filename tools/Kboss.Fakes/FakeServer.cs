using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Kboss.Fakes;

/// <summary>
/// The scaffolding every fake shares: a loopback port (a free one unless given), a slim ASP.NET Core host without
/// logging, start and stop. A fake maps its routes in <see cref="Map"/>; <see cref="FakeHost"/> serves several fakes
/// on one port (the console app).
/// </summary>
public abstract class FakeServer : IAsyncDisposable
{
    private WebApplication? _app;

    /// <param name="port">Loopback port; 0 picks a free one.</param>
    protected FakeServer(int port = 0) => Port = port == 0 ? FreePort() : port;

    /// <summary>The loopback port.</summary>
    public int Port { get; private set; }

    /// <summary><c>http://127.0.0.1:port</c> (no trailing slash).</summary>
    public string Root => $"http://127.0.0.1:{Port}";

    /// <summary>Adds the fake's middleware and routes.</summary>
    protected internal abstract void Map(WebApplication app);

    /// <summary>Starts the fake alone on <see cref="Port"/>.</summary>
    public async Task InitializeAsync() => _app = await FakeHost.StartAsync(Port, [this]);

    /// <summary>Stops it.</summary>
    public virtual async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>Moves the fake to the port of the host that serves it.</summary>
    internal void ServeOn(int port) => Port = port;

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

/// <summary>Serves fakes on one loopback port.</summary>
public static class FakeHost
{
    /// <summary>A started host on <paramref name="port"/> with the routes of <paramref name="fakes"/>; more routes
    /// may be added by <paramref name="extra"/> before it starts.</summary>
    public static async Task<WebApplication> StartAsync(int port, IReadOnlyList<FakeServer> fakes,
        Action<WebApplication>? extra = null, string host = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{host}:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        foreach (var fake in fakes)
        {
            fake.ServeOn(port);
            fake.Map(app);
        }
        extra?.Invoke(app);
        await app.StartAsync();
        return app;
    }
}
