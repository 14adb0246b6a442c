using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README's "First hour" can't drift: README shows <c>docs/first-hour.sh</c> verbatim, and the script runs green twice
/// (new names each run) against the app started as README starts it — a separate process on a fresh data folder —
/// which SIGINT (Ctrl+C) then stops. Needs <c>curl</c> and <c>jq</c> (<c>scripts/test.sh</c> installs jq). Runs alone
/// (not beside other test classes), so its 40-s budget measures the app and the script, not the other tests.
/// </summary>
[Collection(nameof(FirstHourTests))]
[CollectionDefinition(nameof(FirstHourTests), DisableParallelization = true)]
public sealed partial class FirstHourTests
{
    private const string Begin = "# --- first hour ---";
    private const string End = "# --- end of first hour ---";
    private const string AdminPassword = "First-hour-admin-1";

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kboss.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kboss.sln not found above the test folder");
    }

    private static string ScriptPath => Path.Combine(RepoRoot(), "docs", "first-hour.sh");

    /// <summary>The lines between the markers of the script.</summary>
    private static string ScriptBody()
    {
        var text = File.ReadAllText(ScriptPath).ReplaceLineEndings("\n");
        var from = text.IndexOf(Begin + "\n", StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        from.Should().BeGreaterThanOrEqualTo(0, "the script has its begin marker");
        to.Should().BeGreaterThan(from, "the script has its end marker");
        return text[(from + Begin.Length + 1)..to];
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [Fact]
    public void Readme_shows_the_first_hour_script_verbatim()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md")).ReplaceLineEndings("\n");
        var body = ScriptBody();
        BashBlock().Matches(readme).Select(m => m.Groups[1].Value).Should().Contain(body,
            "README's first-hour block must equal the lines between the markers of docs/first-hour.sh");
    }

    [Fact]
    public void Readme_names_every_served_path_in_full_in_what_is_built()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var from = readme.IndexOf("## What is built", StringComparison.Ordinal);
        var table = readme[from..readme.IndexOf("\n## ", from + 1, StringComparison.Ordinal)];
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "clients",
            "openapi.json")));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().NotBeEmpty();
        paths.Where(p => !table.Contains(p, StringComparison.Ordinal)).Should().BeEmpty(
            "README's \"What is built\" names every endpoint by its full path");
    }

    [Fact]
    public async Task The_first_hour_script_runs_twice_against_a_started_app_and_ctrl_c_stops_it()
    {
        var clock = Stopwatch.StartNew();
        var root = RepoRoot();
        var sep = Path.DirectorySeparatorChar;
        var configuration = AppContext.BaseDirectory.Contains($"{sep}Release{sep}") ? "Release" : "Debug";
        var dll = Path.Combine(root, "src", "WebApi", "bin", configuration, "net10.0", "Kboss.WebApi.dll");
        File.Exists(dll).Should().BeTrue($"the app is built ({dll})");
        var data = Path.Combine(Path.GetTempPath(), "kboss-first-hour-" + Guid.NewGuid().ToString("N"));

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.Combine(root, "src", "WebApi"),
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment =
            {
                ["Kboss__DataFolder"] = data, ["Urls"] = "http://127.0.0.1:0",
                ["Bootstrap__AdminPassword"] = AdminPassword, ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        using var app = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        app.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            log.Enqueue(e.Data);
            var m = Regex.Match(e.Data, @"Now listening on: (http://\S+)");
            if (m.Success) listening.TrySetResult(m.Groups[1].Value);
        };
        app.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            var ready = await Task.WhenAny(listening.Task, app.WaitForExitAsync(),
                Task.Delay(TimeSpan.FromSeconds(30)));
            ready.Should().Be(listening.Task, "the app starts:\n" + string.Join("\n", log));
            var url = await listening.Task;

            for (var run = 1; run <= 2; run++)
            {
                var (code, output) = await RunScriptAsync(url);
                code.Should().Be(0, $"run {run} of docs/first-hour.sh succeeds:\n{output}");
                output.Should().Contain("\"owner_orgid\"").And.Contain("\"audit_status\":\"approved\"")
                    .And.Contain("\"status\":\"failed\"").And.EndWith("first hour done\n");
            }

            // README: "Ctrl+C in its terminal" — the terminal sends SIGINT to the app
            using (var signal = Process.Start("kill", ["-INT", app.Id.ToString(CultureInfo.InvariantCulture)]))
                await signal.WaitForExitAsync();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await app.WaitForExitAsync(stop.Token);
            app.ExitCode.Should().Be(0, string.Join("\n", log));
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(40), "the first-hour test's budget");
        }
        finally
        {
            if (!app.HasExited) app.Kill(entireProcessTree: true);
            try { Directory.Delete(data, recursive: true); } catch (IOException) { } // best effort
        }
    }

    private static async Task<(int Code, string Output)> RunScriptAsync(string url)
    {
        var start = new ProcessStartInfo("bash", [ScriptPath])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment = { ["KBOSS"] = url, ["ADMIN_PASSWORD"] = AdminPassword, ["SSH_PORT"] = "1" },
        };
        using var script = Process.Start(start)!;
        var stdout = script.StandardOutput.ReadToEndAsync();
        var stderr = script.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await script.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            script.Kill(entireProcessTree: true);
            throw new TimeoutException("docs/first-hour.sh took over 30 s:\n" + await stdout + await stderr);
        }
        return (script.ExitCode, await stdout + await stderr);
    }
}
