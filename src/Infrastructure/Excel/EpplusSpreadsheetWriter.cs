using System.Globalization;
using Kboss.Application.Common.Interfaces;
using OfficeOpenXml;

namespace Kboss.Infrastructure.Excel;

/// <summary>
/// <see cref="ISpreadsheetWriter"/> with EPPlus 4.5.3.3 (LGPL, ARCHITECTURE.md §9). Column widths are set explicitly:
/// <c>AutoFitColumns</c> measures text through GDI, which is not available on Linux.
/// </summary>
public sealed class EpplusSpreadsheetWriter : ISpreadsheetWriter
{
    /// <summary>Excel's limit of a worksheet name.</summary>
    private const int MaxSheetName = 31;

    public byte[] Write(string sheetName, IReadOnlyList<SpreadsheetColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var package = new ExcelPackage();
        var name = string.IsNullOrWhiteSpace(sheetName) ? "Sheet1" : sheetName.Length > MaxSheetName ? sheetName[..MaxSheetName] : sheetName;
        var sheet = package.Workbook.Worksheets.Add(name);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cells[1, c + 1].Value = columns[c].Header;
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        if (columns.Count > 0) sheet.Cells[1, 1, 1, columns.Count].Style.Font.Bold = true;
        var r = 2;
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Count && c < columns.Count; c++)
            {
                var cell = sheet.Cells[r, c + 1];
                cell.Value = Cell(row[c]);
                if (cell.Value is string text && LooksLikeFormula(text)) cell.Style.QuotePrefix = true;
            }
            r++;
        }
        return package.GetAsByteArray();
    }

    /// <summary>
    /// Text a spreadsheet program would read as a formula when typed or saved as CSV (formula injection: <c>=</c>,
    /// <c>+</c>, <c>-</c>, <c>@</c>, tab, carriage return first). Such cells are still stored as text (a shared string,
    /// never a formula) and additionally get the "quote prefix" style, so Excel keeps them text when the cell is
    /// edited; the visible value is unchanged (ADR 0018).
    /// </summary>
    public static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Text as text (never interpreted as a formula), numbers as numbers, times as <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    private static object? Cell(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal or int or long or double => value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
