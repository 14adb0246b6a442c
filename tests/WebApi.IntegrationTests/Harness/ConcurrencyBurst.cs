using System.Globalization;
using System.Text.Json.Nodes;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>
/// 64 callers at once on the three contended writes: stock (<c>add_cpcwidget add_opt=yes</c>, +1 each on one widget),
/// sign-ins, and org creation. Every call must succeed, with no 5xx, and the final numbers must be exact — except the
/// sign-ins of one user from one address, which the throttle (ADR 0018, addendum) lets wait in line for a bounded
/// time: there only the throttle's guarantees are checked.
/// </summary>
public sealed class ConcurrencyBurst(HarnessClient client, Realm realm, HarnessHost host)
{
    public const string Part = "concurrency";
    public const int Width = 64;

    public async Task RunAsync()
    {
        await StockAsync();
        await SignInsAsync();
        await OrgsAsync();
    }

    /// <summary>The first refusal of the last burst (shown with a miss).</summary>
    private string _refusal = "";

    private async Task<int> BurstAsync(string method, string path, Caller who, Func<int, HarnessRequest> request) =>
        (await AnswersAsync(method, path, who, request)).Count(Ok);

    private async Task<HarnessAnswer?[]> AnswersAsync(string method, string path, Caller who,
        Func<int, HarnessRequest> request)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, Width).Select(i =>
            client.SendAsync(new Probe(Part, who.Role, method, path, $"burst-{Width}"), who, request(i),
                budgeted: false)));
        _refusal = answers.FirstOrDefault(a => !Ok(a)) is { } refused
            ? $"HTTP {refused.Http} {HarnessClient.Short(refused.Body)}" : "";
        return answers;
    }

    private static JsonObject? Envelope(HarnessAnswer? a) =>
        a is { Http: 200 } && JsonNode.Parse(a.Body) is JsonObject o ? o : null;

    private static bool Ok(HarnessAnswer? a) => Envelope(a)?["status"]?.GetValue<bool>() == true;

    private void Expect(string path, string what, long expected, long actual)
    {
        if (expected != actual)
            client.Report.Add(FindingClass.Concurrency, new Probe(Part, "-", "POST", path, $"burst-{Width}"),
                $"{what}: expected {expected}, got {actual}{(_refusal.Length > 0 ? $"; e.g. {_refusal}" : "")}");
    }

    private async Task StockAsync()
    {
        const string path = "/dev/cpcc/cpcwidget/add_cpcwidget.dspy";
        var centre = await Seed.CenterAsync(host.Services, realm.OrgA);
        var widgetId = centre.WidgetIds["gpu/RTX5090-32G"];
        long Stock(Kboss.Infrastructure.Persistence.KbossDbContext db) =>
            db.WidgetClusterStocks.Where(s => s.WidgetId == widgetId && s.ClusterId == centre.Chaoyang)
                .Select(s => s.Stock).SingleOrDefault();
        long before = 0, after = 0;
        decimal price = 0;
        await host.WithDbAsync(async db =>
        {
            before = Stock(db);
            price = (await db.Widgets.SingleAsync(w => w.Id == widgetId)).UnitPrice;
        });
        var ok = await BurstAsync("POST", path, realm.OperatorA, _ => Inputs.Form("POST", path, new Dictionary<string,
            string>
        {
            ["cpcid"] = centre.Id, ["clusterid"] = centre.Chaoyang, ["type"] = "gpu", ["model"] = "RTX5090-32G",
            ["resource_unit"] = "卡", ["unit_price"] = price.ToString(CultureInfo.InvariantCulture), ["stock"] = "1",
            ["charge_unit"] = "小时", ["account_unit"] = "元", ["add_opt"] = "yes",
        }));
        await host.WithDbAsync(db => { after = Stock(db); return Task.CompletedTask; });
        Expect(path, "successful stock additions", Width, ok);
        Expect(path, $"final stock (before {before})", before + ok, after);
    }

    /// <summary>Answer of a sign-in that waited in line longer than <c>SignInGuard.MaxQueueWait</c> (no password
    /// was checked, nothing is blocked).</summary>
    private const string QueueTimeOut = "尝试次数过多,请 1 秒后再试";

    private static HarnessRequest SignIn(string username, string address) =>
        Inputs.Form("POST", "/user/login.dspy",
            new Dictionary<string, string> { ["username"] = username, ["password"] = Realm.Password }) with
        {
            Headers = new Dictionary<string, string> { [TestClientAddress.Header] = address },
        };

    private async Task SignInsAsync()
    {
        const string path = "/user/login.dspy";
        // Distinct users from distinct addresses (198.51.100.0/24, TEST-NET-2) share no throttle key: all must pass,
        // however loaded the machine.
        var crowd = $"burst{realm.Marker[^4..]}-";
        var created = await BurstAsync("POST", "/user/add_user.dspy", realm.OperatorA, i => Inputs.Form("POST",
            "/user/add_user.dspy", new Dictionary<string, string>
            {
                ["username"] = crowd + i, ["password"] = Realm.Password, ["roles"] = Roles.Customer,
                ["orgid"] = realm.CustomerOrgA,
            }));
        Expect("/user/add_user.dspy", "users created", Width, created);
        var ok = await BurstAsync("POST", path, realm.Anonymous, i => SignIn(crowd + i, $"198.51.100.{i + 1}"));
        Expect(path, "correct sign-ins of distinct users accepted", Width, ok);

        // One user from one address (192.0.2.10, TEST-NET-1; the fuzz part's failed sign-ins came from loopback): a
        // few checks run at once, the rest wait in line at most SignInGuard.MaxQueueWait, which a loaded machine may
        // not drain. Guaranteed: the first checks pass, a refusal is only that time-out (never a wrong password, a
        // block or a 5xx), and the line leaves the account clean so the next sign-in passes at once.
        var answers = await AnswersAsync("POST", path, realm.Anonymous, _ => SignIn("custa", "192.0.2.10"));
        var other = answers.Where(a => !Ok(a) && Envelope(a)?["msg"]?.GetValue<string>() != QueueTimeOut).ToList();
        _refusal = other.Count > 0 ? $"HTTP {other[0]?.Http} {HarnessClient.Short(other[0]?.Body ?? "")}" : "";
        Expect(path, "correct sign-ins of one user refused other than by the line's time-out", 0, other.Count);
        Expect(path, "correct sign-ins of one user: some accepted", 1, Math.Min(1, answers.Count(Ok)));
        SignInThrottle? row = null;
        await host.WithDbAsync(async db =>
            row = await db.SignInThrottles.AsNoTracking().SingleOrDefaultAsync(t => t.Key == "login:acct:custa"));
        Expect(path, "the account's failures and attempts in flight after the line", 0,
            (row?.Failures ?? 0) + (row?.Pending ?? 0));
        var next = await client.SendAsync(new Probe(Part, realm.Anonymous.Role, "POST", path, "after-burst"),
            realm.Anonymous, SignIn("custa", "192.0.2.10"), budgeted: false);
        _refusal = Ok(next) ? "" : $"HTTP {next?.Http} {HarnessClient.Short(next?.Body ?? "")}";
        Expect(path, "a correct sign-in of that user after the line accepted", 1, Ok(next) ? 1 : 0);
    }

    private async Task OrgsAsync()
    {
        const string path = "/user/add_org.dspy";
        var prefix = $"并发机构{realm.Marker[^4..]}-";
        var ok = await BurstAsync("POST", path, realm.OperatorA, i => Inputs.Form("POST", path,
            new Dictionary<string, string> { ["name"] = prefix + i, ["kind"] = "customer" }));
        var count = 0;
        await host.WithDbAsync(async db => count = await db.Organizations.CountAsync(o => o.Name.StartsWith(prefix)));
        Expect(path, "orgs created (answers)", Width, ok);
        Expect(path, "orgs created (rows)", Width, count);
    }
}
