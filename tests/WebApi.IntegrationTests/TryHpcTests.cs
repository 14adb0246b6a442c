using System.Diagnostics;
using System.Text.RegularExpressions;
using static Kboss.WebApi.IntegrationTests.TryMoneyTests;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying Jinan HPC offline" can't drift: README shows <c>docs/try-hpc.sh</c> verbatim, and the script runs
/// green against a started app pointed at a started <c>tools/Kboss.Fakes</c> (both real processes): the operator's
/// key at the fake centre, a purchase waiting for an account, the binding, the sign's warning, and the sync applied
/// twice that calls the centre and charges the customer once (balance and bill).
/// </summary>
public sealed class TryHpcTests
{
    private const string Begin = "# --- try hpc ---";
    private const string End = "# --- end ---";
    private const string AdminPassword = "Try-hpc-admin-pass-1";

    private static string Script => Path.Combine(RepoRoot(), "docs", "try-hpc.sh");

    [Fact]
    public void Readme_shows_the_script_verbatim()
    {
        var text = File.ReadAllText(Script).ReplaceLineEndings("\n");
        var from = text.IndexOf(Begin + "\n", StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        var body = text[(from + Begin.Length + 1)..to];
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md")).ReplaceLineEndings("\n");
        BashBlock().Matches(readme).Select(m => m.Groups[1].Value).Should().Contain(body);
    }

    [Fact]
    public async Task The_script_runs_against_a_started_app_and_a_started_fake()
    {
        var root = RepoRoot();
        var sep = Path.DirectorySeparatorChar;
        var configuration = AppContext.BaseDirectory.Contains($"{sep}Release{sep}") ? "Release" : "Debug";
        var appDll = Path.Combine(root, "src", "WebApi", "bin", configuration, "net10.0", "Kboss.WebApi.dll");
        var fakeDll = Path.Combine(root, "tools", "Kboss.Fakes", "bin", configuration, "net10.0", "Kboss.Fakes.dll");
        var work = Path.Combine(Path.GetTempPath(), "kboss-try-hpc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var (kbossPort, fakePort) = (FreePort(), FreePort());
        var (kboss, fake) = ($"http://127.0.0.1:{kbossPort}", $"http://127.0.0.1:{fakePort}");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Process? app = null;
        using var fakes = Start(new ProcessStartInfo("dotnet", [fakeDll, "--port", $"{fakePort}", "--kboss", kboss]),
            log);
        try
        {
            using var http = new HttpClient();
            var env = await Retry(() => http.GetStringAsync($"{fake}/_fake/env"));
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
            app = Start(start, log);
            for (var tries = 3; ; tries--) // a loaded machine starts the app slowly
            {
                try
                {
                    await Retry(() => http.GetStringAsync($"{kboss}/health"));
                    break;
                }
                catch (HttpRequestException) when (tries > 1) { }
            }

            var script = new ProcessStartInfo("bash", [Script])
            {
                WorkingDirectory = work,
                Environment = { ["KBOSS"] = kboss, ["FAKE"] = fake, ["ADMIN_PASSWORD"] = AdminPassword },
            };
            using var run = Start(script, log);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await run.WaitForExitAsync(limit.Token);
            var output = string.Join("\n", log);
            run.ExitCode.Should().Be(0, output);
            output.Should().Contain("try hpc done").And.Contain("同步成功 1 160").And.Contain("该购买信息已同步")
                .And.Contain("您当前有未同步的购买信息, 请联系售后同步");
            var journal = await http.GetStringAsync($"{fake}/_fake/vendors/journal");
            Regex.Matches(journal, "/jnhpc/api/v1/purchases\"").Count.Should().Be(1, journal);
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
