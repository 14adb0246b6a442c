using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kboss.Fakes;

/// <summary>
/// A local stand-in for Aliyun SMS <c>SendSms</c> (dysmsapi, version 2017-05-25). It checks each request the way the
/// provider does — signature version 1.0 (HMAC-SHA1 of <c>POST&amp;%2F&amp;encoded canonical query</c> with key
/// <c>secret&amp;</c>, its own RFC 3986 encoder), fresh nonce, timestamp within 15 minutes, the action, the sign name
/// and template — and answers with the provider's JSON: <c>{"Code":"OK",...}</c>, or an error code
/// (<c>SignatureDoesNotMatch</c> with HTTP 400, <c>isv.BUSINESS_LIMIT_CONTROL</c> for numbers in <see cref="Refuse"/>).
/// The codes it "delivered" are kept per number for the tests.
/// </summary>
public class FakeAliyunSms(int port = 0) : FakeServer(port)
{
    public const string KeyId = "LTAI-test-key-id";
    public const string Secret = "test-secret-not-real";
    public const string SignName = "开元云";
    public const string Template = "SMS_000001";

    public ConcurrentDictionary<string, string> LastCode { get; } = new();
    public ConcurrentQueue<Dictionary<string, string>> Requests { get; } = new();
    public ConcurrentQueue<string> Errors { get; } = new();
    public HashSet<string> Refuse { get; } = [];
    /// <summary>When set, requests wait for it (time-out tests).</summary>
    public TaskCompletionSource? Hold { get; set; }
    /// <summary>The provider's clock for the 15-minute timestamp check (tests that move the app's clock move it
    /// too).</summary>
    public Func<DateTime> Now { get; set; } = () => DateTime.UtcNow;
    /// <summary>Answer with HTML instead of JSON.</summary>
    public bool Garble { get; set; }
    private readonly ConcurrentDictionary<string, byte> _nonces = new();
    public string BaseUrl => Root + "/";

    /// <summary>Settings pointing the app's Aliyun adapter at this fake.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["Sms:Aliyun:BaseUrl"] = BaseUrl, ["Sms:Aliyun:AccessKeyId"] = KeyId, ["Sms:Aliyun:AccessKeySecret"] = Secret,
        ["Sms:Aliyun:SignName"] = SignName, ["Sms:Aliyun:TemplateCode"] = Template,
    };

    protected internal override void Map(WebApplication app) => app.MapPost("/", Handle);

    private async Task<IResult> Handle(HttpRequest request)
    {
        if (Hold is { } hold) await hold.Task.WaitAsync(request.HttpContext.RequestAborted);
        if (Garble) return Results.Content("<html>502 Bad Gateway</html>", "text/html");
        var form = await request.ReadFormAsync();
        var p = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        Requests.Enqueue(p);
        string Get(string k) => p.TryGetValue(k, out var v) ? v : "";
        var requestId = Guid.NewGuid().ToString().ToUpperInvariant();
        if (Get("Action") != "SendSms" || Get("Version") != "2017-05-25" || Get("SignatureMethod") != "HMAC-SHA1"
            || Get("SignatureVersion") != "1.0" || Get("Format") != "JSON")
            return Error(400, "InvalidParameter", "bad common parameters", requestId);
        if (Get("AccessKeyId") != KeyId)
            return Error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.", requestId);
        if (!_nonces.TryAdd(Get("SignatureNonce"), 0) || Get("SignatureNonce").Length == 0)
            return Error(400, "SignatureNonceUsed", "Specified signature nonce was used already.", requestId);
        if (!DateTime.TryParseExact(Get("Timestamp"), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            || Math.Abs((Now() - at).TotalMinutes) > 15)
            return Error(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.", requestId);
        var expected = Signature(p.Where(kv => kv.Key != "Signature"));
        if (Get("Signature") != expected)
        {
            Errors.Enqueue("signature mismatch");
            return Error(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.",
                requestId);
        }
        if (Get("SignName") != SignName) return Error(200, "isv.SMS_SIGNATURE_ILLEGAL", "签名不合法", requestId);
        if (Get("TemplateCode") != Template) return Error(200, "isv.SMS_TEMPLATE_ILLEGAL", "模板不合法", requestId);
        var phone = Get("PhoneNumbers");
        if (Refuse.Contains(phone)) return Error(200, "isv.BUSINESS_LIMIT_CONTROL", "触发小时级流控Permits:5", requestId);
        var code = JsonNode.Parse(Get("TemplateParam"))?["code"]?.GetValue<string>();
        if (code is null) return Error(200, "isv.TEMPLATE_MISSING_PARAMETERS", "模板缺少变量", requestId);
        LastCode[phone] = code;
        return Results.Json(new JsonObject
        {
            ["Message"] = "OK", ["RequestId"] = requestId, ["BizId"] = "9006197469364984400^0", ["Code"] = "OK",
        });
    }

    private static IResult Error(int status, string code, string message, string requestId) => Results.Json(
        new JsonObject
        {
            ["RequestId"] = requestId, ["Message"] = message, ["Recommend"] = "https://api.aliyun.com/troubleshoot",
            ["HostId"] = "dysmsapi.aliyuncs.com", ["Code"] = code,
        },
        statusCode: status);

    /// <summary>The provider's computation, written independently of the adapter.</summary>
    public static string Signature(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var canonical = string.Join("&", parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => Percent(kv.Key) + "=" + Percent(kv.Value)));
        var toSign = "POST&" + Percent("/") + "&" + Percent(canonical);
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(Secret + "&"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(toSign)));
    }

    private static string Percent(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var ch = (char)b;
            if (ch is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
                sb.Append(ch);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    public override Task DisposeAsync()
    {
        Hold?.TrySetResult();
        return base.DisposeAsync();
    }
}
