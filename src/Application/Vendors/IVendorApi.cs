using System.Text.Json.Nodes;

namespace Kboss.Application.Vendors;

/// <summary>
/// One call of a JSON vendor API (Baidu, JD Cloud, Jiajie, Casdao; the Alibaba RPC call of module 14):
/// <paramref name="Name"/> names it in the fake's journal, audit and faults; <paramref name="Path"/> is appended to
/// the key's endpoint (or the vendor's public host); <paramref name="Body"/> is the JSON body (POST) or, for an RPC
/// vendor, the action's query parameters. Only <paramref name="ReadOnly"/> calls are ever retried (ADR 0037).
/// </summary>
public sealed record VendorRequest(string Name, string Method, string Path, JsonObject Body, bool ReadOnly)
{
    /// <summary>A read-only POST.</summary>
    public static VendorRequest Read(string name, string path, JsonObject body) => new(name, "POST", path, body, true);

    /// <summary>A POST that changes the vendor's state (sent exactly once).</summary>
    public static VendorRequest Write(string name, string path, JsonObject body) => new(name, "POST", path, body, false);
}

/// <summary>
/// The port of the vendor adapters of issue 15 (analysis/vendors.md §4.3–§4.5, §4.8; ADR 0045): signs
/// <see cref="VendorRequest"/> the way <c>vendor</c> (a <see cref="Domain.Vendors.VendorCodes"/> value) does, sends it
/// with <see cref="VendorKey"/> and reads the vendor's answer; <c>Data</c> is the vendor's payload (the answer object,
/// or its <c>result</c>/<c>data</c> member for JD, Jiajie and Casdao). Never throws for a vendor or transport failure.
/// </summary>
public interface IVendorApi
{
    /// <summary>Sends <paramref name="request"/> to <paramref name="vendor"/>.</summary>
    Task<VendorResult<JsonNode?>> SendAsync(string vendor, VendorKey key, VendorRequest request, CancellationToken ct);
}
