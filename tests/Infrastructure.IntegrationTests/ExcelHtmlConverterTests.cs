using System.Text.RegularExpressions;
using Kboss.Infrastructure.Excel;
using Kboss.Infrastructure.Files;
using OfficeOpenXml;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>Excel → HTML (E52): merged cells, escaping, refusals; and the rooted upload reader.</summary>
public sealed class ExcelHtmlConverterTests
{
    /// <summary>
    /// A workbook with a horizontal merge (A1:C1), a vertical merge (A2:A3), a 2×2 block (B4:C5), a script cell,
    /// a formula and a second sheet whose name holds markup.
    /// </summary>
    public static byte[] Workbook()
    {
        using var package = new ExcelPackage();
        var s = package.Workbook.Worksheets.Add("供应");
        s.Cells["A1"].Value = "GPU 资源表";
        s.Cells["A1:C1"].Merge = true;
        s.Cells["A2"].Value = "地区";
        s.Cells["A2:A3"].Merge = true;
        s.Cells["B2"].Value = "型号";
        s.Cells["C2"].Value = "<script>alert(1)</script>";
        s.Cells["B3"].Value = "A800";
        s.Cells["C3"].Value = 8;
        s.Cells["A4"].Value = "a & \"b\"";
        s.Cells["B4"].Value = "合并块";
        s.Cells["B4:C5"].Merge = true;
        s.Cells["A5"].Formula = "C3*2";
        s.Cells["A5"].Calculate();
        var t = package.Workbook.Worksheets.Add("<img src=x>");
        t.Cells["A1"].Value = "second";
        return package.GetAsByteArray();
    }

    [Fact]
    public void Merged_ranges_become_rowspan_and_colspan_and_covered_cells_are_left_out()
    {
        var html = new EpplusExcelHtmlConverter().ToHtml(new MemoryStream(Workbook()), 1_000_000)!;
        var first = html[..(html.IndexOf("</table>", StringComparison.Ordinal) + 8)];
        var rows = Regex.Matches(first, "<tr>(.*?)</tr>").Select(m => m.Groups[1].Value).ToList();
        rows.Should().HaveCount(5);
        rows[0].Should().Be("<td colspan=\"3\">GPU 资源表</td>");
        rows[1].Should().Be("<td rowspan=\"2\">地区</td><td>型号</td><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
        rows[2].Should().Be("<td>A800</td><td>8</td>", "A3 is covered by the vertical merge");
        rows[3].Should().Be("<td>a &amp; &quot;b&quot;</td><td rowspan=\"2\" colspan=\"2\">合并块</td>");
        rows[4].Should().Be("<td>16</td>", "the formula's value is shown; B5:C5 are covered");
        html.Should().NotContain("<script>").And.NotContain("<img");
        html.Should().Contain("data-sheet=\"&lt;img src=x&gt;\"").And.Contain("<td>second</td>");
    }

    [Fact]
    public void A_merged_range_far_larger_than_the_sheet_is_refused_before_it_is_loaded()
    {
        // 2 cells, and one merge over the rest of the sheet (≈1.7e10 cells): EPPlus would index every one on load.
        using var package = new ExcelPackage();
        var s = package.Workbook.Worksheets.Add("s");
        s.Cells["A1"].Value = "a";
        s.Cells["B1"].Value = "b";
        var bytes = package.GetAsByteArray();
        using var patched = new MemoryStream();
        patched.Write(bytes);
        using (var zip = new System.IO.Compression.ZipArchive(patched, System.IO.Compression.ZipArchiveMode.Update, true))
        {
            var part = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(part.Open())) xml = reader.ReadToEnd();
            part.Delete();
            xml = xml.Replace("</sheetData>", "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A2:XFD1048576\"/></mergeCells>");
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }
        patched.Position = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        new EpplusExcelHtmlConverter().ToHtml(patched, 1_000_000).Should().BeNull();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Not_an_xlsx_or_too_large_html_gives_null()
    {
        var converter = new EpplusExcelHtmlConverter();
        converter.ToHtml(new MemoryStream("not a workbook"u8.ToArray()), 1_000_000).Should().BeNull();
        converter.ToHtml(new MemoryStream(Workbook()), 50).Should().BeNull();
    }

    [Fact]
    public void Upload_paths_never_leave_the_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "kboss-uploads-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "x"));
        File.WriteAllText(Path.Combine(root, "x", "ok.xlsx"), "data");
        var outside = Path.Combine(Path.GetTempPath(), "kboss-outside-" + Guid.NewGuid().ToString("N") + ".xlsx");
        File.WriteAllText(outside, "secret");
        File.CreateSymbolicLink(Path.Combine(root, "x", "link.xlsx"), outside);
        try
        {
            var files = new LocalUploadedFiles(root);
            using (var ok = files.OpenRead("x/ok.xlsx")) ok.Should().NotBeNull();
            using (var slash = files.OpenRead("/x/ok.xlsx")) slash.Should().NotBeNull();
            foreach (var bad in new[] { "../" + Path.GetFileName(outside), "x/../../etc/passwd", outside, "x\\ok.xlsx",
                         "C:/x/ok.xlsx", "x/link.xlsx", "x/missing.xlsx", "", "x/./ok.xlsx" })
                files.OpenRead(bad).Should().BeNull(bad);
        }
        finally
        {
            Directory.Delete(root, true);
            File.Delete(outside);
        }
    }
}
