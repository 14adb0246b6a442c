using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying Baidu Cloud offline" can't drift: README shows <c>docs/try-baidu.sh</c> verbatim, and the script runs
/// green against a started app pointed at a started <c>tools/Kboss.Fakes</c> (both real processes): an operator's Baidu
/// key at the fake, a WeChat Pay recharge, a Baidu order paid twice and refunded twice, the balance changing once each.
/// </summary>
public sealed class TryBaiduTests
{
    private const string Begin = "# --- try baidu ---";
    private const string End = "# --- end ---";
    private const string AdminPassword = "Try-baidu-admin-pass-1";

    private static string Script => Path.Combine(TryMoneyTests.RepoRoot(), "docs", "try-baidu.sh");

    [Fact]
    public void Readme_shows_the_script_verbatim()
    {
        var text = File.ReadAllText(Script).ReplaceLineEndings("\n");
        var from = text.IndexOf(Begin + "\n", StringComparison.Ordinal);
        var body = text[(from + Begin.Length + 1)..text.IndexOf(End, StringComparison.Ordinal)];
        var readme = File.ReadAllText(Path.Combine(TryMoneyTests.RepoRoot(), "README.md")).ReplaceLineEndings("\n");
        Regex.Matches(readme, @"```bash\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value)
            .Should().Contain(body);
    }

    [Fact]
    public async Task The_script_runs_against_a_started_app_and_a_started_fake()
    {
        var root = TryMoneyTests.RepoRoot();
        var sep = Path.DirectorySeparatorChar;
        var configuration = AppContext.BaseDirectory.Contains($"{sep}Release{sep}") ? "Release" : "Debug";
        var appDll = Path.Combine(root, "src", "WebApi", "bin", configuration, "net10.0", "Kboss.WebApi.dll");
        var fakeDll = Path.Combine(root, "tools", "Kboss.Fakes", "bin", configuration, "net10.0", "Kboss.Fakes.dll");
        var work = Path.Combine(Path.GetTempPath(), "kboss-try-baidu-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var (kboss, fake) = ($"http://127.0.0.1:{TryMoneyTests.FreePort()}",
            $"http://127.0.0.1:{TryMoneyTests.FreePort()}");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Process? app = null;
        using var fakes = TryMoneyTests.Start(new ProcessStartInfo("dotnet",
            [fakeDll, "--port", new Uri(fake).Port.ToString(), "--kboss", kboss]), log);
        try
        {
            using var http = new HttpClient();
            var env = await TryMoneyTests.Retry(() => http.GetStringAsync($"{fake}/_fake/env"));
            var start = new ProcessStartInfo("dotnet", [appDll])
            {
                WorkingDirectory = Path.Combine(root, "src", "WebApi"),
                Environment =
                {
                    ["Kboss__DataFolder"] = Path.Combine(work, "data"), ["Urls"] = kboss,
                    ["Bootstrap__AdminPassword"] = AdminPassword, ["Logging__LogLevel__Default"] = "Warning",
                },
            };
            foreach (Match m in Regex.Matches(env, @"^export (\w+)='([^']*)'$", RegexOptions.Multiline))
                start.Environment[m.Groups[1].Value] = m.Groups[2].Value;
            app = TryMoneyTests.Start(start, log);
            await TryMoneyTests.Retry(() => http.GetStringAsync($"{kboss}/health"));
            var script = new ProcessStartInfo("bash", [Script])
            {
                WorkingDirectory = work,
                Environment = { ["KBOSS"] = kboss, ["FAKE"] = fake, ["ADMIN_PASSWORD"] = AdminPassword },
            };
            using var run = TryMoneyTests.Start(script, log);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await run.WaitForExitAsync(limit.Token);
            var output = string.Join("\n", log);
            run.ExitCode.Should().Be(0, output);
            output.Should().Contain("balance after paying: 74.5").And.Contain("balance after refund: 100")
                .And.Contain("try baidu done");
        }
        finally
        {
            if (app is { HasExited: false }) app.Kill(entireProcessTree: true);
            if (!fakes.HasExited) fakes.Kill(entireProcessTree: true);
            app?.Dispose();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } // best effort
        }
    }
}
