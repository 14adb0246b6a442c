using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying UCloud offline" can't drift: README shows <c>docs/try-ucloud.sh</c> verbatim, and the script runs
/// green against a started app pointed at a started <c>tools/Kboss.Fakes</c>: an operator saves the UCloud key, a
/// customer recharges, creates a firewall, a host in it and an EIP bound to it, sees three bills (the recharge and
/// two BUYs, as README says) and the balance falls by the two purchases exactly once.
/// </summary>
public sealed class TryUCloudTests
{
    private static string Script => WalkThrough.Script("try-ucloud");

    [Fact]
    public void Readme_shows_the_script_verbatim()
    {
        WalkThrough.ReadmeShowsVerbatim(Script, "# --- try ucloud ---");
        // the prose above the block tells what step 6 prints (it said "two bills" next to a list of three)
        File.ReadAllText(Path.Combine(WalkThrough.RepoRoot(), "README.md")).ReplaceLineEndings(" ").Should()
            .Contain("sees three bills (the recharge and one BUY each for the host and the EIP: "
                + "`bills: BUY,BUY,RECHARGE`)");
    }

    [Fact]
    public Task The_script_runs_against_a_started_app_and_a_started_fake() =>
        WalkThrough.RunAndCheckAsync(Script, run => run.Output.Should().Contain("host price: 200")
            .And.Contain("bills: BUY,BUY,RECHARGE").And.Contain("balance: 254").And.Contain("try ucloud done"));
}
