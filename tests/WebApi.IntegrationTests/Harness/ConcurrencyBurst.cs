using System.Globalization;
using System.Text.Json.Nodes;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>
/// 64 callers at once on the three contended writes: stock (<c>add_cpcwidget add_opt=yes</c>, +1 each on one widget),
/// sign-ins of one user, and org creation. Every call must succeed, with no 5xx, and the final numbers must be exact.
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

    private async Task<int> BurstAsync(string method, string path, Caller who, Func<int, HarnessRequest> request)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, Width).Select(i =>
            client.SendAsync(new Probe(Part, who.Role, method, path, $"burst-{Width}"), who, request(i),
                budgeted: false)));
        bool Ok(HarnessAnswer? a) => a is not null && a.Http == 200 && JsonNode.Parse(a.Body) is JsonObject o
            && o["status"]?.GetValue<bool>() == true;
        _refusal = answers.FirstOrDefault(a => !Ok(a)) is { } refused
            ? $"HTTP {refused.Http} {HarnessClient.Short(refused.Body)}" : "";
        return answers.Count(Ok);
    }

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

    private async Task SignInsAsync()
    {
        const string path = "/user/login.dspy";
        // The owner signs in from their own address (192.0.2.10, TEST-NET-1): the fuzz part's failed sign-ins all came
        // from the harness's loopback address, which the per-address throttle (ADR 0018) rightly slows down.
        var ok = await BurstAsync("POST", path, realm.Anonymous, _ => Inputs.Form("POST", path,
            new Dictionary<string, string> { ["username"] = "custa", ["password"] = Realm.Password }) with
        {
            Headers = new Dictionary<string, string> { [TestClientAddress.Header] = "192.0.2.10" },
        });
        Expect(path, "correct sign-ins accepted", Width, ok);
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
