using System.IO.Compression;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>Anonymous inquiries: limited per address, stored as text, exported without formulas (ADR 0018).</summary>
public sealed class InquiryAbuseTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Add = "/product/add_user_inquiry.dspy";

    [Fact]
    public async Task Anonymous_inquiries_are_limited_per_address_with_the_envelope()
    {
        using var limited = app.Factory.WithWebHostBuilder(b =>
            b.UseSetting("RateLimits:AnonymousWrite:PermitLimit", "3"));
        var site = Market.NewSite();
        await Market.CategoryAsync(app.Operator(), site, "算力");
        Api From(string ip) => new Api(limited.CreateClient()).From(ip);
        (string, string?)[] Inquiry(int i) => [("url_link", site), ("name", "n" + i), ("phone", "13800000000")];
        for (var i = 0; i < 3; i++) (await From("10.60.0.1").GetAsync(Add, Inquiry(i))).Status.Should().BeTrue();
        var refused = await From("10.60.0.1").GetAsync(Add, Inquiry(3));
        refused.Http.Should().Be(429);
        refused.Status.Should().BeFalse();
        refused.Code.Should().Be("rate_limited");
        refused.Msg.Should().MatchRegex(@"^请求过于频繁,请 \d+ 秒后再试$");
        (await From("10.60.0.2").GetAsync(Add, Inquiry(4))).Status.Should().BeTrue("another address");
        var signedIn = new Api(limited.CreateClient()).From("10.60.0.1").WithToken(app.CustomerToken);
        (await signedIn.GetAsync(Add, Inquiry(5))).Status.Should().BeTrue("logged-in callers are not limited by it");
    }

    [Fact]
    public async Task Html_and_formulas_are_stored_as_text_and_exported_as_text()
    {
        var site = Market.NewSite();
        await Market.CategoryAsync(app.Operator(), site, "算力");
        const string html = "<img src=x onerror=alert(1)>";
        const string formula = "=HYPERLINK(\"http://evil.example\",\"点我\")";
        var add = await app.Anonymous().GetAsync(Add, ("url_link", site), ("name", formula), ("phone", "13800000000"),
            ("content", html), ("company", "+cmd|' /C calc'!A0"), ("email", "a@b.cn"));
        add.Status.Should().BeTrue(add.Raw);

        var list = await app.Operator().GetAsync("/product/search_user_inquiry.dspy", ("url_link", site));
        var row = list.Data!.AsArray().Single()!;
        row["content"]!.GetValue<string>().Should().Be(html, "stored as the text that was sent");
        list.Raw.Should().Contain("\"<img src=x onerror=alert(1)>\"", "a JSON string (ADR 0018 on escaping)");
        var url = $"/product/search_user_inquiry.dspy?url_link={Uri.EscapeDataString(site)}&to_excel=1";
        var excel = await app.Operator().Http.GetAsync(url);
        var bytes = await excel.Content.ReadAsByteArrayAsync();
        using (var package = new OfficeOpenXml.ExcelPackage(new MemoryStream(bytes)))
        {
            var sheet = package.Workbook.Worksheets.First();
            sheet.Cells[2, 1].Text.Should().Be(formula);
            sheet.Cells[2, 1].Formula.Should().BeEmpty();
            sheet.Cells[2, 1].Style.QuotePrefix.Should().BeTrue();
            sheet.Cells[2, 3].Style.QuotePrefix.Should().BeTrue();
            sheet.Cells[2, 5].Text.Should().Be(html);
            sheet.Cells[2, 5].Style.QuotePrefix.Should().BeFalse();
        }
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var xml = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        xml.Should().NotContain("<f>").And.NotContain("<f ");
    }

    [Fact]
    public async Task Json_replies_are_not_sniffed_as_html()
    {
        var r = await app.Anonymous().Http.GetAsync("/health");
        r.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }
}
