using System.Diagnostics;
using Xunit.Abstractions;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>
/// The fuzz / cross-org / concurrency harness of ADR 0020 on the real app behind Kestrel and a fresh SQLite database.
/// Writes its summary to <c>KBOSS_HARNESS_SUMMARY</c> (scripts/test.sh prints it) and fails on any 5xx, envelope miss,
/// missing answer, cross-org read or change, or concurrency miss, listing them.
/// </summary>
[Collection(nameof(HarnessTests))]
[CollectionDefinition(nameof(HarnessTests), DisableParallelization = true)]
public sealed class HarnessTests(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;

    private static readonly int SeedValue = Setting("KBOSS_HARNESS_SEED", 20_200);
    private static readonly int MaxCalls = Setting("KBOSS_HARNESS_MAX_CALLS", 100_000);
    private static readonly int MaxSeconds = Setting("KBOSS_HARNESS_MAX_SECONDS", 150);
    private const int Parallelism = 16;
    /// <summary>Parts to run (comma-separated: cross-org, fuzz, concurrency); all by default.</summary>
    private static readonly string[] Parts =
        (Environment.GetEnvironmentVariable("KBOSS_HARNESS_PARTS") is { Length: > 0 } p ? p
            : $"{CrossOrgSweep.Part},{Fuzzer.Part},{ConcurrencyBurst.Part}").Split(',');

    [Fact]
    public async Task Fuzz_cross_org_sweep_and_concurrency_find_no_5xx_envelope_miss_or_cross_org_success()
    {
        var total = Stopwatch.StartNew();
        var report = new HarnessReport();
        var budget = new CallBudget(MaxCalls, TimeSpan.FromSeconds(MaxSeconds));
        var operations = OpenApiOperations.Load();
        await using var host = await HarnessHost.StartAsync();
        var client = new HarnessClient(host.Http, budget, report);
        Realm realm = null!;
        CrossOrgSweep sweep = null!;
        await report.TimeAsync("setup", async () =>
        {
            realm = await Realm.CreateUsersAsync(host, SeedValue);
            var before = await DbSnapshot.TakeAsync(host.DatabaseFile);
            await realm.CreateObjectsOfAAsync();
            sweep = new CrossOrgSweep(client, realm, host, Parallelism);
            sweep.LearnObjectsOfA(before, await DbSnapshot.TakeAsync(host.DatabaseFile));
        });
        foreach (var problem in realm.SetupProblems)
            report.Add(FindingClass.Warning, new Probe("setup", "-", "-", "-", "setup"), problem);
        var fuzzer = new Fuzzer(client, realm, SeedValue, Parallelism);
        var burst = new ConcurrencyBurst(client, realm, host);
        if (Parts.Contains(CrossOrgSweep.Part))
            await report.TimeAsync(CrossOrgSweep.Part, () => sweep.RunAsync(operations));
        if (Parts.Contains(Fuzzer.Part)) await report.TimeAsync(Fuzzer.Part, () => fuzzer.RunAsync(operations));
        if (Parts.Contains(ConcurrencyBurst.Part)) await report.TimeAsync(ConcurrencyBurst.Part, burst.RunAsync);

        var summary = report.Render(budget, total.Elapsed, [
            $"{operations.Count} operations from clients/openapi.json, {realm.FuzzRoles.Count} roles (+ pcapi Basic), "
            + $"{sweep.ObjectCount} objects of org A, seed {SeedValue}, parallelism {Parallelism}, "
            + $"parts {string.Join(",", Parts)}",
            $"outside calls refused by the loopback guard: {host.Guard.Refused}",
        ]);
        var file = Environment.GetEnvironmentVariable("KBOSS_HARNESS_SUMMARY") is { Length: > 0 } f ? f
            : Path.Combine(AppContext.BaseDirectory, "harness-summary.txt");
        await File.WriteAllTextAsync(file, summary);
        await File.WriteAllTextAsync(Path.ChangeExtension(file, ".operations.txt"), report.Render(budget, total.Elapsed,
            [], perOperation: true));
        output.WriteLine(summary);
        report.Failures.Should().BeEmpty(summary);
    }
}
