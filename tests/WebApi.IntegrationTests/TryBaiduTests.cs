using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying Baidu Cloud offline" can't drift: README shows <c>docs/try-baidu.sh</c> verbatim, and the script runs
/// green against a started app pointed at a started <c>tools/Kboss.Fakes</c> (both real processes): an operator's Baidu
/// key at the fake, a WeChat Pay recharge, a Baidu order paid twice and refunded twice, the balance changing once each.
/// </summary>
public sealed class TryBaiduTests
{
    private static string Script => WalkThrough.Script("try-baidu");

    [Fact]
    public void Readme_shows_the_script_verbatim() => WalkThrough.ReadmeShowsVerbatim(Script, "# --- try baidu ---");

    [Fact]
    public Task The_script_runs_against_a_started_app_and_a_started_fake() =>
        WalkThrough.RunAndCheckAsync(Script, run => run.Output.Should().Contain("balance after paying: 74.5")
            .And.Contain("balance after refund: 100").And.Contain("try baidu done"));
}
