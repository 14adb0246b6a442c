namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>
/// Another operator org, its sales user, a customer of another org and an anonymous caller call every operation that
/// takes an id or a scope parameter with org A's values: each of A's ids in the id parameters, A's centre, cluster,
/// org, site and user in the scope parameters, the other parameters as in A's own successful setup request of that
/// path (so the request passes validation and reaches the ownership check); A's setup writes without such
/// parameters are replayed as they were (a row keyed by its content, e.g. a wlwl price row). A response showing a
/// private object of A (its marker or id) is a
/// cross-org read; a row of A changed, deleted or added to between two database snapshots is a cross-org change.
/// </summary>
public sealed class CrossOrgSweep(HarnessClient client, Realm realm, HarnessHost host, int parallelism)
{
    public const string Part = "cross-org";

    /// <summary>Tables of bookkeeping that any call may write (audit trail, sign-out list).</summary>
    private static readonly HashSet<string> Bookkeeping = ["audit_log", "revoked_token", "cpc_operation"];

    /// <summary>Tables in which a caller legitimately adds its own row about A's public objects.</summary>
    private static readonly HashSet<string> OwnActivity = ["user_browse_history", "user_favorite", "user_inquiry"];

    /// <summary>Tables whose rows only their org (and admin) may read; their ids count as private.</summary>
    private static readonly HashSet<string> PrivateTables =
    [
        "cpclabel", "cpcnode", "cpcpodyaml", "user_inquiry", "enterprise_audit_info", "sale_protocol",
        "specification_template", "specific_data", "customer_resource", "user_favorite", "user_browse_history",
        "message", "msg_config", "document", // Messages and documents (issue 12); A's document stays hidden
    ];

    private IReadOnlyList<string> _ids = [];
    private IReadOnlyList<string> _privateIds = [];
    /// <summary>
    /// Rows that existed when the sweep began (rows the attackers add themselves are theirs to change).
    /// </summary>
    private HashSet<string> _existing = [];

    /// <summary>A's objects: the rows that the setup of A's objects inserted (between the two snapshots).</summary>
    public void LearnObjectsOfA(DbSnapshot before, DbSnapshot after)
    {
        var rows = before.Diff(after).Where(c => c.Before is null && !Bookkeeping.Contains(c.Table)
            && c.Key.Length >= 10).ToList();
        _ids = rows.Select(r => r.Key).Concat([realm.OrgA, realm.CustomerOrgA,
            realm.OperatorAUserId]).Distinct().ToList();
        _privateIds = rows.Where(r => PrivateTables.Contains(r.Table)).Select(r => r.Key).ToList();
    }

    public int ObjectCount => _ids.Count;

    public async Task RunAsync(IReadOnlyList<ApiOperation> operations)
    {
        var targets = operations.Where(o => realm.Recipes.ContainsKey(o.Path)
                || o.Parameters.Any(p => Inputs.IsIdParameter(p.Name) || Inputs.IsScopeParameter(p.Name)))
            .GroupBy(o => o.Path).Select(g => g.FirstOrDefault(o => o.Method == "POST") ?? g.First()).ToList();
        var snapshot = await DbSnapshot.TakeAsync(host.DatabaseFile);
        _existing = snapshot.Rows.Select(r => $"{r.Table}/{r.Key}").ToHashSet(StringComparer.Ordinal);
        foreach (var op in targets)
            foreach (var attacker in realm.Attackers)
            {
                var probe = new Probe(Part, attacker.Role, op.Method, op.Path, "A's ids and scope");
                var requests = Requests(op).ToList();
                if (await SendAsync(probe, attacker, requests[0]) is { } first
                    && HarnessClient.RefusedBeforeBinding(first)) continue;
                await Parallel.ForEachAsync(requests.Skip(1),
                    new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                    async (request, _) => await SendAsync(probe, attacker, request));
                var after = await DbSnapshot.TakeAsync(host.DatabaseFile);
                var changes = snapshot.Diff(after).Where(ChangesA).ToList();
                if (changes.Count > 0)
                    client.Report.Add(FindingClass.CrossOrgChange, probe, string.Join("; ",
                        changes.Take(3).Select(Describe)));
                snapshot = after;
            }
    }

    private async Task<HarnessAnswer?> SendAsync(Probe probe, Caller attacker, (string Kind,
        HarnessRequest Request) request)
    {
        var answer = await client.SendAsync(probe with { Kind = request.Kind }, attacker, request.Request);
        if (answer is not null && answer.Body.StartsWith("{\"status\":true",
            StringComparison.Ordinal)) client.Report.Accepted(probe);
        if (answer is not null && Leak(answer.Body, request.Request) is { } leak)
            client.Report.Add(FindingClass.CrossOrgRead, probe with { Kind = request.Kind },
                $"HTTP {answer.Http}, shows {leak}: {HarnessClient.Short(answer.Body)}");
        return answer;
    }

