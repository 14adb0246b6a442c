namespace Kboss.Application.Common.Models;

/// <summary>A file a use case answers with instead of the JSON envelope (Excel exports, documents).</summary>
/// <param name="FileName">Download name (may be Chinese; sent as <c>filename*</c>).</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Content">The bytes.</param>
public sealed record FileDownload(string FileName, string ContentType, byte[] Content)
{
    /// <summary>MIME type of xlsx workbooks.</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Content streamed instead of <see cref="Content"/> (stored documents); the web layer disposes it.
    /// </summary>
    public Stream? Stream { get; init; }
}

/// <summary>A reply that may carry a file; the web layer sends the file instead of the envelope when present.</summary>
public interface IFileReply
{
    /// <summary>The file, or null for an ordinary envelope.</summary>
    FileDownload? File { get; }
}
