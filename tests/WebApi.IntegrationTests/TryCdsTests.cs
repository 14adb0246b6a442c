using System.Text.RegularExpressions;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying Capital Online offline" can't drift: README shows <c>docs/try-cds.sh</c> verbatim, and the script
/// runs green against a started app pointed at a started <c>tools/Kboss.Fakes</c> (both real processes): an operator's
/// CDS key at the fake, a WeChat Pay recharge, a VPC, a GPU host bought at the server's price (building → running),
/// the bill and the balance, the host deleted.
/// </summary>
public sealed class TryCdsTests
{
    private static string Script => WalkThrough.Script("try-cds");

    [Fact]
    public void Readme_shows_the_script_verbatim() => WalkThrough.ReadmeShowsVerbatim(Script, "# --- try cds ---");

    [Fact]
    public Task The_script_runs_against_a_started_app_and_a_started_fake() =>
        WalkThrough.RunAndCheckAsync(Script, async run =>
        {
            run.Output.Should().Contain("try cds done");
            var journal = await run.VendorJournalAsync();
            Regex.Matches(journal, "\"action\":\"CreateInstance\"").Count.Should().Be(1, journal);
            Regex.Matches(journal, "\"action\":\"DeleteInstance\"").Count.Should().Be(1, journal);
        });
}
