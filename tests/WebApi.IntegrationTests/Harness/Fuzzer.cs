using System.Text;
using System.Text.Json.Nodes;
using H = Kboss.WebApi.IntegrationTests.Harness.Inputs;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>
/// Sends every operation of the OpenAPI document, as every role, the malformed and hostile inputs of ADR 0020: empty,
/// plausible (query/form and JSON), 10 KB values, 1 MB bodies, injection-looking values, a wrong JSON type in each
/// parameter, repeated parameters, invalid UTF-8 (query, form, JSON), 1000-deep and truncated JSON, an unknown content
/// type.
/// </summary>
public sealed class Fuzzer(HarnessClient client, Realm realm, int seed, int parallelism)
{
    public const string Part = "fuzz";

    /// <summary>Roles that also get the 1 MB bodies (the body limit is the server's, not the role's).</summary>
    private static readonly HashSet<string> BigBodyRoles = ["anonymous", "operator"];

    /// <summary>
    /// Inputs still sent to a caller refused by authentication or a role policy (which run before binding).
    /// </summary>
    private static readonly HashSet<string> GateKinds = ["empty", "10kb-values", "1mb-form", "5mb-form", "40kb-header",
        "invalid-utf8-query", "deep-json", "injection#0"];

    /// <summary>
    /// Inputs in the query string (or headers) only: all a GET gets when the same path also takes POST.
    /// </summary>
    private static readonly HashSet<string> QueryKinds =
        [FirstKind, "empty", "10kb-values", "repeated-query", "invalid-utf8-query", "40kb-header",
            .. H.Injections.Select((_, i) => $"injection#{i}-query")];

    public Task RunAsync(IReadOnlyList<ApiOperation> operations)
    {
        var withPost = operations.Where(o => o.Method == "POST").Select(o => o.Path).ToHashSet(StringComparer.Ordinal);
        var pairs = operations.SelectMany(op => realm.FuzzRoles.Concat(op.IsPcapi ? [realm.PcapiA] : [])
            .Select(role => (op, role)));
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        return Parallel.ForEachAsync(pairs, options, async (pair, _) =>
        {
            var (op, role) = pair;
            var caller = op.Path.EndsWith("/logout.dspy", StringComparison.Ordinal) ? realm.SpareFor(role) : role;
            var gated = false;
            // the same action binds GET and POST alike: bodies go to the POST, the query string to both
            var queryOnly = op.Method == "GET" && withPost.Contains(op.Path);
            foreach (var (kind, request) in Inputs(op, role))
            {
                if ((gated && !GateKinds.Contains(kind)) || (queryOnly && !QueryKinds.Contains(kind))) continue;
                var answer = await client.SendAsync(new Probe(Part, role.Role, op.Method, op.Path, kind), caller,
                    request);
                if (kind == FirstKind && answer is not null) gated = HarnessClient.RefusedBeforeBinding(answer);
            }
        });
    }

    private const string FirstKind = "plausible-legacy";

    /// <summary>Operations that end the sessions of the user named by <c>userid</c>: fuzzed on the realm's victim, so
    /// the admin's fuzz does not sign A's operator out for the parts that follow.</summary>
    private static readonly HashSet<string> EndsSessionsOfUserid =
        ["/user/reset_password.dspy", "/user/disable_user.dspy"];

    /// <summary>
    /// One operation in this many also gets the inputs beyond the server's limits (5 MB body, 40 KB header).
    /// </summary>
    private const int LimitSample = 12;

