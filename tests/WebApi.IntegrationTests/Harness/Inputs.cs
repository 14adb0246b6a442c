using System.Text;
using System.Text.Json.Nodes;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>Parameter values and request encodings the fuzzer and the sweep build their requests from.</summary>
public static class Inputs
{
    public static readonly string[] Injections =
        ["' OR 1=1--", "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://127.0.0.1:9/a}", "{{7*7}}"];

    /// <summary>Bytes that are not UTF-8: a lone continuation byte, an overlong '/', a lone lead byte.</summary>
    public static readonly byte[] InvalidUtf8 = [0xFF, 0xFE, 0xC0, 0xAF, 0x80, 0xE2];

    public static readonly string TenKb = new('a', 10 * 1024);
    private static readonly string OneMb = new('m', 1024 * 1024);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, bool),
        byte[]> OneMbBodies = new();

    /// <summary>A 1 MB value of <paramref name="name"/> as a form or JSON body (built once per name).</summary>
    public static byte[] OneMbBody(string name, bool json) => OneMbBodies.GetOrAdd((name, json), k =>
        Encoding.UTF8.GetBytes(k.Item2
        ? new JsonObject { [k.Item1] = OneMb }.ToJsonString()
        : Query([KeyValuePair.Create(k.Item1, OneMb)])));

    /// <summary>Above the server's 4 MB body limit (Program.cs), so Kestrel itself answers 413.</summary>
    public const long FiveMb = 5L * 1024 * 1024;

    /// <summary>A header above Kestrel's 32 KB header limit (431).</summary>
    public static readonly IReadOnlyDictionary<string, string> HugeHeader = new Dictionary<string,
        string> { ["X-Harness"] = new('h', 40 * 1024) };

    /// <summary>Parameters that name an object (the cross-org sweep puts each of A's ids there).</summary>
    public static bool IsIdParameter(string name) =>
        name is "id" or "ids" || (name.EndsWith("id", StringComparison.Ordinal) && !IsScopeParameter(name)
            && name != "pid");

    /// <summary>
    /// Parameters that name an org, a centre, a cluster, a site or a user (the sweep puts A's there).
    /// </summary>
    public static bool IsScopeParameter(string name) =>
        name is "cpcid" or "clusterid" or "orgid" or "offer_orgid" or "bid_orgid" or "owner_orgid" or "url_link"
            or "userid";

    /// <summary>
    /// A value that passes the usual validation of a parameter of this name; A's value for scope parameters.
    /// </summary>
    public static string Plausible(string name, Realm realm) => realm.Scope.TryGetValue(name, out var scoped) ? scoped
        : name switch
    {
        "id" or "ids" or "relate_id" or "productid" or "protocolid" => realm.CentreA.Id,
        "page" or "rows" or "current_page" or "page_size" or "priority" or "sort" or "duration" or "amount" or "stock"
            or "route_num" or "distance" or "replicas" or "source_replicasetnum" => "1",
        "unit_price" or "price" or "discount" or "discount_price" or "service_charge" => "1.5",
        "resources" => """[{"type":"cpu","model":"INTEL(R) XEON(R) PLATINUM 8582C","amount":1}]""",
        "duration_unit" or "charge_unit" => "小时",
        "account_unit" => "元",
        "resource_unit" => "核",
        "type" or "labeltype" => "cpu",
        "kind" => "customer",
        "roles" => "customer",
        "username" => "harness-nobody",
        "password" or "psssword" or "api_pwd" or "adminpwd" or "source_authpasswd" => "Harness-pw-1",
        "host" or "ip" or "external_ip" => "127.0.0.1",
        "port" or "sshport" => "9",
        "pcapi_url" => LoopbackGuard.ClosedUrl,
        "kubeconfig" => realm.Kubeconfig,
        "data" => """[{"product_model":"harness","card_type":"A100"}]""",
        "phone" or "contactphone" or "mobile_phone" or "telephone" or "phone_number" => "13800000000",
        "email" => "harness@example.invalid",
        "publish_type" or "favorite_type" or "account_type" or "devicetype" or "cluster_type" => "1",
        "add_opt" => "yes",
        "to_excel" => "0",
        _ when name.Contains("date", StringComparison.Ordinal) || name.EndsWith("_time", StringComparison.Ordinal) =>
            "2026-06-01",
        _ => "harness",
    };

    public static string Query(IEnumerable<KeyValuePair<string, string>> values) =>
        string.Join("&", values.Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value)));

    public static HarnessRequest Form(string method, string path, IEnumerable<KeyValuePair<string, string>> values) =>
        new(method, path, Body: Encoding.UTF8.GetBytes(Query(values)),
            ContentType: "application/x-www-form-urlencoded");

    public static HarnessRequest Json(string method, string path, JsonObject body) =>
        new(method, path, Body: Encoding.UTF8.GetBytes(body.ToJsonString()), ContentType: "application/json");

    /// <summary>The values as query (GET) or form body (other methods): how the legacy clients send them.</summary>
    public static HarnessRequest Legacy(string method, string path, IEnumerable<KeyValuePair<string, string>> values) =>
        method == "GET" ? new HarnessRequest(method, path, Query(values)) : Form(method, path, values);

    /// <summary><c>{"p": [[[…]]]}</c> nested <paramref name="depth"/> deep.</summary>
    public static byte[] DeepJson(string name, int depth) =>
        Encoding.UTF8.GetBytes($"{{\"{name}\":{new string('[', depth)}{new string(']', depth)}}}");

    /// <summary>A body of <paramref name="prefix"/>, the invalid bytes, and <paramref name="suffix"/>.</summary>
    public static byte[] WithInvalidUtf8(string prefix, string suffix) =>
        [.. Encoding.UTF8.GetBytes(prefix), .. InvalidUtf8, .. Encoding.UTF8.GetBytes(suffix)];

    /// <summary>A stable hash (string.GetHashCode differs per process), for seeding per-operation randomness.</summary>
    public static int StableHash(string text)
    {
        var h = 2166136261u;
        foreach (var ch in text) h = (h ^ ch) * 16777619u;
        return (int)(h & 0x7FFFFFFF);
    }
}
