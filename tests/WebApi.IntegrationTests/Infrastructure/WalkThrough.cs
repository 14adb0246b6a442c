using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a README walk-through script (<c>docs/try-*.sh</c>) the way a newcomer does: a started
/// <c>tools/Kboss.Fakes</c> console (unless <see cref="WalkOptions.WithFakes"/> is off), a started app configured by
/// the fake's <c>/_fake/env</c>, then the script (all real processes). Also checks that README shows the script's
/// body verbatim. Every <c>Try*Tests</c> class runs through here.
/// </summary>
public static partial class WalkThrough
{
    public const string AdminPassword = "Try-walk-admin-pass-1";

    /// <summary>How long the fake and the app may take to answer after their start (a loaded machine is slow).
    /// </summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(270);

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kboss.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kboss.sln not found above the test folder");
    }

    /// <summary><c>docs/&lt;name&gt;.sh</c> in the repository.</summary>
    public static string Script(string name) => Path.Combine(RepoRoot(), "docs", name + ".sh");

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"^export (\w+)='([^']*)'$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();

    /// <summary>The part of <paramref name="script"/> between <paramref name="begin"/> and <c># --- end ---</c>
    /// and the bash blocks of README.</summary>
    public static (string Body, IReadOnlyList<string> Blocks) ReadmeBlocks(string script, string begin)
    {
        var text = File.ReadAllText(script).ReplaceLineEndings("\n");
        var from = text.IndexOf(begin + "\n", StringComparison.Ordinal);
        var to = text.IndexOf("# --- end ---", StringComparison.Ordinal);
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md")).ReplaceLineEndings("\n");
        return (text[(from + begin.Length + 1)..to],
            BashBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList());
    }

    /// <summary>Fails unless README holds the body of <paramref name="script"/> after <paramref name="begin"/> as
    /// one of its bash blocks.</summary>
    public static void ReadmeShowsVerbatim(string script, string begin)
    {
        var (body, blocks) = ReadmeBlocks(script, begin);
        blocks.Should().Contain(body);
    }

    /// <summary>Runs <paramref name="script"/> against a started app (and fake); answers its exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, TimeSpan limit)
    {
        (int, string) result = default;
        await RunAsync(script, run =>
        {
            result = (run.ExitCode, run.Output);
            return Task.CompletedTask;
        }, new WalkOptions { Limit = limit });
        return result;
    }

    /// <summary>Runs <paramref name="script"/> to its end, requires exit code 0 (the output is the reason shown),
    /// then calls <paramref name="check"/> while the app, the fake and the script's working folder still exist.
    /// </summary>
    public static Task RunAndCheckAsync(string script, Func<WalkRun, Task> check, WalkOptions? options = null) =>
        RunAsync(script, async run =>
        {
            run.ExitCode.Should().Be(0, run.Output);
            await check(run);
        }, options);

    /// <inheritdoc cref="RunAndCheckAsync(string, Func{WalkRun, Task}, WalkOptions?)"/>
    public static Task RunAndCheckAsync(string script, Action<WalkRun> check, WalkOptions? options = null) =>
        RunAndCheckAsync(script, run =>
        {
            check(run);
            return Task.CompletedTask;
        }, options);

    private static async Task RunAsync(string script, Func<WalkRun, Task> inspect, WalkOptions? options)
    {
        options ??= new WalkOptions();
        var root = RepoRoot();
        var work = Path.Combine(Path.GetTempPath(), "kboss-walk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var kboss = $"http://127.0.0.1:{FreePort()}";
        var fake = options.WithFakes ? $"http://127.0.0.1:{FreePort()}" : null;
        var log = new ConcurrentQueue<string>();
        Process? fakes = null, app = null, run = null;
        try
        {
            using var http = new HttpClient();
            var start = new ProcessStartInfo("dotnet", [Built(root, "src", "WebApi", "Kboss.WebApi.dll")])
            {
                WorkingDirectory = Path.Combine(root, "src", "WebApi"),
                Environment =
                {
                    ["Kboss__DataFolder"] = Path.Combine(work, "data"), ["Urls"] = kboss,
                    ["Bootstrap__AdminPassword"] = AdminPassword, ["Logging__LogLevel__Default"] = "Warning",
                },
            };
            if (fake is not null)
            {
                fakes = Start(new ProcessStartInfo("dotnet",
                    [Built(root, "tools", "Kboss.Fakes", "Kboss.Fakes.dll"), "--port", $"{new Uri(fake).Port}",
                        "--kboss", kboss]), log);
                var env = await WaitForAsync(() => http.GetStringAsync($"{fake}/_fake/env"));
                foreach (Match m in ExportLine().Matches(env)) start.Environment[m.Groups[1].Value] = m.Groups[2].Value;
            }
            foreach (var (key, value) in options.AppEnvironment) start.Environment[key] = value;
            app = Start(start, log);
            await WaitForAsync(() => http.GetStringAsync($"{kboss}/health"));

            var bash = new ProcessStartInfo("bash", [script])
            {
                WorkingDirectory = work,
                Environment = { ["KBOSS"] = kboss, ["ADMIN_PASSWORD"] = AdminPassword, ["OUT"] = work },
            };
            if (fake is not null) bash.Environment["FAKE"] = fake;
            run = Start(bash, log);
            using (var cancel = new CancellationTokenSource(options.Limit))
                await run.WaitForExitAsync(cancel.Token);
            await inspect(new WalkRun(run.ExitCode, string.Join("\n", log), work, http, fake));
        }
        finally
        {
            foreach (var p in new[] { run, app, fakes })
            {
                if (p is { HasExited: false }) p.Kill(entireProcessTree: true);
                p?.Dispose();
            }
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } // best effort
        }
    }

    private static string Built(string root, string folder, string project, string dll)
    {
        var sep = Path.DirectorySeparatorChar;
        var configuration = AppContext.BaseDirectory.Contains($"{sep}Release{sep}") ? "Release" : "Debug";
        return Path.Combine(root, folder, project, "bin", configuration, "net10.0", dll);
    }

    private static Process Start(ProcessStartInfo start, ConcurrentQueue<string> log)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var p = Process.Start(start)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Calls until an answer comes, every 0.5 s for at most <see cref="StartLimit"/>.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> call)
    {
        var until = DateTime.UtcNow + StartLimit;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(500);
            }
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

/// <summary>What a walk-through needs besides the defaults.</summary>
public sealed record WalkOptions
{
    /// <summary>Start <c>tools/Kboss.Fakes</c> and configure the app by its <c>/_fake/env</c>.</summary>
    public bool WithFakes { get; init; } = true;

    /// <summary>Extra app settings (environment variables), applied after the fake's.</summary>
    public IReadOnlyDictionary<string, string> AppEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the script may run.</summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromSeconds(120);
}

/// <summary>A finished walk-through: the script's exit code, the output of all three processes, the script's
/// working folder (its <c>OUT</c>), and the fake, still running.</summary>
public sealed record WalkRun(int ExitCode, string Output, string Work, HttpClient Http, string? Fake)
{
    /// <summary>The fake vendors' journal of calls received (<c>/_fake/vendors/journal</c>).</summary>
    public Task<string> VendorJournalAsync() => Http.GetStringAsync($"{Fake}/_fake/vendors/journal");
}
