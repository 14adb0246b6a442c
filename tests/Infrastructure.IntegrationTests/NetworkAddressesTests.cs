using System.Net;
using Kboss.Infrastructure.Security;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>Address classes checked before connecting to an address taken from data (ADR 0014, ADR 0026).</summary>
public sealed class NetworkAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("64:ff9b::7f00:1")] // NAT64 of 127.0.0.1 (review finding)
    [InlineData("64:ff9b::a00:1")] // NAT64 of 10.0.0.1
    [InlineData("2002:7f00:1::")] // 6to4 of 127.0.0.1
    [InlineData("2002:c0a8:1::1")] // 6to4 of 192.168.0.1
    public void Internal_addresses_are_internal_also_inside_ipv6(string address) =>
        NetworkAddresses.IsInternal(IPAddress.Parse(address)).Should().BeTrue();

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("2002:a9fe:a9fe::")] // 6to4 of 169.254.169.254
    [InlineData("fe80::1")]
    [InlineData("0.0.0.0")]
    public void Metadata_link_local_and_unspecified_addresses_are_never_a_service(string address) =>
        NetworkAddresses.IsNeverAService(IPAddress.Parse(address)).Should().BeTrue();

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("64:ff9b::5db8:d822")]
    [InlineData("2606:2800:220:1::1")]
    public void Public_addresses_pass(string address)
    {
        var ip = IPAddress.Parse(address);
        NetworkAddresses.IsInternal(ip).Should().BeFalse();
        NetworkAddresses.IsNeverAService(ip).Should().BeFalse();
    }
}
