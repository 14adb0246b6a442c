using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Kboss.WebApi.Contract;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Web-server rejections answer the envelope (ADR 0018), checked with raw HTTP/1.1 against the real Kestrel on
/// 127.0.0.1 (the in-memory test server has no Kestrel limits).
/// </summary>
public sealed class ServerLimitsTests : IAsyncLifetime
{
    private readonly KbossFactory _factory = new();
    private int _port;

    public Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var server = _factory.Services.GetRequiredService<IServer>();
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _port = new Uri(address).Port;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private sealed record RawResponse(int Status, string Head, string Body)
    {
        public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
    }

    /// <summary>Sends <paramref name="head"/> (and <paramref name="body"/>), reads until the server closes.</summary>
    private async Task<RawResponse> SendAsync(string head, byte[]? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", _port);
        var stream = tcp.GetStream();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cts.Token);
            if (body is not null) await stream.WriteAsync(body, cts.Token);
        }
        catch (IOException)
        {
            // the server may answer and close before it has read everything
        }
        var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, cts.Token);
        }
        catch (IOException)
        {
            // connection reset after the answer
        }
        var bytes = received.ToArray();
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        split.Should().BePositive($"an HTTP answer, got: {Encoding.UTF8.GetString(bytes)}");
        var answerHead = Encoding.ASCII.GetString(bytes, 0, split);
        var answerBody = bytes[(split + 4)..];
        if (answerHead.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
            answerBody = Dechunk(answerBody);
        return new RawResponse(int.Parse(answerHead.Split(' ')[1]), answerHead, Encoding.UTF8.GetString(answerBody));
    }

    private static byte[] Dechunk(byte[] body)
    {
        var result = new MemoryStream();
        var at = 0;
        while (true)
        {
            var eol = at + body.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(body, at, eol - at), 16);
            if (size == 0) return result.ToArray();
            result.Write(body, eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }

    private static string Get(string target) => $"GET {target} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";

    private static string PostLogin(string framing) => "POST /user/login.dspy HTTP/1.1\r\nHost: t\r\n" +
        $"Content-Type: application/x-www-form-urlencoded\r\n{framing}\r\nConnection: close\r\n\r\n";

    private static void ShouldBeEnvelope(RawResponse r, int status, string code)
    {
        r.Status.Should().Be(status, r.Head);
        r.Head.Should().ContainEquivalentOf("Content-Type: application/json; charset=utf-8");
        r.Json["status"]!.GetValue<bool>().Should().BeFalse();
        r.Json["code"]!.GetValue<string>().Should().Be(code);
        r.Json["msg"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_long_uri_is_414_with_the_envelope()
    {
        var r = await SendAsync(Get("/health?x=" + new string('a', ServerLimits.MaxTargetLength)));
        ShouldBeEnvelope(r, 414, "uri_too_long");
        r.Json["msg"]!.GetValue<string>().Should().Be("请求地址过长,不能超过 8192 个字符");
    }

    [Fact]
    public async Task Large_headers_are_431_with_the_envelope()
    {
        var headers = string.Concat(Enumerable.Range(0, 5).Select(i => $"X-Big-{i}: {new string('b', 7000)}\r\n"));
        var r = await SendAsync($"GET /health HTTP/1.1\r\nHost: t\r\n{headers}Connection: close\r\n\r\n");
        ShouldBeEnvelope(r, 431, "headers_too_large");
    }

    [Fact]
    public async Task A_declared_body_over_the_limit_is_413_with_the_envelope()
    {
        var r = await SendAsync(PostLogin($"Content-Length: {ServerLimits.MaxBodySize + 1}"));
        ShouldBeEnvelope(r, 413, "payload_too_large");
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_with_the_envelope()
    {
        var chunk = new string('a', 1024 * 1024);
        var body = new StringBuilder("username=");
        var wire = new StringBuilder();
        for (var i = 0; i < 5; i++) wire.Append($"{chunk.Length:X}\r\n{chunk}\r\n");
        wire.Append("0\r\n\r\n");
        var r = await SendAsync(PostLogin("Transfer-Encoding: chunked"),
            Encoding.ASCII.GetBytes(wire.ToString()));
        ShouldBeEnvelope(r, 413, "payload_too_large");
    }

    [Fact]
    public async Task A_broken_chunked_body_is_400_with_the_envelope()
    {
        var r = await SendAsync(PostLogin("Transfer-Encoding: chunked"),
            Encoding.ASCII.GetBytes("zz\r\nusername=a\r\n0\r\n\r\n"));
        ShouldBeEnvelope(r, 400, "bad_request");
    }

    [Fact]
    public async Task What_kestrel_refuses_before_the_pipeline_has_no_body()
    {
        // documented limits of the approach (ADR 0018): beyond Kestrel's own limits, and for requests that are not
        // HTTP, Kestrel answers before any middleware runs and sends no body
        var huge = await SendAsync(Get("/health?x=" + new string('a', ServerLimits.KestrelLineSize + 10)));
        huge.Status.Should().Be(414);
        huge.Body.Should().BeEmpty();
        var garbage = await SendAsync("GET /health HTTP/1.1\r\nHost: t\r\nno colon here\r\n\r\n");
        garbage.Status.Should().Be(400);
        garbage.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task Ordinary_requests_still_pass_through_kestrel()
    {
        var r = await SendAsync("GET /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        r.Status.Should().Be(200, r.Head + r.Body);
        r.Head.Should().ContainEquivalentOf("X-Content-Type-Options: nosniff");
    }
}
