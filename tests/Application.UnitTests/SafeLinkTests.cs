using Kboss.Application.Common.Validation;

namespace Kboss.Application.UnitTests;

/// <summary>Links stored for others to follow (document file_path, QR card pictures): review finding of 2026-12-07.</summary>
public sealed class SafeLinkTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://cdn.example.com/a.png")]
    [InlineData("http://example.com/doc.pdf?x=1:2")]
    [InlineData("/doc/download_doc.dspy?id=abc")]
    [InlineData("qr/card.png")]
    [InlineData("files/a:b.pdf")]
    public void Http_links_and_paths_without_a_scheme_pass(string? link) =>
        RuleExtensions.IsSafeLink(link).Should().BeTrue();

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example.com/x")]
    [InlineData("\\\\evil\\share")]
    public void Other_schemes_protocol_relative_links_and_control_characters_are_refused(string link) =>
        RuleExtensions.IsSafeLink(link).Should().BeFalse();
}
