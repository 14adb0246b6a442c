using System.Text.RegularExpressions;
using Kboss.Domain.Identity;
using Kboss.Domain.MiniProgram;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using OfficeOpenXml;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// 小程序 (spec 34, analysis/platform.md §3.6, §4.10): supply/demand listings and the ops supply products with
/// Excel → HTML conversion (merges kept, values escaped), through HTTP.
/// </summary>
public sealed class MiniProgramTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Add = "/operation/kyy_add_supply.dspy";
    private const string Find = "/operation/get_kyy_supply.dspy";
    private const string Keys = "/operation/get_kyy_supply_key.dspy";
    private const string Update = "/operation/update_kyy_supply.dspy";
    private const string Delete = "/operation/delete_kyy_supply.dspy";
    private const string Excel = "/operation/excel_to_html_with_merges.dspy";

    /// <summary>Writes a workbook with a horizontal merge (A1:C1), a vertical one (A2:A3) and a script cell into the
    /// upload root; returns its relative path.</summary>
    private string StoreWorkbook()
    {
        var name = $"ops/{Guid.NewGuid():N}.xlsx";
        var full = Path.Combine(app.Factory.DataFolder, "uploads", name);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, Workbook());
        return name;
    }

    /// <summary>The workbook of <see cref="StoreWorkbook"/> as bytes.</summary>
    private static byte[] Workbook()
    {
        using var package = new ExcelPackage();
        var s = package.Workbook.Worksheets.Add("资源");
        s.Cells["A1"].Value = "集群资源";
        s.Cells["A1:C1"].Merge = true;
        s.Cells["A2"].Value = "北京";
        s.Cells["A2:A3"].Merge = true;
        s.Cells["B2"].Value = "<script>alert('x')</script>";
        s.Cells["C2"].Value = 8;
        s.Cells["B3"].Value = "H100";
        s.Cells["C3"].Value = 4;
        return package.GetAsByteArray();
    }

    /// <summary>POSTs <paramref name="content"/> as the multipart part <c>file</c> with <paramref name="fields"/>.
    /// </summary>
    private static async Task<Response> UploadExcelAsync(Api who, byte[] content, params (string, string)[] fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        form.Add(new ByteArrayContent(content), "file", "表.xlsx");
        return await Response.ReadAsync(await who.Http.PostAsync(Excel, form));
    }

    private async Task<Api> OpsAsync()
    {
        var name = "ops" + Guid.NewGuid().ToString("N")[..8];
        (await app.Operator().PostAsync("/user/add_user.dspy", ("username", name), ("password", AppFixture.Password),
            ("roles", Roles.Ops), ("orgid", DemoData.OrgId))).Status.Should().BeTrue();
        return app.Anonymous().WithToken(await app.Anonymous().LoginAsync(name, AppFixture.Password));
    }

    [Fact]
    public async Task Ops_add_find_update_and_delete_a_supply_product()
    {
        var ops = await OpsAsync();
        var info = "{\"GPU型号\":\"A800\",\"地区\":\"北京\",\"数量\":\"8\"}";
        var added = await ops.GetAsync(Add, ("basic_info", info), ("remark", "首批"));
        added.Status.Should().BeTrue(added.Raw);
        added.Msg.Should().Be("添加成功");
        var id = added.Data!["id"]!.GetValue<string>();

        var byId = await ops.GetAsync(Find, ("id", id));
        var row = byId.Data!.AsArray().Single()!;
        row["orgid"]!.GetValue<string>().Should().Be(DemoData.OrgId);
        row["basic_info"]!.GetValue<string>().Should().Be(info);
        row["excel_info"].Should().BeNull();
        row["del_flg"]!.GetValue<string>().Should().Be("0");
        row["create_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");

        (await ops.GetAsync(Find, ("find_key", "a800"))).Data!.AsArray().Select(r => r!["id"]!.GetValue<string>())
            .Should().Contain(id, "find_key matches basic_info case-insensitively");
        (await ops.GetAsync(Find, ("find_key", "首批"))).Data!.AsArray()
            .Should().Contain(r => r!["id"]!.GetValue<string>() == id);
        (await ops.GetAsync(Find, ("find_key", "100%_"))).Data!.AsArray()
            .Should().NotContain(r => r!["id"]!.GetValue<string>() == id);
        (await ops.GetAsync(Find, ("id", "unknown-id"))).Data!.AsArray().Should().BeEmpty();

        var keys = await ops.GetAsync(Keys);
        keys.Data!.AsArray().Select(k => k!.GetValue<string>()).Should().Contain(["GPU型号", "地区", "数量"])
            .And.BeInAscendingOrder(StringComparer.Ordinal);

        var updated = await ops.GetAsync(Update, ("id", id), ("remark", "改"));
        updated.Msg.Should().Be("更新成功");
        var after = (await ops.GetAsync(Find, ("id", id))).Data!.AsArray().Single()!;
        after["remark"]!.GetValue<string>().Should().Be("改");
        after["basic_info"]!.GetValue<string>().Should().Be(info, "an absent field is kept");
        (await ops.GetAsync(Update, ("id", id), ("basic_info", "[1,2]"))).Msg.Should().Be(KyySupply.BadBasicInfo);

        var deleted = await ops.GetAsync(Delete, ("delete_id", id));
        deleted.Msg.Should().Be("删除成功");
        (await ops.GetAsync(Find, ("id", id))).Data!.AsArray().Should().BeEmpty();
        var twice = await ops.GetAsync(Delete, ("delete_id", id));
        twice.Status.Should().BeFalse();
        twice.Msg.Should().Be("供应产品不存在");
        twice.Code.Should().Be("not_found");
        (await ops.GetAsync(Update, ("id", id))).Code.Should().Be("not_found");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_messages_never_500()
    {
        var op = app.Operator();
        (await op.GetAsync(Add)).Code.Should().Be("invalid_argument");
        (await op.GetAsync(Add, ("basic_info", "not json"))).Msg.Should().Be(KyySupply.BadBasicInfo);
        (await op.GetAsync(Add, ("basic_info", "\"text\""))).Msg.Should().Be(KyySupply.BadBasicInfo);
        (await op.GetAsync(Add, ("basic_info", "{}"), ("filepath", "a.csv"))).Msg.Should().Be("文件格式错误,仅支持xlsx");
        (await op.GetAsync(Delete)).Code.Should().Be("invalid_argument");
        (await op.GetAsync(Update)).Code.Should().Be("invalid_argument");
        (await op.GetAsync(Excel)).Code.Should().Be("invalid_argument");
        (await op.GetAsync(Find, ("id", new string('x', 65)))).Code.Should().Be("invalid_argument");
        (await op.GetAsync(Add, ("basic_info", "{\"a\":" + new string('1', 20_000) + "}"))).Code
            .Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Excel_to_html_keeps_merges_and_escapes_every_value()
    {
        var op = app.Operator();
        var path = StoreWorkbook();
        var r = await op.GetAsync(Excel, ("filepath", path), ("remark", "新表"));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("上传成功");
        var html = r.Data!["excel_info"]!.GetValue<string>();
        html.Should().Contain("<td colspan=\"3\">集群资源</td>");
        html.Should().Contain(
            "<td rowspan=\"2\">北京</td><td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td><td>8</td>");
        html.Should().Contain("<tr><td>H100</td><td>4</td></tr>", "A3 is covered by the vertical merge");
        html.Should().NotContain("<script");
        Regex.Matches(html, "<tr>").Count.Should().Be(3);

        var id = r.Data["id"]!.GetValue<string>();
        var row = (await op.GetAsync(Find, ("id", id))).Data!.AsArray().Single()!;
        row["excel_info"]!.GetValue<string>().Should().Be(html);
        row["file_path"]!.GetValue<string>().Should().Be(path);
        row["basic_info"]!.GetValue<string>().Should().Be("{}");

        var again = await op.GetAsync(Excel, ("update_id", id), ("filepath", StoreWorkbook()));
        again.Status.Should().BeTrue(again.Raw);
        again.Data!["id"]!.GetValue<string>().Should().Be(id, "update_id converts into the same product");
        var withFile = await op.GetAsync(Add, ("basic_info", "{\"k\":1}"), ("filepath", path));
        withFile.Status.Should().BeTrue(withFile.Raw);
        var withFileId = withFile.Data!["id"]!.GetValue<string>();
        (await op.GetAsync(Find, ("id", withFileId))).Data!.AsArray().Single()!["excel_info"]!
            .GetValue<string>().Should().Be(html);
    }

    [Fact]
    public async Task Excel_uploaded_as_a_multipart_file_is_converted_and_kept_under_a_generated_name()
    {
        var ops = await OpsAsync();
        var r = await UploadExcelAsync(ops, Workbook(), ("remark", "上传"));
        r.Status.Should().BeTrue(r.Raw);
        var html = r.Data!["excel_info"]!.GetValue<string>();
        html.Should().Contain("<td colspan=\"3\">集群资源</td>").And.NotContain("<script");
        var row = (await ops.GetAsync(Find, ("id", r.Data["id"]!.GetValue<string>()))).Data!.AsArray().Single()!;
        var key = row["file_path"]!.GetValue<string>();
        key.Should().MatchRegex("^[a-z0-9]+\\.xlsx$", "the client's file name is not used");
        row["remark"]!.GetValue<string>().Should().Be("上传");

        var notXlsx = await UploadExcelAsync(ops, "<html>x</html>"u8.ToArray());
        notXlsx.Code.Should().Be("invalid_argument");
        notXlsx.Msg.Should().StartWith("文件格式错误");
        (await ops.GetAsync(Excel)).Msg.Should().Be("请提供文件路径或上传文件");
        var foreign = await UploadExcelAsync(app.OtherOperator(), Workbook(), ("update_id", row["id"]!.GetValue<string>()));
        foreign.Http.Should().Be(403);
    }

    [Fact]
    public async Task Missing_files_paths_outside_the_root_and_non_workbooks_are_refused()
    {
        var op = app.Operator();
        foreach (var bad in new[] { "../kboss.db.xlsx", "/etc/passwd.xlsx", "ops/none.xlsx", "..\\x.xlsx" })
        {
            var r = await op.GetAsync(Excel, ("filepath", bad));
            r.Http.Should().Be(200, bad);
            r.Msg.Should().Be("文件不存在", bad);
        }
        var fake = Path.Combine(app.Factory.DataFolder, "uploads", "fake.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(fake)!);
        await File.WriteAllTextAsync(fake, "<html>not a workbook</html>");
        var notXlsx = await op.GetAsync(Excel, ("filepath", "fake.xlsx"));
        notXlsx.Code.Should().Be("invalid_argument");
        notXlsx.Msg.Should().StartWith("文件格式错误");
    }

    [Fact]
    public async Task Rights_401_403_and_cross_org()
    {
        var added = await app.Operator().GetAsync(Add, ("basic_info", "{\"x\":1}"));
        var id = added.Data!["id"]!.GetValue<string>();
        var other = app.OtherOperator();
        (await other.GetAsync(Find, ("id", id))).Http.Should().Be(403);
        (await other.GetAsync(Update, ("id", id), ("remark", "x"))).Http.Should().Be(403);
        (await other.GetAsync(Delete, ("delete_id", id))).Http.Should().Be(403);
        (await other.GetAsync(Excel, ("update_id", id), ("filepath", StoreWorkbook()))).Http.Should().Be(403);
        (await other.GetAsync(Add, ("basic_info", "{}"), ("orgid", DemoData.OrgId))).Http.Should().Be(403);
        (await other.GetAsync(Find)).Data!.AsArray().Should().NotContain(r => r!["id"]!.GetValue<string>() == id);
        (await other.GetAsync(Keys, ("orgid", DemoData.OrgId))).Http.Should().Be(403);
        (await app.Customer().GetAsync(Find)).Http.Should().Be(403);
        (await app.Customer().GetAsync(Add, ("basic_info", "{}"))).Http.Should().Be(403);
        foreach (var path in new[]
                 { Add, Find, Keys, Update, Delete, Excel, "/kpi/user_supply.dspy", "/kpi/user_demand.dspy" })
            (await app.Anonymous().GetAsync(path)).Http.Should().Be(401, path);
        (await app.Admin().GetAsync(Find, ("orgid", DemoData.OrgId))).Data!.AsArray()
            .Should().Contain(r => r!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task Supply_and_demand_lists_show_alive_rows_with_documented_fields_in_order()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        await app.Factory.WithDbAsync(async db =>
        {
            db.UserSupplies.AddRange(
                new UserSupply
                {
                    Supplytitle = tag + "-plain", Ordernum = "10", Recommendstatus = "0",
                    Contactusermobile = "18317316386",
                },
                new UserSupply { Supplytitle = tag + "-top", Ordernum = "2", Recommendstatus = "1", DelFlg = "0" },
                new UserSupply { Supplytitle = tag + "-second", Ordernum = "9", Recommendstatus = "0" },
                new UserSupply { Supplytitle = tag + "-gone", Ordernum = "1", Recommendstatus = "1", DelFlg = "1" });
            db.UserDemands.AddRange(
                new UserDemand { Demandtitle = tag + "-d1", Ordernum = "2", Recommendstatus = "0" },
                new UserDemand { Demandtitle = tag + "-d0", Ordernum = "1", Recommendstatus = "0" },
                new UserDemand { Demandtitle = tag + "-gone", DelFlg = "1" });
            await db.SaveChangesAsync();
        });
        var supply = await app.Customer().GetAsync("/kpi/user_supply.dspy");
        supply.Status.Should().BeTrue(supply.Raw);
        var rows = supply.Data!.AsArray().Where(r => r!["supplytitle"]!.GetValue<string>().StartsWith(tag)).ToList();
        rows.Select(r => r!["supplytitle"]!.GetValue<string>())
            .Should().Equal(tag + "-top", tag + "-second", tag + "-plain");
        var first = rows[2]!.AsObject();
        first.Select(p => p.Key).Should().HaveCount(55);
        first.Select(p => p.Key).First().Should().Be("id");
        first.Select(p => p.Key).Last().Should().Be("create_at");
        first["del_flg"].Should().BeNull("null counts as alive");
        first["contactusermobile"]!.GetValue<string>().Should().Be("18317316386");
        first.ContainsKey("updatetime").Should().BeTrue();

        var demand = await app.Operator().GetAsync("/kpi/user_demand.dspy");
        var drows = demand.Data!.AsArray().Where(r => r!["demandtitle"]!.GetValue<string>().StartsWith(tag)).ToList();
        drows.Select(r => r!["demandtitle"]!.GetValue<string>()).Should().Equal(tag + "-d0", tag + "-d1");
        drows[0]!.AsObject().Select(p => p.Key).Should().HaveCount(23);
    }
}
