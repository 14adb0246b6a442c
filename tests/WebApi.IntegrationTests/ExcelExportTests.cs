using Kboss.WebApi.IntegrationTests.Infrastructure;
using OfficeOpenXml;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Excel exports of the square (04-marketplace.md <c>publish_product_to_excel</c>, <c>publish_product_search?to_excel=1</c>;
/// analysis/catalog.md §3.2.14, §4.10): the xlsx is opened with EPPlus and checked header by header, row by row.
/// </summary>
public sealed class ExcelExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Export = "/product/publish_product_to_excel.dspy";
    private const string Manage = "/product/publish_product_search.dspy";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<ExcelWorksheet> OpenAsync(HttpResponseMessage m)
    {
        ((int)m.StatusCode).Should().Be(200, await m.Content.ReadAsStringAsync());
        m.Content.Headers.ContentType!.MediaType.Should().Be(Xlsx);
        var disposition = m.Content.Headers.ContentDisposition!;
        disposition.DispositionType.Should().Be("attachment");
        disposition.FileNameStar.Should().MatchRegex(@"^供需发布导出_\d{14}\.xlsx$");
        var package = new ExcelPackage(new MemoryStream(await m.Content.ReadAsByteArrayAsync()));
        return package.Workbook.Worksheets.First();
    }

    private static Dictionary<string, int> Headers(ExcelWorksheet sheet) =>
        Enumerable.Range(1, sheet.Dimension.End.Column).ToDictionary(c => sheet.Cells[1, c].Text, c => c);

    [Fact]
    public async Task An_operator_exports_chosen_items_with_chinese_headers()
    {
        var site = Market.NewSite();
        var op = app.Operator();
        var cat = await Market.CategoryAsync(op, site, "GPU服务器");
        var a = await Market.PublishAsync(op, Market.Item(site, "甲商品", $"[\"{cat}\"]", "1", ("price", "12000.5")));
        var b = await Market.PublishAsync(app.Customer(), Market.Item(site, "乙需求", $"[\"{cat}\"]", "2"));
        var otherSite = Market.NewSite();
        var otherCat = await Market.CategoryAsync(app.OtherOperator(), otherSite, "外部类别");
        var foreign = await Market.PublishAsync(app.OtherOperator(), Market.Item(otherSite, "外部商品", $"[\"{otherCat}\"]", "1"));

        var m = await op.Http.GetAsync($"{Export}?ids={Uri.EscapeDataString($"[\"{a}\",\"{b}\",\"{foreign}\",\"nosuch\"]")}");
        var sheet = await OpenAsync(m);
        var h = Headers(sheet);
        h.Keys.Should().StartWith(["ID", "发布类型", "产品名称", "所属类别", "公司名称"]);
        h.Keys.Should().Contain(["审核状态", "上架状态", "驳回原因", "发布人", "创建时间", "内存", "价格"]);
        sheet.Dimension.End.Row.Should().Be(3); // header + 2 managed items; the foreign and unknown ids are skipped
        var byId = Enumerable.Range(2, 2).ToDictionary(r => sheet.Cells[r, h["ID"]].Text, r => r);
        byId.Keys.Should().BeEquivalentTo([a, b]);
        var ra = byId[a];
        sheet.Cells[ra, h["产品名称"]].Text.Should().Be("甲商品");
        sheet.Cells[ra, h["发布类型"]].Text.Should().Be("商品");
        sheet.Cells[ra, h["所属类别"]].Text.Should().Be("GPU服务器");
        sheet.Cells[ra, h["价格"]].GetValue<decimal>().Should().Be(12000.5m);
        sheet.Cells[ra, h["内存"]].Text.Should().Be("512G");
        sheet.Cells[ra, h["审核状态"]].Text.Should().Be("通过");
        sheet.Cells[ra, h["上架状态"]].Text.Should().Be("上架");
        sheet.Cells[ra, h["发布人"]].Text.Should().Be("op1");
        sheet.Cells[ra, h["创建时间"]].Text.Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");
        var rb = byId[b];
        sheet.Cells[rb, h["发布类型"]].Text.Should().Be("需求");
        sheet.Cells[rb, h["审核状态"]].Text.Should().Be("待审");
        sheet.Cells[rb, h["上架状态"]].Text.Should().Be("空");
        sheet.Column(h["产品名称"]).Width.Should().BeGreaterThan(10); // widths set explicitly

        var single = await OpenAsync(await op.Http.GetAsync($"{Export}?ids={a}")); // a bare id is accepted
        single.Dimension.End.Row.Should().Be(2);
    }

    [Fact]
    public async Task Search_to_excel_exports_the_whole_filtered_set()
    {
        var site = Market.NewSite();
        var op = app.Operator();
        var cat = await Market.CategoryAsync(op, site, "存储");
        var names = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            names.Add($"批量{i:00}");
            await Market.PublishAsync(op, Market.Item(site, names[^1], $"[\"{cat}\"]", "1"));
        }
        await Market.PublishAsync(op, Market.Item(site, "其他类型", $"[\"{cat}\"]", "2"));
        var sheet = await OpenAsync(await op.Http.GetAsync($"{Manage}?to_excel=1&publish_type=1&page_size=5&url_link={Uri.EscapeDataString(site)}"));
        var h = Headers(sheet);
        var exported = Enumerable.Range(2, sheet.Dimension.End.Row - 1).Select(r => sheet.Cells[r, h["产品名称"]].Text).ToList();
        exported.Should().BeEquivalentTo(names); // no paging; the publish_type filter applies
        exported.Should().Equal(Enumerable.Reverse(names)); // newest first

        // without to_excel the answer is still the JSON page
        Market.Rows(await op.GetAsync(Manage, ("url_link", site), ("page_size", "5"))).Count.Should().Be(5);
    }

    [Fact]
    public async Task Exports_are_for_operators_and_bad_input_is_never_500()
    {
        var site = Market.NewSite();
        var cat = await Market.CategoryAsync(app.Operator(), site, "客户类别");
        var mine = await Market.PublishAsync(app.Customer(), Market.Item(site, "客户商品", $"[\"{cat}\"]", "2"));
        (await app.Anonymous().GetAsync(Export, ("ids", $"[\"{mine}\"]"))).Http.Should().Be(401);
        (await app.Customer().GetAsync(Export, ("ids", $"[\"{mine}\"]"))).Http.Should().Be(403);
        var customerExcel = await app.Customer().GetAsync(Manage, ("to_excel", "1"));
        customerExcel.Http.Should().Be(403);
        (await app.Anonymous().GetAsync(Manage, ("to_excel", "1"))).Http.Should().Be(401);

        var op = app.Operator();
        (await op.GetAsync(Export)).Body["errors"]!["ids"].Should().NotBeNull();
        (await op.GetAsync(Export, ("ids", "['a','b']"))).Code.Should().Be("invalid_argument");
        (await op.GetAsync(Export, ("ids", "[1,"))).Code.Should().Be("invalid_argument");
        (await op.GetAsync(Export, ("ids", "[]"))).Code.Should().Be("invalid_argument");
        var none = await op.GetAsync(Export, ("ids", "[\"nosuch\"]"));
        none.Status.Should().BeFalse();
        none.Code.Should().Be("not_found");
        none.Msg.Should().Be("无可导出数据");
        var empty = await op.GetAsync(Manage, ("to_excel", "1"), ("url_link", Market.NewSite()));
        empty.Msg.Should().Be("无可导出数据");
        (await op.GetAsync(Manage, ("to_excel", "2"))).Code.Should().Be("invalid_argument");
    }
}