    private IEnumerable<(string Kind, HarnessRequest Request)> Inputs(ApiOperation op, Caller role)
    {
        var rng = new Random(seed ^ H.StableHash($"{op} {role.Role}"));
        var names = op.Parameters.Select(p => p.Name).DefaultIfEmpty("x").ToList();
        var (m, path) = (op.Method, op.Path);
        Dictionary<string, string> All(Func<string, string> value) => names.ToDictionary(n => n, value);
        JsonObject JsonAll(Func<string, JsonNode?> value) => new(names.Select(n => KeyValuePair.Create(n, value(n))));
        var plausible = All(n => H.Plausible(n, realm));
        if (EndsSessionsOfUserid.Contains(path) && plausible.ContainsKey("userid"))
            plausible["userid"] = realm.VictimUserId;
        string[] transports = ["query", "form", "json"];

        yield return (FirstKind, H.Legacy(m, path, plausible));
        yield return ("empty", new HarnessRequest(m, path));
        yield return ("plausible-json", H.Json(m, path, JsonAll(n => plausible[n])));
        yield return ("10kb-values", H.Legacy(m, path, All(_ => H.TenKb)));
        yield return ("10kb-json", H.Json(m, path, JsonAll(_ => H.TenKb)));
        if (BigBodyRoles.Contains(role.Role))
        {
            yield return ("1mb-form", new HarnessRequest(m, path, Body: H.OneMbBody(names[0], json: false),
                ContentType: "application/x-www-form-urlencoded"));
            yield return ("1mb-json", new HarnessRequest(m, path, Body: H.OneMbBody(names[0], json: true),
                ContentType: "application/json"));
        }
        if (H.StableHash(op.ToString()) % LimitSample == 0)
        {
            if (role.Role == "operator") yield return ("5mb-form", new HarnessRequest(m, path, Announced: H.FiveMb));
            if (role.Role == "anonymous") yield return ("40kb-header", new HarnessRequest(m, path,
                Headers: H.HugeHeader));
        }
        foreach (var (value, i) in H.Injections.Select((v, i) => (v, i)))
        {
            var transport = m == "GET" ? "query" : transports[1 + rng.Next(2)];
            var kind = $"injection#{i}-{transport}";
            yield return transport switch
            {
                "json" => (kind, H.Json(m, path, JsonAll(_ => value))),
                "form" => (kind, H.Form(m, path, All(_ => value))),
                _ => (kind, new HarnessRequest(m, path, H.Query(All(_ => value)))),
            };
        }
        Func<JsonNode?>[] wrongTypes = [() => new JsonObject { ["a"] = 1 }, () => new JsonArray(1, "x"), () => 1e308,
            () => true, () => null,
            () => -9223372036854775808m * 10];
        foreach (var name in op.Parameters.Select(p => p.Name))
        {
            var t = rng.Next(wrongTypes.Length);
            yield return ($"wrong-type#{t}:{name}", H.Json(m, path, JsonAll(n => n == name ? wrongTypes[t]()
                : plausible[n])));
        }
        var repeated = names.SelectMany(n => new[] { KeyValuePair.Create(n, "1"), KeyValuePair.Create(n, "x") });
        yield return ("repeated-query", new HarnessRequest(m, path, H.Query(repeated)));
        var invalid = string.Join("&", names.Select(n => $"{n}=%FF%FE%C0%AF"));
        yield return ("invalid-utf8-query", new HarnessRequest(m, path, invalid));
        yield return ("invalid-utf8-form", new HarnessRequest(m, path, Body: H.WithInvalidUtf8($"{names[0]}=", ""),
            ContentType: "application/x-www-form-urlencoded"));
        yield return ("invalid-utf8-json", new HarnessRequest(m, path, Body: H.WithInvalidUtf8($"{{\"{names[0]}\":\"",
            "\"}"), ContentType: "application/json"));
        yield return ("deep-json", new HarnessRequest(m, path, Body: H.DeepJson(names[0], 1000),
            ContentType: "application/json"));
        yield return ("truncated-json", new HarnessRequest(m, path,
            Body: Encoding.UTF8.GetBytes($"{{\"{names[0]}\":\"x"), ContentType: "application/json"));
        yield return ("unknown-content-type", new HarnessRequest(m, path, Body: Encoding.UTF8.GetBytes("x=1"),
            ContentType: "text/plain; charset=utf-8"));
    }
}
