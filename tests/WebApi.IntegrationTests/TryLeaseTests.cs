using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying a server lease" can't drift (issue 13's "Done when"): README shows <c>docs/try-lease.sh</c>
/// verbatim, and the script runs green against a started app (a real process with <c>Lease:AllowRunAsOf</c> on): a store, a product of two devices, a customer's purchase, one warning before the
/// end, and the device back in stock when the recycle job runs for the day after the end. The helpers are
/// <see cref="TryMoneyTests"/>'s.
/// </summary>
public sealed class TryLeaseTests
{
    private const string Begin = "# --- try lease ---";
    private const string End = "# --- end ---";
    private const string AdminPassword = "Try-lease-admin-pass-1";

    private static string Script => Path.Combine(TryMoneyTests.RepoRoot(), "docs", "try-lease.sh");

    private static string AppDll()
    {
        var sep = Path.DirectorySeparatorChar;
        var configuration = AppContext.BaseDirectory.Contains($"{sep}Release{sep}") ? "Release" : "Debug";
        return Path.Combine(TryMoneyTests.RepoRoot(), "src", "WebApi", "bin", configuration, "net10.0",
            "Kboss.WebApi.dll");
    }

    [Fact]
    public void Readme_shows_the_script_verbatim()
    {
        var text = File.ReadAllText(Script).ReplaceLineEndings("\n");
        var from = text.IndexOf(Begin + "\n", StringComparison.Ordinal);
        var body = text[(from + Begin.Length + 1)..text.IndexOf(End, StringComparison.Ordinal)];
        var readme = File.ReadAllText(Path.Combine(TryMoneyTests.RepoRoot(), "README.md")).ReplaceLineEndings("\n");
        TryMoneyTests.BashBlock().Matches(readme).Select(m => m.Groups[1].Value).Should().Contain(body);
    }

    [Fact]
    public async Task The_script_runs_against_a_started_app()
    {
        var root = TryMoneyTests.RepoRoot();
        var work = Path.Combine(Path.GetTempPath(), "kboss-try-lease-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var kboss = $"http://127.0.0.1:{TryMoneyTests.FreePort()}";
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var app = TryMoneyTests.Start(new ProcessStartInfo("dotnet", [AppDll()])
        {
            WorkingDirectory = Path.Combine(root, "src", "WebApi"),
            Environment =
            {
                ["Kboss__DataFolder"] = Path.Combine(work, "data"), ["Urls"] = kboss,
                ["Bootstrap__AdminPassword"] = AdminPassword, ["Logging__LogLevel__Default"] = "Warning",
                ["Lease__AllowRunAsOf"] = "true",
            },
        }, log);
        try
        {
            using var http = new HttpClient();
            await TryMoneyTests.Retry(() => http.GetStringAsync($"{kboss}/health"));
            var script = new ProcessStartInfo("bash", [Script])
            {
                WorkingDirectory = work,
                Environment = { ["KBOSS"] = kboss, ["ADMIN_PASSWORD"] = AdminPassword },
            };
            using var run = TryMoneyTests.Start(script, log);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await run.WaitForExitAsync(limit.Token);
            var output = string.Join("\n", log);
            run.ExitCode.Should().Be(0, output);
            output.Should().Contain("the customer has 1 warning: 您的服务器租赁账单").And
                .Contain("device status 0 (idle), stock 2").And.Contain("try lease done");
            Regex.IsMatch(output, @"stock 1, device status 1 \(1 rented\), balance 400(\.0+)?\b").Should()
                .BeTrue(output);
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } // best effort
        }
    }
}
