using System.Text.RegularExpressions;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using OfficeOpenXml;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// README "Trying approvals and WeChat Pay offline" can't drift: README shows <c>docs/try-money.sh</c> verbatim, and the
/// script runs green against a started app pointed at a started <c>tools/Kboss.Fakes</c> (both real processes): an
/// approval agreed at the fake DingTalk reaches its business once, a WeChat Pay recharge paid at the fake credits the
/// balance once, the customer buys a compute-centre product on a cluster imported from the fake Kubernetes API (bill,
/// balance and the operator's revenue show it), and its provider settlement is approved and downloaded as Excel.
/// </summary>
public sealed class TryMoneyTests
{
    private static string Script => WalkThrough.Script("try-money");

    [Fact]
    public void Readme_shows_the_script_verbatim() => WalkThrough.ReadmeShowsVerbatim(Script, "# --- try money ---");

    [Fact]
    public Task The_script_runs_against_a_started_app_and_a_started_fake() =>
        WalkThrough.RunAndCheckAsync(Script, run =>
        {
            run.Output.Should().Contain("try money done");

            // The purchase: priced, paid from the 12.34 recharged, created at the fake cluster, in the operator's KPI.
            decimal Figure(string label) => decimal.Parse(
                Regex.Match(run.Output, label + @": ([0-9.]+)").Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);
            var price = Figure("price of one hour");
            price.Should().BeGreaterThan(0).And.BeLessThan(12.34m);
            var bought = System.Text.Json.Nodes.JsonNode.Parse(
                Regex.Match(run.Output, "bought: (.*)").Groups[1].Value)!;
            var bill = bought["billid"]!.GetValue<string>();
            bought["amount"]!.GetValue<decimal>().Should().Be(price);
            Regex.IsMatch(run.Output, "^1$", RegexOptions.Multiline).Should()
                .BeTrue("one deployment at the fake cluster");
            run.Output.Should().Contain($"\"id\":\"{bill}\",\"business_op\":\"BUY\"");
            (Figure("balance"), Figure("revenue")).Should().Be((12.34m - price, price));

            var file = Directory.GetFiles(run.Work, "settlement-*.xlsx").Should().ContainSingle().Subject;
            using var package = new ExcelPackage(new FileInfo(file));
            var sheet = package.Workbook.Worksheets["账单明细"];
            sheet.Dimension.End.Row.Should().Be(3);
            (sheet.Cells[2, 1].Text, Convert.ToDecimal(sheet.Cells[2, 8].Value), sheet.Cells[2, 12].Text)
                .Should().Be((bill, price, "已结算"));
            var settled = Convert.ToDecimal(sheet.Cells[2, 9].Value);
            settled.Should().BeGreaterThan(0);
            (sheet.Cells[3, 1].Text, Convert.ToDecimal(sheet.Cells[3, 9].Value)).Should().Be(("合计", settled));
        }, new WalkOptions
        {
            AppEnvironment = new Dictionary<string, string> { ["Jobs__ApprovalCallbacks__Cron"] = "*/2 * * * * ?" },
        });
}
