using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a README walk-through script (<c>docs/try-*.sh</c>) the way a newcomer does: a started
/// <c>tools/Kboss.Fakes</c> console, a started app configured by the fake's <c>/_fake/env</c>, then the script
/// (both real processes). Also checks that README shows the script's body verbatim.
/// </summary>
public static partial class WalkThrough
{
    public const string AdminPassword = "Try-walk-admin-pass-1";

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kboss.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kboss.sln not found above the test folder");
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

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

    /// <summary>Runs <paramref name="script"/> against a started app and fake; answers its exit code and output.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, TimeSpan limit)
    {
        var root = RepoRoot();
        var sep = Path.DirectorySeparatorChar;
        var configuration = AppContext.BaseDirectory.Contains($"{sep}Release{sep}") ? "Release" : "Debug";
        var appDll = Path.Combine(root, "src", "WebApi", "bin", configuration, "net10.0", "Kboss.WebApi.dll");
        var fakeDll = Path.Combine(root, "tools", "Kboss.Fakes", "bin", configuration, "net10.0", "Kboss.Fakes.dll");
        var work = Path.Combine(Path.GetTempPath(), "kboss-walk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var (kboss, fake) = ($"http://127.0.0.1:{FreePort()}", $"http://127.0.0.1:{FreePort()}");
        var log = new ConcurrentQueue<string>();
        Process? app = null;
        using var fakes = Start(new ProcessStartInfo("dotnet", [fakeDll, "--port", fake[(fake.LastIndexOf(':') + 1)..],
            "--kboss", kboss]), log);
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
            await Retry(() => http.GetStringAsync($"{kboss}/health"));
            var run = new ProcessStartInfo("bash", [script])
            {
                WorkingDirectory = work,
                Environment = { ["KBOSS"] = kboss, ["FAKE"] = fake, ["ADMIN_PASSWORD"] = AdminPassword },
            };
            using var process = Start(run, log);
            using var cancel = new CancellationTokenSource(limit);
            await process.WaitForExitAsync(cancel.Token);
            return (process.ExitCode, string.Join("\n", log));
        }
        finally
        {
            if (app is { HasExited: false }) app.Kill(entireProcessTree: true);
            if (!fakes.HasExited) fakes.Kill(entireProcessTree: true);
            app?.Dispose();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } // best effort
        }
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

    private static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return await call();
            }
            catch (HttpRequestException) when (i < 60)
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
