using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Domain.Vendors;

namespace Kboss.Infrastructure.Vendors.Jiajie;

/// <summary>
/// Alibaba Cloud's ECS OpenAPI, RPC style (analysis/vendors.md §4.3 [PUB]): a GET whose query holds the common
/// parameters (<c>Action</c> = the request's name, <c>Version=2014-05-26</c>, <c>Format=JSON</c>,
/// <c>AccessKeyId</c>, <c>SignatureMethod=HMAC-SHA1</c>, <c>SignatureVersion=1.0</c>, <c>SignatureNonce</c>,
/// <c>Timestamp</c>) and the action's (the request body's members), signed with <see cref="RpcSignature"/>. A 2xx
/// answer is success; an error is <c>{RequestId, Code, Message}</c> (e.g. <c>InvalidPayMethod</c>, HTTP 400). Host:
/// <c>Vendors:Aliyun:Host</c> (default https://ecs.aliyuncs.com) or the key's endpoint.
/// </summary>
public sealed class AliyunProtocol(VendorHost host, TimeProvider clock, INonceGenerator nonces) : IVendorProtocol
{
    public string Vendor => VendorCodes.Aliyun;
    public VendorHost Host => host;

    public HttpRequestMessage Build(VendorKey key, VendorRequest request)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("Action", request.Name), new("Version", "2014-05-26"), new("Format", "JSON"),
            new("AccessKeyId", key.AccessKeyId), new("SignatureMethod", "HMAC-SHA1"),
            new("SignatureNonce", nonces.Next()), new("SignatureVersion", "1.0"),
            new("Timestamp", RpcSignature.Timestamp(clock.GetUtcNow())),
        };
        query.AddRange(request.Body.Where(p => VendorJson.Text(p.Value) is not null)
            .Select(p => new KeyValuePair<string, string>(p.Key, VendorJson.Text(p.Value)!)));
        query.Add(new("Signature", RpcSignature.Sign("GET", query, key.Secret)));
        return new HttpRequestMessage(HttpMethod.Get, host.BaseFor(key) + request.Path + "?" +
            string.Join("&", query.Select(p => RpcSignature.Encode(p.Key) + "=" + RpcSignature.Encode(p.Value))));
    }

    public VendorResult<JsonNode?> Parse(VendorHttpAnswer answer)
    {
        if (!VendorAnswers.TryRead(answer, out var root, out var failure)) return failure;
        var requestId = VendorJson.Str(root, "RequestId");
        return answer.Status is >= 200 and < 300
            ? VendorAnswers.Ok(answer, root, requestId)
            : VendorAnswers.Error(answer, VendorJson.Str(root, "Code"), VendorJson.Str(root, "Message"), requestId);
    }
}
