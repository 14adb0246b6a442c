using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml;
using Kboss.Application.Common.Interfaces;
using OfficeOpenXml;

namespace Kboss.Infrastructure.Excel;

/// <summary>
/// <see cref="IExcelHtmlConverter"/> reading the workbook with EPPlus 4.5.3.3 (LGPL; this version needs no licence
/// setting): one <c>&lt;table&gt;</c> per worksheet over its used range, a merged range as one cell with
/// <c>rowspan</c>/<c>colspan</c> and its covered cells left out, every value (the cell's displayed text; a formula's
/// cached result, never evaluated) and sheet name HTML-escaped, so the HTML holds no markup from the workbook.
/// Before EPPlus loads a workbook, its sheets' merged ranges are read from the package and their total area must stay
/// within <see cref="MaxCells"/>: EPPlus indexes every cell of a merged range on load, so a 2 KB file merging
/// A2:XFD1048576 would otherwise take the node's memory and CPU (review finding).
/// </summary>
public sealed class EpplusExcelHtmlConverter : IExcelHtmlConverter
{
    /// <summary>Largest workbook read (bytes).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;
    /// <summary>Largest used range per sheet (cells); a larger one is refused rather than walked.</summary>
    public const long MaxCells = 200_000;

    /// <summary>Largest uncompressed worksheet part (bytes) whose merged ranges are checked before loading.</summary>
    public const long MaxSheetPartBytes = 200L * 1024 * 1024;

    public string? ToHtml(Stream xlsx, int maxChars)
    {
        if (xlsx.CanSeek && xlsx.Length > MaxBytes) return null;
        try
        {
            var bytes = ReadAtMost(xlsx, MaxBytes);
            if (bytes is null || !MergesWithinLimit(bytes)) return null;
            using var package = new ExcelPackage(new MemoryStream(bytes));
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

    private static byte[]? ReadAtMost(Stream stream, long limit)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > limit) return null;
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    /// <summary>
    /// True when the merged ranges of every worksheet part cover at most <see cref="MaxCells"/> cells in all (read
    /// with a streaming XML reader, no DTDs), and no worksheet part is larger than <see cref="MaxSheetPartBytes"/>.
    /// </summary>
    private static bool MergesWithinLimit(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        long area = 0;
        foreach (var part in zip.Entries)
        {
            if (!part.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                || !part.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) continue;
            if (part.Length > MaxSheetPartBytes) return false;
            using var reader = XmlReader.Create(part.Open(),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "mergeCell") continue;
                var range = new ExcelAddress(reader.GetAttribute("ref") ?? "");
                area += (long)(range.End.Row - range.Start.Row + 1) * (range.End.Column - range.Start.Column + 1);
                if (area > MaxCells) return false;
            }
        }
        return true;
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
