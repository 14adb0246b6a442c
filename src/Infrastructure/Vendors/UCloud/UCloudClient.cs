using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Application.Vendors.UCloud;

namespace Kboss.Infrastructure.Vendors.UCloud;

/// <summary>
/// <see cref="IUCloudClient"/> over HTTP (analysis/vendors.md §4.7): a form POST to the API root with <c>Action</c>,
/// the parameters, <c>PublicKey</c> and <see cref="UCloudSignature"/>. The answer <c>{RetCode, Action, Message, …}</c>
/// is read alias-tolerantly; <c>RetCode == 0</c> is success.
/// </summary>
public sealed class UCloudClient(HttpClient http, UCloudSettings settings) : IUCloudClient
{
    public async Task<VendorResult<JsonObject>> SendAsync(VendorKey key, UCloudAction action,
        UCloudParams parameters, CancellationToken ct)
    {
        var sent = await VendorTransport.SendAsync(http, () => Build(key, action, parameters), action.ReadOnly,
            settings.Limits, ct);
        return sent.Success ? Parse(sent.Data!) : sent.As<JsonObject>();
    }

    /// <summary>The signed request (public for golden tests).</summary>
    public HttpRequestMessage Build(VendorKey key, UCloudAction action, UCloudParams parameters)
    {
        var form = new SortedDictionary<string, string>(parameters, StringComparer.Ordinal)
        {
            ["Action"] = action.Name, ["PublicKey"] = key.AccessKeyId,
        };
        form["Signature"] = UCloudSignature.Sign(form, key.Secret);
        return new HttpRequestMessage(HttpMethod.Post, (key.Endpoint ?? settings.ApiRoot) + "/")
        {
            Content = new FormUrlEncodedContent(form),
        };
    }

    /// <summary>Reads a UCloud answer (public for tests).</summary>
    public static VendorResult<JsonObject> Parse(VendorHttpAnswer answer)
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
        if (root is not JsonObject o)
            return VendorResult<JsonObject>.Fail(answer.Status >= 500 ? VendorErrorKind.Unavailable
                : VendorErrorKind.Malformed, null, null, answer.Status);
        var code = VendorJson.Long(o, "RetCode");
        var message = VendorJson.Str(o, "Message", "Msg");
        message = message is { Length: > 200 } ? message[..200] : message;
        var requestId = VendorJson.Str(o, "RequestUUID", "RequestId");
        if (code == 0 && answer.Status < 300)
        {
            var data = (JsonObject)o.DeepClone();
            foreach (var name in new[] { "RetCode", "Action", "Message" })
                foreach (var k in data.Select(p => p.Key).Where(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
                             .ToList())
                    data.Remove(k);
            return VendorResult<JsonObject>.Ok(data, "0", message, requestId, answer.Status);
        }
        if (code is null)
            return VendorResult<JsonObject>.Fail(answer.Status >= 500 ? VendorErrorKind.Unavailable
                : VendorErrorKind.Malformed, null, message, answer.Status, requestId);
        return VendorResult<JsonObject>.Fail(Classify(code.Value, message, answer.Status), code.ToString(), message,
            answer.Status, requestId);
    }

    /// <summary>
    /// The kind of a UCloud <c>RetCode</c> (UCloud's common codes: 160 no such action, 170 missing signature, 171
    /// signature error, 172 user not found, 230 parameter not available, 8xxx product errors; the message decides for
    /// the rest).
    /// </summary>
    public static VendorErrorKind Classify(long code, string? message, int status)
    {
        bool Has(string part) => (message ?? "").Contains(part, StringComparison.OrdinalIgnoreCase);
        if (status >= 500) return VendorErrorKind.Unavailable;
        if (code is >= 170 and <= 179) return VendorErrorKind.Auth;
        if (code is 160 or 161 or 230) return VendorErrorKind.Validation;
        if (Has("not exist") || Has("not found")) return VendorErrorKind.NotFound;
        if (Has("not available") || Has("invalid") || Has("missing")) return VendorErrorKind.Validation;
        if (Has("balance") || Has("quota") || Has("余额") || Has("配额")) return VendorErrorKind.QuotaOrBalance;
        if (Has("frequen") || Has("limit")) return VendorErrorKind.RateLimited;
        if (Has("state") || Has("status") || Has("in use")) return VendorErrorKind.Conflict;
        return VendorErrorKind.Unknown;
    }
}