    /// <summary>
    /// Each of A's ids in the id parameters (optional scope parameters left out: the caller's own); all scope
    /// parameters
    /// at A's values; and each scope parameter alone at A's value (a refused <c>userid</c> must not hide an accepted
    /// <c>url_link</c>).
    /// </summary>
    private IEnumerable<(string Kind, HarnessRequest Request)> Requests(ApiOperation op)
    {
        var idNames = op.Parameters.Where(p => Inputs.IsIdParameter(p.Name)).Select(p => p.Name).ToHashSet();
        var scopes = op.Parameters.Where(p => Inputs.IsScopeParameter(p.Name)).ToList();
        var recipe = realm.Recipes.GetValueOrDefault(op.Path) ?? [];
        // the attacker's copy of A's request must not carry A's marker into the attacker's own rows
        string Base(string name) => recipe.GetValueOrDefault(name)?.Replace(realm.Marker, "harnessb",
            StringComparison.Ordinal)
            ?? Inputs.Plausible(name, realm);
        HarnessRequest With(string? id, Func<ApiParameter, bool> scopeOfA)
        {
            var values = new Dictionary<string, string>();
            foreach (var p in op.Parameters)
                if (id is not null && idNames.Contains(p.Name)) values[p.Name] = p.Name == "ids" ? $"[\"{id}\"]" : id;
                else if (!Inputs.IsScopeParameter(p.Name)) values[p.Name] = Base(p.Name);
                else if (p.Required || scopeOfA(p)) values[p.Name] = Inputs.Plausible(p.Name, realm);
            return Inputs.Legacy(op.Method, op.Path, values);
        }
        foreach (var id in idNames.Count > 0 ? _ids : []) yield return ($"id {id}", With(id, _ => false));
        if (scopes.Count == 0)
        {
            if (idNames.Count == 0) yield return ("A's request replayed", With(null, _ => false));
            yield break;
        }
        yield return ("all scope of A", With(null, _ => true));
        if (scopes.Count(s => !s.Required) < 2 && scopes.Count > 1) yield break;
        foreach (var scope in scopes.Where(s => !s.Required))
            yield return ($"{scope.Name} of A", With(null, p => p == scope));
    }

    /// <summary>What of A's private data the body shows that the request did not send, or null.</summary>
    private string? Leak(string body, HarnessRequest request)
    {
        if (body.Contains(realm.Marker, StringComparison.Ordinal)) return $"marker {realm.Marker}";
        var sent = request.Url + (request.Body is null ? "" : System.Text.Encoding.UTF8.GetString(request.Body));
        var id = _privateIds.FirstOrDefault(i => body.Contains(i, StringComparison.Ordinal) && !sent.Contains(i,
            StringComparison.Ordinal));
        return id is null ? null : $"private id {id}";
    }

    /// <summary>
    /// A change made to A's data: a change or delete of a row that existed before the sweep, or a new row in A's scope
    /// (an org column holding A's org or a site column holding A's site; a new row of the attacker's own that merely
    /// mentions one of A's ids is not).
    /// </summary>
    private bool ChangesA(RowChange c)
    {
        if (Bookkeeping.Contains(c.Table)) return false;
        if (c.Before is not null) return _existing.Contains($"{c.Table}/{c.Key}");
        if (OwnActivity.Contains(c.Table)) return false;
        if (c.Table == "publish_product" && c.After!.Values.Any(v => v.Key.Contains("audit")
            && v.Value == "pending")) return false;
        return c.After!.Values.Any(v => (v.Key.Contains("org", StringComparison.Ordinal) && v.Value == realm.OrgA)
            || ((v.Key.Contains("url", StringComparison.Ordinal) || v.Key.Contains("site", StringComparison.Ordinal))
                && v.Value == realm.SiteA));
    }

    private static string Describe(RowChange c)
    {
        if (c.Kind != "changed")
            return $"{c.Table} {c.Key} {c.Kind} ({HarnessClient.Short((c.After ?? c.Before)!.Text)})";
        var was = c.Before!.Values;
        var columns = c.After!.Values.Where(v => was.GetValueOrDefault(v.Key) != v.Value)
            .Select(v => $"{v.Key}: {HarnessClient.Short(was.GetValueOrDefault(v.Key) ?? "")} → "
                + HarnessClient.Short(v.Value));
        return $"{c.Table} {c.Key} changed ({string.Join(", ", columns)})";
    }
}
