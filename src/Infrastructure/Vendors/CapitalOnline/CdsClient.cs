using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Application.Vendors.CapitalOnline;

namespace Kboss.Infrastructure.Vendors.CapitalOnline;

/// <summary>
/// <see cref="ICdsClient"/> over HTTP (analysis/vendors.md §4.6): the common parameters (<c>Action</c>,
/// <c>AccessKeyId</c>, <c>SignatureMethod=HMAC-SHA1</c>, <c>SignatureVersion=1.0</c>, <c>SignatureNonce</c>,
/// <c>Timestamp</c>, <c>Version</c>) and, for a GET action, its parameters go in the query and are signed with
/// <see cref="RpcSignature"/>; a POST action's parameters are the unsigned JSON body. The answer
/// <c>{Code, Message, Data, RequestId, TaskId}</c> is read alias-tolerantly; <c>Code == "Success"</c> is success.
/// </summary>
public sealed class CdsClient(HttpClient http, CdsSettings settings, TimeProvider clock, INonceGenerator nonces)
    : ICdsClient
{
    public async Task<VendorResult<CdsAnswer>> SendAsync(VendorKey key, CdsAction action, JsonObject parameters,
        CancellationToken ct)
    {
        var sent = await VendorTransport.SendAsync(http, () => Build(key, action, parameters), action.ReadOnly,
            settings.Limits, ct);
        return sent.Success ? Parse(sent.Data!) : sent.As<CdsAnswer>();
    }

    /// <summary>The signed request (public for golden tests).</summary>
    public HttpRequestMessage Build(VendorKey key, CdsAction action, JsonObject parameters)
    {
        var method = action.Get ? HttpMethod.Get : HttpMethod.Post;
        var query = new List<KeyValuePair<string, string>>
        {
            new("Action", action.Name), new("AccessKeyId", key.AccessKeyId), new("SignatureMethod", "HMAC-SHA1"),
            new("SignatureNonce", nonces.Next()), new("SignatureVersion", "1.0"),
            new("Timestamp", RpcSignature.Timestamp(clock.GetUtcNow())), new("Version", settings.Version),
        };
        if (action.Get)
            query.AddRange(parameters.Where(p => p.Value is not null)
                .Select(p => new KeyValuePair<string, string>(p.Key, QueryText(p.Value!))));
        query.Add(new("Signature", RpcSignature.Sign(method.Method, query, key.Secret)));
        var url = BaseUrl(key, action.Family) + "?" +
                  string.Join("&", query.Select(p => RpcSignature.Encode(p.Key) + "=" + RpcSignature.Encode(p.Value)));
        var request = new HttpRequestMessage(method, url);
        if (!action.Get)
            request.Content = new StringContent(parameters.ToJsonString(), Encoding.UTF8, "application/json");
        return request;
    }

    private string BaseUrl(VendorKey key, CdsFamily family)
    {
        var network = key.Endpoint ?? settings.NetworkHost;
        var api = key.Endpoint ?? settings.ApiHost;
        return family switch
        {
            CdsFamily.Network => network + "/vpc/",
            CdsFamily.Ecs => api + "/ecs/v1/",
            CdsFamily.EcsImages => api + "/ecs/v1.1/",
            CdsFamily.Ebs => api + "/ebs/v1/",
            _ => api + "/sg/v1/",
        };
    }

    private static string QueryText(JsonNode value) =>
        VendorJson.Text(value) ?? value.ToJsonString();

    /// <summary>Reads a CDS answer (public for tests).</summary>
    public static VendorResult<CdsAnswer> Parse(VendorHttpAnswer answer)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(answer.Body);
        }
        catch (JsonException)
        {
            root = null;
        }
        if (root is not JsonObject)
            return VendorResult<CdsAnswer>.Fail(answer.Status >= 500 ? VendorErrorKind.Unavailable
                : VendorErrorKind.Malformed, null, null, answer.Status);
        var code = VendorJson.Str(root, "Code");
        var message = Clip(VendorJson.Str(root, "Message", "Msg", "CodeMsg"));
        var requestId = VendorJson.Str(root, "RequestId");
        if (string.Equals(code, "Success", StringComparison.OrdinalIgnoreCase) && answer.Status < 300)
            return VendorResult<CdsAnswer>.Ok(
                new CdsAnswer(VendorJson.Get(root, "Data")?.DeepClone(), VendorJson.Str(root, "TaskId")),
                code, message, requestId, answer.Status);
        if (code is null && answer.Status < 500)
            return VendorResult<CdsAnswer>.Fail(VendorErrorKind.Malformed, null, message, answer.Status, requestId);
        return VendorResult<CdsAnswer>.Fail(Classify(code, answer.Status), code, message, answer.Status, requestId);
    }

    /// <summary>The kind of a CDS error code (codes of the public documents; unknown ones are
    /// <see cref="VendorErrorKind.Unknown"/>).</summary>
    public static VendorErrorKind Classify(string? code, int status)
    {
        var c = code ?? "";
        bool Has(string part) => c.Contains(part, StringComparison.OrdinalIgnoreCase);
        if (status >= 500) return VendorErrorKind.Unavailable;
        if (Has("InvalidOperation")) return VendorErrorKind.Conflict; // HTTP 403 for a state refusal (§3.8), not a key
        if (status is 401 or 403 || Has("Signature") || Has("AccessKey") || Has("Forbidden"))
            return VendorErrorKind.Auth;
        if (status == 429 || Has("Throttl") || Has("Frequen")) return VendorErrorKind.RateLimited;
        if (Has("NotFound") || Has("NotExist")) return VendorErrorKind.NotFound;
        if (Has("Quota") || Has("Balance") || Has("Insufficient") || Has("Exceed")) return VendorErrorKind.QuotaOrBalance;
        if (Has("Invalid") || Has("Parameter") || Has("Missing")) return VendorErrorKind.Validation;
        if (Has("Status") || Has("Conflict") || Has("InUse") || Has("Exist")) return VendorErrorKind.Conflict;
        return VendorErrorKind.Unknown;
    }

    private static string? Clip(string? s) => s is { Length: > 200 } ? s[..200] : s;
}
