using System.Net;
using System.Net.Sockets;
using Kboss.Infrastructure.Vendors;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// Vendor endpoints (ADR 0037): only allow-listed hosts may be named, and the handler refuses to connect to internal
/// addresses unless configured, to link-local ones (cloud metadata) never.
/// </summary>
public sealed class VendorEndpointPolicyTests
{
    [Fact]
    public void Only_allow_listed_http_hosts_may_be_named()
    {
        var policy = new VendorEndpointPolicy(["cds.example.com", "*.staging.example"], allowPrivate: false);
        policy.Check("https://cds.example.com/").Should().BeNull();
        policy.Check("https://a.staging.example/x").Should().BeNull();
        policy.Check("https://CDS.EXAMPLE.COM").Should().BeNull();
        policy.Check("https://evil.example/").Should().Be(VendorEndpointPolicy.NotAllowedMessage);
        policy.Check("http://169.254.169.254/").Should().Be(VendorEndpointPolicy.NotAllowedMessage);
        policy.Check("https://u:p@cds.example.com/").Should().Be("endpoint格式错误");
        policy.Check("file:///etc/passwd").Should().Be("endpoint格式错误");
        new VendorEndpointPolicy([], allowPrivate: true).Check("https://cds.example.com/")
            .Should().Be(VendorEndpointPolicy.NotAllowedMessage, "no list: no override at all");
    }

    [Theory]
    [InlineData("127.0.0.1", false, false)]
    [InlineData("127.0.0.1", true, true)]
    [InlineData("10.1.2.3", false, false)]
    [InlineData("169.254.169.254", true, false)]
    [InlineData("::ffff:169.254.169.254", true, false)]
    [InlineData("203.0.113.7", false, true)]
    public void Addresses(string ip, bool allowPrivate, bool allowed) =>
        new VendorEndpointPolicy([], allowPrivate).IsAllowed(IPAddress.Parse(ip)).Should().Be(allowed);

    [Fact]
    public async Task The_handler_refuses_to_connect_to_loopback_unless_configured()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        using var strict = new HttpClient(new VendorEndpointPolicy(["127.0.0.1"], false).Handler());
        var refused = await FluentActions.Awaiting(() => strict.GetAsync(url)).Should()
            .ThrowAsync<HttpRequestException>();
        refused.Which.Message.Should().Contain(VendorEndpointPolicy.InternalMessage);
        listener.Pending().Should().BeFalse("nothing connected");

        using var lenient = new HttpClient(new VendorEndpointPolicy(["127.0.0.1"], true).Handler())
            { Timeout = TimeSpan.FromSeconds(2) };
        var call = lenient.GetAsync(url);
        using var accepted = await listener.AcceptTcpClientAsync();
        accepted.Connected.Should().BeTrue();
        accepted.Close();
        await FluentActions.Awaiting(() => call).Should().ThrowAsync<Exception>("the listener answers nothing");
    }
}
