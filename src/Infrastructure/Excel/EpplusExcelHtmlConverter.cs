using System.Net;
using System.Text;
using Kboss.Application.Common.Interfaces;
using OfficeOpenXml;

namespace Kboss.Infrastructure.Excel;

/// <summary>
/// <see cref="IExcelHtmlConverter"/> reading the workbook with EPPlus 4.5.3.3 (LGPL; this version needs no licence
/// setting): one <c>&lt;table&gt;</c> per worksheet over its used range, a merged range as one cell with
/// <c>rowspan</c>/<c>colspan</c> and its covered cells left out, every value (the cell's displayed text; a formula's
/// cached result, never evaluated) and sheet name HTML-escaped, so the HTML holds no markup from the workbook.
/// </summary>
public sealed class EpplusExcelHtmlConverter : IExcelHtmlConverter
{
    /// <summary>Largest workbook read (bytes).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;
    /// <summary>Largest used range per sheet (cells); a larger one is refused rather than walked.</summary>
    public const long MaxCells = 200_000;

    public string? ToHtml(Stream xlsx, int maxChars)
    {
        if (xlsx.CanSeek && xlsx.Length > MaxBytes) return null;
        try
        {
            using var package = new ExcelPackage(xlsx);
            var html = new StringBuilder();
            foreach (var sheet in package.Workbook.Worksheets)
            {
                if (!AppendSheet(html, sheet) || html.Length > maxChars) return null;
            }
            return html.ToString();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException
                                      or ArgumentException or System.Xml.XmlException or NullReferenceException)
        {
            return null; // not an xlsx package (EPPlus 4 reports a broken package in several ways)
        }
    }

    private static bool AppendSheet(StringBuilder html, ExcelWorksheet sheet)
    {
        html.Append("<table data-sheet=\"").Append(WebUtility.HtmlEncode(sheet.Name)).Append("\">");
        if (sheet.Dimension is { } used)
        {
            long rows = used.End.Row - used.Start.Row + 1, cols = used.End.Column - used.Start.Column + 1;
            if (rows * cols > MaxCells) return false;
            var (spans, covered) = Merges(sheet);
            for (var r = used.Start.Row; r <= used.End.Row; r++)
            {
                html.Append("<tr>");
                for (var c = used.Start.Column; c <= used.End.Column; c++)
                {
                    if (covered.Contains((r, c))) continue;
                    html.Append("<td");
                    if (spans.TryGetValue((r, c), out var span))
                    {
                        if (span.Rows > 1) html.Append(" rowspan=\"").Append(span.Rows).Append('"');
                        if (span.Cols > 1) html.Append(" colspan=\"").Append(span.Cols).Append('"');
                    }
                    html.Append('>').Append(WebUtility.HtmlEncode(sheet.Cells[r, c].Text ?? "")).Append("</td>");
                }
                html.Append("</tr>");
            }
        }
        html.Append("</table>");
        return true;
    }

    /// <summary>Top-left cell → span of every merged range, and the cells the ranges cover besides their
    /// top-left.</summary>
    private static (Dictionary<(int, int), (int Rows, int Cols)> Spans, HashSet<(int, int)> Covered) Merges(
        ExcelWorksheet sheet)
    {
        var spans = new Dictionary<(int, int), (int Rows, int Cols)>();
        var covered = new HashSet<(int, int)>();
        foreach (var address in sheet.MergedCells)
        {
            if (string.IsNullOrEmpty(address)) continue;
            var range = new ExcelAddress(address);
            spans[(range.Start.Row, range.Start.Column)] =
                (range.End.Row - range.Start.Row + 1, range.End.Column - range.Start.Column + 1);
            for (var r = range.Start.Row; r <= range.End.Row; r++)
            for (var c = range.Start.Column; c <= range.End.Column; c++)
                if (r != range.Start.Row || c != range.Start.Column) covered.Add((r, c));
        }
        return (spans, covered);
    }
}
