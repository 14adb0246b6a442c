using Kboss.Domain.Marketplace;

namespace Kboss.Domain.UnitTests;

public sealed class SiteLinksTests
{
    [Theory]
    [InlineData("https://demo.kboss")]
    [InlineData("https://kaiyuancloud.cn/shop")]
    [InlineData("http://a-site.example:8080")]
    [InlineData("https://xn--fiqs8s.cn")]
    public void Written_forms_are_canonical(string link) => SiteLinks.IsCanonical(link).Should().BeTrue();

    [Theory]
    [InlineData("https://a-site.example/", "https://a-site.example")]
    [InlineData("HTTPS://A-SITE.EXAMPLE", "https://a-site.example")]
    [InlineData("https://a-site.example#x", "https://a-site.example")]
    [InlineData("https://a-site.example?", "https://a-site.example")]
    [InlineData("https://a-site.example:443", "https://a-site.example")]
    [InlineData("https://a-site.example/shop/", "https://a-site.example/shop")]
    public void Other_spellings_of_one_address_are_not_canonical(string link, string canonical)
    {
        SiteLinks.IsCanonical(link).Should().BeFalse();
        SiteLinks.Canonical(link).Should().Be(canonical);
    }

    [Theory]
    [InlineData("https://a-site.example\u200B")]
    [InlineData("\uFF48ttps://a-site.example")]
    [InlineData("https://中国.cn")]
    [InlineData("demo.kboss")]
    [InlineData("not a url")]
    [InlineData("ftp://a-site.example")]
    [InlineData("https://user@a-site.example")]
    public void Non_addresses_have_no_written_form(string link)
    {
        SiteLinks.IsCanonical(link).Should().BeFalse();
        SiteLinks.Canonical(link).Should().BeNull();
    }
}
