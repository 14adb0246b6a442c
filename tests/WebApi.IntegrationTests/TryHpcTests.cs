using System.Text.RegularExpressions;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying Jinan HPC offline" can't drift: README shows <c>docs/try-hpc.sh</c> verbatim, and the script runs
/// green against a started app pointed at a started <c>tools/Kboss.Fakes</c> (both real processes): the operator's
/// key at the fake centre, a purchase waiting for an account, the binding, the sign's warning, and the sync applied
/// twice that calls the centre and charges the customer once (balance and bill).
/// </summary>
public sealed class TryHpcTests
{
    private static string Script => WalkThrough.Script("try-hpc");

    [Fact]
    public void Readme_shows_the_script_verbatim() => WalkThrough.ReadmeShowsVerbatim(Script, "# --- try hpc ---");

    [Fact]
    public Task The_script_runs_against_a_started_app_and_a_started_fake() =>
        WalkThrough.RunAndCheckAsync(Script, async run =>
        {
            run.Output.Should().Contain("try hpc done").And.Contain("同步成功 1 160").And.Contain("该购买信息已同步")
                .And.Contain("您当前有未同步的购买信息, 请联系售后同步");
            var journal = await run.VendorJournalAsync();
            Regex.Matches(journal, "/jnhpc/api/v1/purchases\"").Count.Should().Be(1, journal);
        });
}
