using System.Text.RegularExpressions;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying a server lease" can't drift (issue 13's "Done when"): README shows <c>docs/try-lease.sh</c>
/// verbatim, and the script runs green against a started app (a real process with <c>Lease:AllowRunAsOf</c> on, no
/// fake): a store, a product of two devices, a customer's purchase, one warning before the end, and the device back
/// in stock when the recycle job runs for the day after the end.
/// </summary>
public sealed class TryLeaseTests
{
    private static string Script => WalkThrough.Script("try-lease");

    [Fact]
    public void Readme_shows_the_script_verbatim() => WalkThrough.ReadmeShowsVerbatim(Script, "# --- try lease ---");

    [Fact]
    public Task The_script_runs_against_a_started_app() =>
        WalkThrough.RunAndCheckAsync(Script, run =>
        {
            run.Output.Should().Contain("the customer has 1 warning: 您的服务器租赁账单").And
                .Contain("device status 0 (idle), stock 2").And.Contain("try lease done");
            Regex.IsMatch(run.Output, @"stock 1, device status 1 \(1 rented\), balance 400(\.0+)?\b").Should()
                .BeTrue(run.Output);
        }, new WalkOptions
        {
            WithFakes = false, AppEnvironment = new Dictionary<string, string> { ["Lease__AllowRunAsOf"] = "true" },
        });
}
