using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Excel;
using OfficeOpenXml;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>The EPPlus adapter of <see cref="ISpreadsheetWriter"/>, read back with EPPlus.</summary>
public sealed class EpplusSpreadsheetWriterTests
{
    [Fact]
    public void Writes_headers_widths_and_typed_cells_without_gdi()
    {
        var bytes = new EpplusSpreadsheetWriter().Write("一个很长很长很长很长很长很长很长很长很长很长很长很长很长很长的工作表名称",
            [new SpreadsheetColumn("名称", 30), new SpreadsheetColumn("价格", 12), new SpreadsheetColumn("时间", 20), new SpreadsheetColumn("空", 5)],
            [["=1+1", 12.5m, new DateTime(2026, 11, 30, 8, 5, 9), null], ["甲", 3, null, "多余"]]);
        using var package = new ExcelPackage(new MemoryStream(bytes));
        var sheet = package.Workbook.Worksheets.First();
        sheet.Name.Length.Should().BeLessThanOrEqualTo(31);
        sheet.Cells[1, 1].Text.Should().Be("名称");
        sheet.Cells[1, 1].Style.Font.Bold.Should().BeTrue();
        sheet.Column(1).Width.Should().BeApproximately(30, 1);
        sheet.Column(2).Width.Should().BeApproximately(12, 1);
        sheet.Cells[2, 1].Text.Should().Be("=1+1"); // text, never a formula
        sheet.Cells[2, 1].Formula.Should().BeEmpty();
        sheet.Cells[2, 1].Style.QuotePrefix.Should().BeTrue("Excel keeps it text when the cell is edited (ADR 0018)");
        sheet.Cells[3, 1].Style.QuotePrefix.Should().BeFalse();
        sheet.Cells[2, 2].GetValue<decimal>().Should().Be(12.5m);
        sheet.Cells[2, 3].Text.Should().Be("2026-11-30 08:05:09");
        sheet.Cells[2, 4].Value.Should().BeNull();
        sheet.Cells[3, 2].GetValue<int>().Should().Be(3);
        sheet.Cells[3, 5].Value.Should().BeNull(); // cells beyond the columns are dropped
        sheet.Dimension.End.Row.Should().Be(3);
    }

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+86 138", true)]
    [InlineData("-5", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\tx", true)]
    [InlineData("a=b", false)]
    [InlineData("", false)]
    public void Formula_like_text_is_recognised(string text, bool expected) =>
        EpplusSpreadsheetWriter.LooksLikeFormula(text).Should().Be(expected);
}
