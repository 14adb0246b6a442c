namespace Kboss.Application.Common.Interfaces;

/// <summary>One column of a sheet: its header and its width (in characters; set explicitly, no auto-fit).</summary>
/// <param name="Header">Header text (row 1).</param>
/// <param name="Width">Column width in Excel character units.</param>
public sealed record SpreadsheetColumn(string Header, double Width);

/// <summary>Writes rows as an xlsx workbook (port; the EPPlus adapter lives in Infrastructure).</summary>
public interface ISpreadsheetWriter
{
    /// <summary>
    /// One sheet named <paramref name="sheetName"/>: a bold header row from <paramref name="columns"/>, then one row per
    /// item of <paramref name="rows"/> (strings as text, numbers as numbers, <see cref="DateTime"/> as
    /// <c>yyyy-MM-dd HH:mm:ss</c> text, null as an empty cell). Returns the xlsx bytes.
    /// </summary>
    byte[] Write(string sheetName, IReadOnlyList<SpreadsheetColumn> columns, IEnumerable<IReadOnlyList<object?>> rows);
}
