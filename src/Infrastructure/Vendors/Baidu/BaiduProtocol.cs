using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Domain.Vendors;

namespace Kboss.Infrastructure.Vendors.Baidu;

/// <summary>
/// Baidu Cloud's reseller (虚商) API (analysis/vendors.md §4.4): a JSON body with <c>Host</c>, <c>Content-Type</c>
/// and <c>x-bce-date</c> signed by <see cref="BceSigner"/> (BCE auth v1). A 2xx answer is success (the answer object
/// is the payload); an error is Baidu's <c>{requestId, code, message}</c> with HTTP 4xx/5xx. Host:
/// <c>Vendors:Baidu:Host</c> (default https://billing.baidubce.com) or the operator key's endpoint.
/// </summary>
public sealed class BaiduProtocol(VendorHost host, TimeProvider clock) : IVendorProtocol
{
    private const string ContentType = "application/json; charset=utf-8";

    public string Vendor => VendorCodes.Baidu;
    public VendorHost Host => host;

    public HttpRequestMessage Build(VendorKey key, VendorRequest request)
    {
        var endpoint = new Uri(host.BaseFor(key) + request.Path);
        var now = clock.GetUtcNow();
        var date = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var hostHeader = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        var message = new HttpRequestMessage(new HttpMethod(request.Method), endpoint)
        {
            Content = new StringContent(request.Body.ToJsonString(), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        message.Headers.Host = hostHeader;
        message.Headers.TryAddWithoutValidation("x-bce-date", date);
        message.Headers.TryAddWithoutValidation("Authorization", BceSigner.Authorization(request.Method,
            endpoint.AbsolutePath, [], [new("host", hostHeader), new("content-type", ContentType), new("x-bce-date", date)],
            key.AccessKeyId, key.Secret, now));
        return message;
    }

    public VendorResult<JsonNode?> Parse(VendorHttpAnswer answer)
    {
        if (!VendorAnswers.TryRead(answer, out var root, out var failure)) return failure;
        var requestId = VendorJson.Str(root, "requestId");
        return answer.Status is >= 200 and < 300
            ? VendorAnswers.Ok(answer, root, requestId)
            : VendorAnswers.Error(answer, VendorJson.Str(root, "code"), VendorJson.Str(root, "message"), requestId);
    }
}
