using System.IO.Compression;
using System.Text;

namespace Kboss.Application.Documents;

/// <summary>An accepted kind of document file.</summary>
/// <param name="ContentType">MIME type sent on download.</param>
/// <param name="Extension">Extension of the stored file and of a download name without one.</param>
/// <param name="Extensions">Extensions a client's file name of this kind may have.</param>
public sealed record FileKind(string ContentType, string Extension, IReadOnlyList<string> Extensions);

/// <summary>
/// Decides a file's kind from its content, never from its name (ADR 0027): PDF, PNG, JPEG and GIF by their magic bytes;
/// docx / xlsx / pptx as zip archives holding the Office part that names them; text as valid UTF-8 without control
/// characters other than tab, CR, LF and FF. Everything else (executables, plain zips, HTML named .html…) is refused.
/// </summary>
public static class FileSniffer
{
    /// <summary>PDF.</summary>
    public static readonly FileKind Pdf = new("application/pdf", "pdf", ["pdf"]);
    /// <summary>PNG.</summary>
    public static readonly FileKind Png = new("image/png", "png", ["png"]);
    /// <summary>JPEG.</summary>
    public static readonly FileKind Jpeg = new("image/jpeg", "jpg", ["jpg", "jpeg"]);
    /// <summary>GIF.</summary>
    public static readonly FileKind Gif = new("image/gif", "gif", ["gif"]);
    /// <summary>Word (OOXML).</summary>
    public static readonly FileKind Docx = new(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", ["docx"]);
    /// <summary>Excel (OOXML).</summary>
    public static readonly FileKind Xlsx = new(Common.Models.FileDownload.Xlsx, "xlsx", ["xlsx"]);
    /// <summary>PowerPoint (OOXML).</summary>
    public static readonly FileKind Pptx = new(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", ["pptx"]);
    /// <summary>Plain text (UTF-8).</summary>
    public static readonly FileKind Text = new("text/plain; charset=utf-8", "txt", ["txt", "md", "csv", "log"]);

    private static readonly (byte[] Magic, FileKind Kind)[] Magics =
    [
        ("%PDF-"u8.ToArray(), Pdf),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Png),
        ([0xFF, 0xD8, 0xFF], Jpeg),
        ("GIF87a"u8.ToArray(), Gif),
        ("GIF89a"u8.ToArray(), Gif),
    ];

    private static readonly (string Part, FileKind Kind)[] OfficeParts =
        [("word/document.xml", Docx), ("xl/workbook.xml", Xlsx), ("ppt/presentation.xml", Pptx)];

    /// <summary>The kind of the content of seekable <paramref name="content"/> (read from its start), or null.
    /// </summary>
    public static FileKind? Sniff(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        foreach (var (magic, kind) in Magics)
            if (n >= magic.Length && head[..magic.Length].SequenceEqual(magic)) return kind;
        if (n >= 4 && head[..4].SequenceEqual("PK\u0003\u0004"u8)) return Office(content);
        return IsText(content) ? Text : null;
    }

    private static FileKind? Office(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml")) return null;
            return OfficeParts.FirstOrDefault(p => names.Contains(p.Part)).Kind;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException
                                       or NotSupportedException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static bool IsText(Stream content)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = content.Read(bytes, 0, bytes.Length)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                for (var i = 0; i < count; i++)
                    if (char.IsControl(chars[i]) && chars[i] is not ('\t' or '\n' or '\r' or '\f')) return false;
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return content.Length > 0;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>
    /// The download name kept for a client's <paramref name="fileName"/>: its last segment after <c>/</c> or
    /// <c>\</c>, without control, quote and reserved characters, at most 100 characters with its extension; the kind's
    /// extension added when it has none; <c>document.&lt;ext&gt;</c> when nothing is left.
    /// </summary>
    public static string SafeName(string? fileName, FileKind kind)
    {
        var raw = (fileName ?? "").Replace('\\', '/');
        raw = raw[(raw.LastIndexOf('/') + 1)..];
        var b = new StringBuilder();
        foreach (var rune in raw.EnumerateRunes())
        {
            var reserved = rune.IsAscii && "\"*:<>?|;".Contains((char)rune.Value);
            if (!Rune.IsControl(rune) && rune != Rune.ReplacementChar && !reserved) b.Append(rune.ToString());
        }
        var name = b.ToString().Trim().Trim('.').Trim();
        var ext = Path.GetExtension(name);
        if (ext.Length <= 1) { name = name.TrimEnd('.'); ext = "." + kind.Extension; name += ext; }
        if (name.Length > 100)
        {
            var cut = Math.Max(1, 100 - ext.Length);
            if (char.IsHighSurrogate(name[cut - 1])) cut--;
            name = name[..cut] + ext;
        }
        return name == ext ? "document" + ext : name;
    }

    /// <summary>True when <paramref name="safeName"/>'s extension fits <paramref name="kind"/>.</summary>
    public static bool NameFits(string safeName, FileKind kind) =>
        kind.Extensions.Contains(Path.GetExtension(safeName).TrimStart('.').ToLowerInvariant());
}
