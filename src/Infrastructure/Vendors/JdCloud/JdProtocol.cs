using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Domain.Vendors;

namespace Kboss.Infrastructure.Vendors.JdCloud;

/// <summary>
/// JD Cloud's partner OpenAPI (analysis/vendors.md §4.5): a JSON POST signed by <see cref="JdSigner"/> (headers
/// <c>x-jdcloud-date</c>, <c>x-jdcloud-nonce</c>, <c>authorization</c>; scope region <c>cn-north-1</c>, service
/// <c>partner</c>). The answer is JD's <c>{requestId, result}</c>, or <c>{requestId, error: {code, status,
/// message}}</c> (the <c>status</c> text is the vendor code). Host: <c>Vendors:JdCloud:Host</c> (default
/// https://partner.jdcloud-api.com) or the operator key's endpoint.
/// </summary>
public sealed class JdProtocol(VendorHost host, TimeProvider clock, INonceGenerator nonces) : IVendorProtocol
{
    /// <summary>Region of the signing scope.</summary>
    public const string Region = "cn-north-1";
    /// <summary>Service of the signing scope.</summary>
    public const string Service = "partner";
    private const string ContentType = "application/json";

    public string Vendor => VendorCodes.JdCloud;
    public VendorHost Host => host;

    public HttpRequestMessage Build(VendorKey key, VendorRequest request)
    {
        var endpoint = new Uri(host.BaseFor(key) + request.Path);
        var body = request.Body.ToJsonString();
        var now = clock.GetUtcNow();
        var nonce = nonces.Next();
        var hostHeader = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        var message = new HttpRequestMessage(new HttpMethod(request.Method), endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        message.Headers.Host = hostHeader;
        message.Headers.TryAddWithoutValidation("x-jdcloud-date", JdSigner.Date(now));
        message.Headers.TryAddWithoutValidation("x-jdcloud-nonce", nonce);
        message.Headers.TryAddWithoutValidation("authorization", JdSigner.Authorization(request.Method,
            endpoint.AbsolutePath, [], [new("host", hostHeader), new("content-type", ContentType),
                new("x-jdcloud-date", JdSigner.Date(now)), new("x-jdcloud-nonce", nonce)],
            body, Region, Service, key.AccessKeyId, key.Secret, now));
        return message;
    }

    public VendorResult<JsonNode?> Parse(VendorHttpAnswer answer)
    {
        if (!VendorAnswers.TryRead(answer, out var root, out var failure)) return failure;
        var requestId = VendorJson.Str(root, "requestId");
        var error = VendorJson.Get(root, "error");
        if (error is null && answer.Status is >= 200 and < 300)
            return VendorAnswers.Ok(answer, VendorJson.Get(root, "result"), requestId);
        return VendorAnswers.Error(answer, VendorJson.Str(error, "status", "code"), VendorJson.Str(error, "message"),
            requestId);
    }
}
