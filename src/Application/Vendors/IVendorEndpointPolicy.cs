namespace Kboss.Application.Vendors;

/// <summary>
/// Which base URLs an org's vendor key may name as its <c>endpoint</c> (ADR 0037): an allow-list of hosts set by the
/// platform (<c>Vendors:EndpointAllowedHosts</c>, empty by default: no override), so an operator cannot point kboss's
/// signed calls at an address of kboss's own network. The HTTP clients check every address again when they connect.
/// </summary>
public interface IVendorEndpointPolicy
{
    /// <summary>Null when <paramref name="url"/> may be used; else the reason (Chinese, for <c>msg</c>).</summary>
    string? Check(string url);
}
