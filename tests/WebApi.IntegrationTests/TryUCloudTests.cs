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
    private static string Script => Path.Combine(WalkThrough.RepoRoot(), "docs", "try-ucloud.sh");

    [Fact]
    public void Readme_shows_the_script_verbatim()
    {
        var (body, blocks) = WalkThrough.ReadmeBlocks(Script, "# --- try ucloud ---");
        blocks.Should().Contain(body);
        // the prose above the block tells what step 6 prints (it said "two bills" next to a list of three)
        File.ReadAllText(Path.Combine(WalkThrough.RepoRoot(), "README.md")).ReplaceLineEndings(" ").Should()
            .Contain("sees three bills (the recharge and one BUY each for the host and the EIP: "
                + "`bills: BUY,BUY,RECHARGE`)");
    }

    [Fact]
    public async Task The_script_runs_against_a_started_app_and_a_started_fake()
    {
        var (exit, output) = await WalkThrough.RunAsync(Script, TimeSpan.FromSeconds(120));
        exit.Should().Be(0, output);
        output.Should().Contain("host price: 200").And.Contain("bills: BUY,BUY,RECHARGE").And.Contain("balance: 254")
            .And.Contain("try ucloud done");
    }
}
