using System.IO.Compression;
using System.Text;
using Kboss.Application.Documents;

namespace Kboss.Application.UnitTests;

/// <summary>Document kinds come from the content, never the name (ADR 0027).</summary>
public sealed class FileSnifferTests
{
    private static FileKind? Sniff(byte[] bytes) => FileSniffer.Sniff(new MemoryStream(bytes));

    private static byte[] Zip(params string[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries) zip.CreateEntry(e);
        return ms.ToArray();
    }

    [Fact]
    public void Magic_bytes_and_office_parts_decide_the_kind()
    {
        Sniff("%PDF-1.7"u8.ToArray()).Should().Be(FileSniffer.Pdf);
        Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]).Should().Be(FileSniffer.Png);
        Sniff([0xFF, 0xD8, 0xFF, 0xDB]).Should().Be(FileSniffer.Jpeg);
        Sniff("GIF87a.."u8.ToArray()).Should().Be(FileSniffer.Gif);
        Sniff(Zip("[Content_Types].xml", "word/document.xml")).Should().Be(FileSniffer.Docx);
        Sniff(Zip("[Content_Types].xml", "xl/workbook.xml")).Should().Be(FileSniffer.Xlsx);
        Sniff(Zip("[Content_Types].xml", "ppt/presentation.xml")).Should().Be(FileSniffer.Pptx);
        Sniff(Encoding.UTF8.GetBytes("\uFEFF说明\r\n\tline\f")).Should().Be(FileSniffer.Text);
    }

    [Fact]
    public void Executables_plain_zips_binary_and_invalid_utf8_are_refused()
    {
        Sniff([(byte)'M', (byte)'Z', 0x90, 0, 3, 0]).Should().BeNull();
        Sniff([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1]).Should().BeNull();
        Sniff(Zip("word/document.xml")).Should().BeNull(); // no [Content_Types].xml
        Sniff(Zip("[Content_Types].xml", "a.txt")).Should().BeNull();
        Sniff([(byte)'P', (byte)'K', 3, 4, 0, 0]).Should().BeNull();
        Sniff([0x63, 0xE9, 0x0A]).Should().BeNull(); // Latin-1
        Sniff("a\u0000b"u8.ToArray()).Should().BeNull();
        Sniff([]).Should().BeNull();
    }

    [Fact]
    public void Sniffing_leaves_the_stream_at_its_start()
    {
        var s = new MemoryStream(Zip("[Content_Types].xml", "xl/workbook.xml"));
        FileSniffer.Sniff(s);
        s.Position.Should().Be(0);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd.txt")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("C:\\x\\说明 书.txt", "说明 书.txt")]
    [InlineData("a\u0000\u001f\"*:<>?|;b.txt", "ab.txt")]
    [InlineData("...", "document.txt")]
    [InlineData("", "document.txt")]
    [InlineData(null, "document.txt")]
    [InlineData("name.", "name.txt")]
    public void SafeName_keeps_only_a_harmless_last_segment(string? raw, string expected) =>
        FileSniffer.SafeName(raw, FileSniffer.Text).Should().Be(expected);

    [Fact]
    public void SafeName_is_at_most_100_characters_with_its_extension()
    {
        var name = FileSniffer.SafeName(new string('长', 300) + ".pdf", FileSniffer.Pdf);
        name.Should().HaveLength(100).And.EndWith(".pdf");
        FileSniffer.NameFits(name, FileSniffer.Pdf).Should().BeTrue();
        FileSniffer.NameFits("a.PDF", FileSniffer.Pdf).Should().BeTrue();
        FileSniffer.NameFits("a.pdf", FileSniffer.Text).Should().BeFalse();
        FileSniffer.NameFits("a.jpeg", FileSniffer.Jpeg).Should().BeTrue();
    }
}
