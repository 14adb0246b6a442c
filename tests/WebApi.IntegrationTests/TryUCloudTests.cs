using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying UCloud offline" can't drift: README shows <c>docs/try-ucloud.sh</c> verbatim, and the script runs
/// green against a started app pointed at a started <c>tools/Kboss.Fakes</c>: an operator saves the UCloud key, a
/// customer recharges, creates a firewall, a host in it and an EIP bound to it, and the balance falls by the two
/// bills exactly once.
/// </summary>
public sealed class TryUCloudTests
{
    private static string Script => WalkThrough.Script("try-ucloud");

    [Fact]
    public void Readme_shows_the_script_verbatim() => WalkThrough.ReadmeShowsVerbatim(Script, "# --- try ucloud ---");

    [Fact]
    public Task The_script_runs_against_a_started_app_and_a_started_fake() =>
        WalkThrough.RunAndCheckAsync(Script, run => run.Output.Should().Contain("host price: 200")
            .And.Contain("balance: 254").And.Contain("try ucloud done"));
}
