using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Vendors;
using Kboss.Infrastructure.Vendors.CapitalOnline;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Vendors;

/// <summary>
/// How one vendor signs and answers (ADR 0045): <see cref="Build"/> makes the signed HTTP request of a
/// <see cref="VendorRequest"/>, <see cref="Parse"/> reads the answer into a <see cref="VendorResult{T}"/>.
/// </summary>
public interface IVendorProtocol
{
    /// <summary>The <see cref="Domain.Vendors.VendorCodes"/> value it serves.</summary>
    string Vendor { get; }
    /// <summary>Public host, time-out and retries.</summary>
    VendorHost Host { get; }
    /// <summary>The signed request (called once per attempt: a fresh date and nonce each time).</summary>
    HttpRequestMessage Build(VendorKey key, VendorRequest request);
    /// <summary>Reads an HTTP answer.</summary>
    VendorResult<JsonNode?> Parse(VendorHttpAnswer answer);
}

/// <summary>A vendor's public base URL and limits (section <c>Vendors:&lt;Name&gt;</c>: <c>Host</c>,
/// <c>TimeoutSeconds</c> (15), <c>MaxRetries</c> (2)); a key's endpoint replaces the host. An empty host (a vendor
/// without a public address known to kboss) needs the key's endpoint.</summary>
public sealed record VendorHost(string Name, string Host, VendorLimits Limits)
{
    /// <summary>Reads <c>Vendors:{name}</c>.</summary>
    public static VendorHost From(IConfiguration configuration, string name, string defaultHost)
    {
        var s = configuration.GetSection($"Vendors:{name}");
        return new VendorHost(name, (s["Host"] ?? defaultHost).TrimEnd('/'),
            new VendorLimits(TimeSpan.FromSeconds(s.GetValue("TimeoutSeconds", 15.0)), s.GetValue("MaxRetries", 2)));
    }

    /// <summary>The base URL for <paramref name="key"/> (its endpoint, else <see cref="Host"/>).</summary>
    public string BaseFor(VendorKey key) => (key.Endpoint ?? Host).TrimEnd('/');
}

/// <summary><see cref="IVendorApi"/> over <see cref="VendorTransport"/> and the vendors' protocols.</summary>
public sealed class VendorApi(HttpClient http, IEnumerable<IVendorProtocol> protocols) : IVendorApi
{
    private readonly Dictionary<string, IVendorProtocol> _protocols = protocols.ToDictionary(p => p.Vendor);

    public async Task<VendorResult<JsonNode?>> SendAsync(string vendor, VendorKey key, VendorRequest request,
        CancellationToken ct)
    {
        var protocol = _protocols[vendor];
        if (protocol.Host.BaseFor(key).Length == 0)
            throw new BusinessException(
                $"{protocol.Host.Name}接口地址未配置(Vendors:{protocol.Host.Name}:Host,或密钥的endpoint)",
                ErrorCodes.NotConfigured);
        var sent = await VendorTransport.SendAsync(http, () => protocol.Build(key, request), request.ReadOnly,
            protocol.Host.Limits, ct);
        return sent.Success ? protocol.Parse(sent.Data!) : sent.As<JsonNode?>();
    }
}

/// <summary>Reading vendor answers: JSON or a failure, and the kind of an error code.</summary>
public static class VendorAnswers
{
    /// <summary>The answer's JSON object; null when the body is empty.</summary>
    /// <returns>False (with <paramref name="failure"/>) when the body is not a JSON object: a 5xx is
    /// <see cref="VendorErrorKind.Unavailable"/>, anything else <see cref="VendorErrorKind.Malformed"/>.</returns>
    public static bool TryRead(VendorHttpAnswer answer, out JsonObject? root, out VendorResult<JsonNode?> failure)
    {
        failure = null!;
        root = null;
        if (string.IsNullOrWhiteSpace(answer.Body) && answer.Status is >= 200 and < 300) return true;
        try
        {
            root = JsonNode.Parse(answer.Body) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }
        if (root is not null) return true;
        failure = VendorResult<JsonNode?>.Fail(answer.Status >= 500 ? VendorErrorKind.Unavailable
            : VendorErrorKind.Malformed, null, null, answer.Status);
        return false;
    }

    /// <summary>A failure with the vendor's code and message (trimmed to 200 characters).</summary>
    public static VendorResult<JsonNode?> Error(VendorHttpAnswer answer, string? code, string? message,
        string? requestId) =>
        VendorResult<JsonNode?>.Fail(CdsClient.Classify(code, answer.Status), code ?? answer.Status.ToString(),
            message is { Length: > 200 } ? message[..200] : message, answer.Status, requestId);

    /// <summary>A success.</summary>
    public static VendorResult<JsonNode?> Ok(VendorHttpAnswer answer, JsonNode? data, string? requestId) =>
        VendorResult<JsonNode?>.Ok(data?.DeepClone(), null, null, requestId, answer.Status);
}
