using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using OfficeOpenXml;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying approvals and WeChat Pay offline" can't drift: README shows <c>docs/try-money.sh</c> verbatim, and the
/// script runs green against a started app pointed at a started <c>tools/Kboss.Fakes</c> (both real processes): an
/// approval agreed at the fake DingTalk reaches its business once, a WeChat Pay recharge paid at the fake credits the
/// balance once, the customer buys a compute-centre product on a cluster imported from the fake Kubernetes API (bill,
/// balance and the operator's revenue show it), and its provider settlement is approved and downloaded as Excel.
/// </summary>
public sealed partial class TryMoneyTests
{
    private const string Begin = "# --- try money ---";
    private const string End = "# --- end ---";
    private const string AdminPassword = "Try-money-admin-pass-1";

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kboss.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kboss.sln not found above the test folder");
    }

    private static string Script => Path.Combine(RepoRoot(), "docs", "try-money.sh");

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    internal static partial Regex BashBlock();

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
        var work = Path.Combine(Path.GetTempPath(), "kboss-try-money-" + Guid.NewGuid().ToString("N"));
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
                    ["Jobs__ApprovalCallbacks__Cron"] = "*/2 * * * * ?",
                },
            };
            foreach (Match m in Regex.Matches(env, @"^export (\w+)='([^']*)'$", RegexOptions.Multiline))
                start.Environment[m.Groups[1].Value] = m.Groups[2].Value;
            app = Start(start, log);
            await Retry(() => http.GetStringAsync($"{kboss}/health"));

            var script = new ProcessStartInfo("bash", [Script])
            {
                WorkingDirectory = work,
                Environment =
                {
                    ["KBOSS"] = kboss, ["FAKE"] = fake, ["ADMIN_PASSWORD"] = AdminPassword, ["OUT"] = work,
                },
            };
            using var run = Start(script, log);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await run.WaitForExitAsync(limit.Token);
            var output = string.Join("\n", log);
            run.ExitCode.Should().Be(0, output);
            output.Should().Contain("try money done");

            // The purchase: priced, paid from the 12.34 recharged, created at the fake cluster, in the operator's KPI.
            decimal Figure(string label) => decimal.Parse(Regex.Match(output, label + @": ([0-9.]+)").Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);
            var price = Figure("price of one hour");
            price.Should().BeGreaterThan(0).And.BeLessThan(12.34m);
            var bought = System.Text.Json.Nodes.JsonNode.Parse(Regex.Match(output, "bought: (.*)").Groups[1].Value)!;
            var bill = bought["billid"]!.GetValue<string>();
            bought["amount"]!.GetValue<decimal>().Should().Be(price);
            Regex.IsMatch(output, "^1$", RegexOptions.Multiline).Should().BeTrue("one deployment at the fake cluster");
            output.Should().Contain($"\"id\":\"{bill}\",\"business_op\":\"BUY\"");
            (Figure("balance"), Figure("revenue")).Should().Be((12.34m - price, price));

            var file = Directory.GetFiles(work, "settlement-*.xlsx").Should().ContainSingle().Subject;
            using var package = new ExcelPackage(new FileInfo(file));
            var sheet = package.Workbook.Worksheets["账单明细"];
            sheet.Dimension.End.Row.Should().Be(3);
            (sheet.Cells[2, 1].Text, Convert.ToDecimal(sheet.Cells[2, 8].Value), sheet.Cells[2, 12].Text)
                .Should().Be((bill, price, "已结算"));
            var settled = Convert.ToDecimal(sheet.Cells[2, 9].Value);
            settled.Should().BeGreaterThan(0);
            (sheet.Cells[3, 1].Text, Convert.ToDecimal(sheet.Cells[3, 9].Value)).Should().Be(("合计", settled));
        }
        finally
        {
            if (app is { HasExited: false }) app.Kill(entireProcessTree: true);
            if (!fakes.HasExited) fakes.Kill(entireProcessTree: true);
            app?.Dispose();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { } // best effort
        }
    }

    internal static Process Start(ProcessStartInfo start, System.Collections.Concurrent.ConcurrentQueue<string> log)
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

    internal static async Task<T> Retry<T>(Func<Task<T>> call)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return await call();
            }
            catch (HttpRequestException) when (i < 180) // 90 s: a loaded CI machine starts slowly
            {
                await Task.Delay(500);
            }
        }
    }

    internal static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
