namespace Kboss.Application.Common.Interfaces;

/// <summary>
/// Turns an <c>.xlsx</c> workbook into HTML tables (analysis/platform.md §5.5, E52): one <c>&lt;table&gt;</c> per
/// worksheet, merged ranges as <c>rowspan</c>/<c>colspan</c>, covered cells skipped, every cell value HTML-escaped,
/// formulas never evaluated (the cached value is shown). Adapter: EPPlus (Infrastructure/Excel).
/// </summary>
public interface IExcelHtmlConverter
{
    /// <summary>The HTML of <paramref name="xlsx"/>, or null when it is not a readable <c>.xlsx</c> workbook or its
    /// HTML would be larger than <paramref name="maxChars"/>.</summary>
    string? ToHtml(Stream xlsx, int maxChars);
}

/// <summary>
/// Files uploaded into kboss's file storage, addressed by a relative path (the documented <c>filepath</c>). The path
/// never leaves the storage root: absolute paths, <c>..</c>, drive letters and links out are refused.
/// </summary>
public interface IUploadedFiles
{
    /// <summary>Opens the file at <paramref name="relativePath"/>, or null when it is not a file inside the
    /// root.</summary>
    Stream? OpenRead(string relativePath);
}
