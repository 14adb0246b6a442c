using System.Net;
using System.Net.Sockets;
using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Security;

namespace Kboss.Infrastructure.Approval;

/// <summary>
/// <see cref="ICallbackUrlPolicy"/>: an absolute http(s) URL without user info, its host on
/// <see cref="ApprovalSettings.CallbackAllowedHosts"/>, and every address the host resolves to allowed
/// (<see cref="IsAllowed"/>). The sender checks the addresses again when it connects (<see cref="ConnectAsync"/>).
/// </summary>
public sealed class CallbackUrlPolicy(ApprovalSettings settings) : ICallbackUrlPolicy
{
    /// <summary>Host not on the allow-list.</summary>
    public const string NotAllowedMessage = "callback_url域名不在白名单内";
    /// <summary>An address of the host is internal.</summary>
    public const string InternalMessage = "callback_url不能指向内网、本机或链路本地地址";

    /// <inheritdoc />
    public async Task<string?> CheckAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
            return "callback_url格式错误";
        if (!HostAllowed(uri.IdnHost)) return NotAllowedMessage;
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return "callback_url域名无法解析";
        }
        return addresses.Length > 0 && addresses.All(IsAllowed) ? null : InternalMessage;
    }

    /// <summary>True when <paramref name="host"/> is allow-listed (exact, or <c>*.suffix</c> for subdomains).</summary>
    public bool HostAllowed(string host) => NetworkAddresses.HostAllowed(settings.CallbackAllowedHosts, host);

    /// <summary>Never link-local, multicast or unspecified; loopback and private only when configured.</summary>
    public bool IsAllowed(IPAddress ip) =>
        !NetworkAddresses.IsNeverAService(ip)
        && (settings.AllowPrivateCallbackAddresses || !NetworkAddresses.IsInternal(ip));

    /// <summary>Connects to <paramref name="endpoint"/> only when every address it resolves to is allowed (the
    /// sender's connect callback).</summary>
    public ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken ct) =>
        NetworkAddresses.ConnectCheckedAsync(endpoint, IsAllowed, InternalMessage, ct);

    private static Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        NetworkAddresses.ResolveAsync(host, ct);
}
