using System.Net;
using System.Text.Json.Nodes;
using Kboss.Application.Approval;
using Kboss.Application.Finance.Settlement;
using Kboss.Domain.Finance;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// 供应商结算统计 through HTTP (spec 17; finance.md §3.5, §4.6; ADR 0035): selection and totals, approval through the
/// approval hub and a fake DingTalk (bills locked, the signed result 10 times changes the settlement once), refusal and
/// re-send, 16 parallel sends, the cron command, the Excel file, every documented message, bad input, 401/403 and
/// cross-org access.
/// </summary>
public sealed class ProviderSettlementTests(SettlementFixture f) : IClassFixture<SettlementFixture>
{
    private const string List = "/provider_settle/get_settle_list.dspy";
    private const string Bills = "/provider_settle/get_settle_bill_list.dspy";
    private const string Send = "/provider_settle/send_apv.dspy";
    private const string Callback = "/provider_settle/apv_callback_provider_settle.dspy";
    private const string Auto = "/provider_settle/auto_provider_settle_cron_job.dspy";
    private const string Excel = "/provider_settle/get_settle_bill_list_to_excel.dspy";

    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))).ToString("yyyy-MM-dd");

    /// <summary>A provider with two purchases and a partial refund today: settle 60 + 30 − 15 = 75.</summary>
    private async Task<(string Provider, List<Bill> Bills)> SeedAsync()
    {
        var provider = await f.NewProviderAsync();
        var buy1 = await f.BuyAsync(f.App.CustomerOrgId, provider, 100m, 120m, 60m);
        var buy2 = await f.BuyAsync(f.App.CustomerOrgId, provider, 50m, 55m, 30m);
        var refund = await f.RefundAsync(buy1, 50m);
        return (provider, [buy1, buy2, refund]);
    }

    private Task<Response> SendNewAsync(string provider, string? start = null, Api? op = null) =>
        (op ?? f.App.Operator()).PostJsonAsync(Send, new
        {
            orgid = DemoData.OrgId, user_id = "g", business_name = SettlementFixture.Business, phone = "15938717631",
            provider_id = provider, start_date = start ?? Today, end_date = Today,
        });

    private Task<ProviderSettlement> SettlementAsync(string id) => f.Factory.WithDbAsync(db =>
        db.ProviderSettlements.AsNoTracking().SingleAsync(s => s.Id == id));

    private Task<List<Bill>> BillsOfAsync(string provider) => f.Factory.WithDbAsync(db =>
        db.Bills.AsNoTracking().Where(b => b.ProviderId == provider).ToListAsync());

    private async Task PushAsync(string apvId, string result)
    {
        f.DingTalk.Complete(apvId, result);
        var json = $$"""
            {"EventType":"bpms_instance_change","processInstanceId":"{{apvId}}","type":"finish","result":"{{result}}",
             "processCode":"{{FakeDingTalk.FormCode}}"}
            """;
        var e = FakeDingTalk.Event(json);
        var ack = await f.App.Anonymous().PostJsonAsync($"/apv/dd_callback.dspy?orgid={DemoData.OrgId}" +
            $"&msg_signature={e.Signature}&timestamp={e.Timestamp}&nonce={e.Nonce}", new { encrypt = e.Encrypt });
        ack.Http.Should().Be(200, ack.Raw);
        await f.RunAsync(new DispatchApprovalCallbacks());
    }

    [Fact]
    public async Task Bills_are_listed_with_signed_totals_and_the_provider_awaits_settlement()
    {
        var (provider, _) = await SeedAsync();
        var r = await f.App.Operator().PostJsonAsync(Bills, new
        {
            start_date = Today, end_date = Today, provider_id = provider, orgid = DemoData.OrgId,
        });
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("查询成功");
        var data = r.Data!;
        data["bill_count"]!.GetValue<int>().Should().Be(3);
        data["total_amount"]!.GetValue<decimal>().Should().Be(100m);          // 100 + 50 − 50
        data["total_provider_amt"]!.GetValue<decimal>().Should().Be(115m);    // 120 + 55 − 60
        data["total_settle_amount"]!.GetValue<decimal>().Should().Be(60m);    // 60 + 30 − 30
        data["bill_list"]!.AsArray().Select(b => b!["settle_amount"]!.GetValue<decimal>())
            .Should().BeEquivalentTo([60m, 30m, -30m]);
        data["bill_list"]!.AsArray().Should().OnlyContain(b => b!["settle_state"]!.GetValue<string>() == "0");

        var list = await f.App.Operator().PostJsonAsync(List, new { orgid = DemoData.OrgId });
        list.Status.Should().BeTrue(list.Raw);
        var row = list.Data!.AsArray().Single(x => x!["providerid"]!.GetValue<string>() == provider)!;
        (row["id"], row["bill_count"]!.GetValue<int>(), row["settle_amount"]!.GetValue<decimal>(),
            row["start_date"]!.GetValue<string>()).Should().Be((null, 3, 60m, Today));

        // the customer's prefix-free spelling providerid is accepted too
        (await f.App.Operator().PostJsonAsync(Bills, new { start_date = Today, end_date = Today, providerid = provider }))
            .Data!["bill_count"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task Agreed_through_DingTalk_ten_times_settles_the_settlement_and_its_bills_once()
    {
        var (provider, _) = await SeedAsync();
        var sent = await SendNewAsync(provider);
        sent.Status.Should().BeTrue(sent.Raw);
        sent.Msg.Should().Be("操作成功");
        var id = sent.Data![0]!["id"]!.GetValue<string>();
        var apvId = sent.Data![0]!["apv_id"]!.GetValue<string>();
        var instance = f.DingTalk.Instances[apvId].Request;
        instance["formComponentValues"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).Should().Contain("账单数:3 结算金额:60");

        var locked = await SettlementAsync(id);
        (locked.State, locked.BillCount, locked.SettleAmount, locked.ApvId).Should()
            .Be((SettlementStates.InApproval, 3, 60m, apvId));
        (await BillsOfAsync(provider)).Should().OnlyContain(b => b.SettleState == SettleStates.InApproval
                                                                 && b.ProviderSettleId == id);
        var again = await f.App.Operator().PostJsonAsync(Send, new
        {
            business_name = SettlementFixture.Business, phone = "15938717631", id = new[] { id },
        });
        (again.Status, again.Msg, again.Code).Should().Be((false, ProviderSettlement.StateMessage, "conflict"));

        for (var i = 0; i < 10; i++) await PushAsync(apvId, "agree");
        var settled = await SettlementAsync(id);
        (settled.State, settled.Version, settled.SettledAt.HasValue).Should().Be((SettlementStates.Settled, 3, true));
        (await BillsOfAsync(provider)).Should().OnlyContain(b => b.SettleState == SettleStates.Settled);

        // the manual replay checks DingTalk's record: the same result again is success without change
        var replay = await f.App.Operator().PostJsonAsync(Callback, new { apv_id = apvId, status = "agree" });
        (replay.Status, replay.Data!["state"]!.GetValue<string>()).Should().Be((true, SettlementStates.Settled));
        var forged = await f.App.Operator().PostJsonAsync(Callback, new { apv_id = apvId, status = "refuse" });
        (forged.Status, forged.Msg, forged.Code).Should()
            .Be((false, ApplySettlementResultHandler.NotReportedMessage, "conflict"));
        (await SettlementAsync(id)).Version.Should().Be(3);
    }

    [Fact]
    public async Task A_refusal_releases_the_bills_and_the_settlement_can_be_sent_again()
    {
        var (provider, _) = await SeedAsync();
        var sent = await SendNewAsync(provider);
        var id = sent.Data![0]!["id"]!.GetValue<string>();
        var apvId = sent.Data![0]!["apv_id"]!.GetValue<string>();

        var early = await f.App.Operator().PostJsonAsync(Callback, new { apv_id = apvId, status = "refuse" });
        (early.Status, early.Msg).Should().Be((false, ApplySettlementResultHandler.NotReportedMessage));

        await PushAsync(apvId, "refuse");
        (await SettlementAsync(id)).State.Should().Be(SettlementStates.Rejected);
        (await BillsOfAsync(provider)).Should().OnlyContain(b => b.SettleState == SettleStates.Unsettled
                                                                 && b.ProviderSettleId == null);
        (await f.Factory.WithDbAsync(db => db.ProviderSettlementBills.CountAsync(l => l.SettleId == id))).Should().Be(0);
        var list = await f.App.Operator().PostJsonAsync(List, new { });
        list.Data!.AsArray().Single(x => x!["id"]?.GetValue<string>() == id)!["state"]!.GetValue<string>()
            .Should().Be(SettlementStates.Rejected);

        var resent = await f.App.Operator().PostJsonAsync(Send, new
        {
            orgid = DemoData.OrgId, business_name = SettlementFixture.Business, phone = "15938717631",
            id = new[] { id },
        });
        resent.Status.Should().BeTrue(resent.Raw);
        resent.Data![0]!["apv_id"]!.GetValue<string>().Should().NotBe(apvId);
        (await SettlementAsync(id)).State.Should().Be(SettlementStates.InApproval);
        (await BillsOfAsync(provider)).Should().OnlyContain(b => b.SettleState == SettleStates.InApproval);
    }

    [Fact]
    public async Task Sixteen_parallel_sends_of_overlapping_settlements_lock_each_bill_in_exactly_one()
    {
        var (provider, bills) = await SeedAsync();
        var today = DateOnly.Parse(Today);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            SendNewAsync(provider, today.AddDays(-i).ToString("yyyy-MM-dd"))));

        outcomes.Should().OnlyContain(o => o.Http == 200);
        outcomes.Count(o => o.Status).Should().Be(1, string.Join("\n", outcomes.Select(o => o.Raw)));
        outcomes.Where(o => !o.Status).Should().OnlyContain(o => o.Code == "conflict"
            && (o.Msg == ProviderSettlement.NoBillsMessage || o.Msg == SettlementSubmitter.BillTakenMessage));
        var winner = outcomes.Single(o => o.Status).Data![0]!["id"]!.GetValue<string>();
        var links = await f.Factory.WithDbAsync(db => db.ProviderSettlementBills.AsNoTracking()
            .Where(l => bills.Select(b => b.Id).Contains(l.BillId)).ToListAsync());
        links.Should().HaveCount(3).And.OnlyContain(l => l.SettleId == winner);
        (await BillsOfAsync(provider)).Should().OnlyContain(b => b.ProviderSettleId == winner);
        var settlements = await f.Factory.WithDbAsync(db => db.ProviderSettlements.AsNoTracking()
            .Where(s => s.ProviderId == provider).Select(s => s.Id).ToListAsync());
        (await f.Factory.WithDbAsync(db => db.ApprovalRecords.AsNoTracking()
                .Where(r => settlements.Contains(r.ReferenceId)).Select(r => r.ReferenceId).ToListAsync()))
            .Should().Equal(winner); // one DingTalk approval, for the winner only

    }

    [Fact]
    public async Task A_failed_DingTalk_send_releases_the_bills_with_the_documented_message()
    {
        var (provider, _) = await SeedAsync();
        f.DingTalk.CreateError = "流程不存在";
        try
        {
            var r = await SendNewAsync(provider);
            (r.Status, r.Code).Should().Be((false, "upstream_failed"));
            r.Msg.Should().StartWith(SettlementSubmitter.SendFailedMessage);
        }
        finally
        {
            f.DingTalk.CreateError = null;
        }
        (await BillsOfAsync(provider)).Should().OnlyContain(b => b.SettleState == SettleStates.Unsettled
                                                                 && b.ProviderSettleId == null);
        var pending = await f.Factory.WithDbAsync(db => db.ProviderSettlements.AsNoTracking()
            .SingleAsync(s => s.ProviderId == provider));
        pending.State.Should().Be(SettlementStates.Pending);
        (await f.Factory.WithDbAsync(db => db.ProviderSettlementBills.CountAsync(l => l.SettleId == pending.Id)))
            .Should().Be(0);

        var retried = await SendNewAsync(provider); // the pending settlement of the same period is sent
        retried.Status.Should().BeTrue(retried.Raw);
        retried.Data![0]!["id"]!.GetValue<string>().Should().Be(pending.Id);
    }

    [Fact]
    public async Task The_cron_command_creates_the_due_settlement_once_and_sends_it_when_automatic()
    {
        var auto = await f.NewProviderAsync("D", "auto");
        var manual = await f.NewProviderAsync("D", "manual");
        var notDue = await f.NewProviderAsync("M:5", "auto");
        foreach (var p in new[] { auto, manual, notDue }) await f.BuyAsync(f.App.CustomerOrgId, p, 10m, 12m, 8m);
        var tomorrow = DateOnly.Parse(Today).AddDays(1);
        var monthDay = tomorrow.Day == 5 ? tomorrow.AddDays(1) : tomorrow;

        var first = await f.RunAsync(new RunAutoSettlement { Today = monthDay });
        first.Status.Should().BeTrue();
        var settlements = await f.Factory.WithDbAsync(db => db.ProviderSettlements.AsNoTracking()
            .Where(s => s.ProviderId == auto || s.ProviderId == manual || s.ProviderId == notDue).ToListAsync());
        settlements.Should().HaveCount(2);
        var a = settlements.Single(s => s.ProviderId == auto);
        (a.State, a.Source, a.UserId, a.SettleAmount).Should()
            .Be((SettlementStates.InApproval, SettlementSources.Auto, RunAutoSettlementHandler.SystemUser, 8m));
        var m = settlements.Single(s => s.ProviderId == manual);
        (m.State, m.BillCount, m.SettleAmount).Should().Be((SettlementStates.Pending, 1, 8m));

        var second = await f.RunAsync(new RunAutoSettlement { Today = monthDay });
        second.Data!.Created.Should().Be(0);
        (await f.Factory.WithDbAsync(db => db.ProviderSettlements.CountAsync(s => s.ProviderId == auto
            || s.ProviderId == manual))).Should().Be(2);
        (await f.Factory.WithDbAsync(db => db.ProviderSettlements.SingleAsync(s => s.ProviderId == auto)))
            .Version.Should().Be(a.Version);
    }

    [Fact]
    public async Task The_cron_endpoint_is_for_admins()
    {
        var r = await f.App.Admin().PostJsonAsync(Auto, new { });
        (r.Http, r.Status, r.Msg).Should().Be((200, true, "操作成功"));
        r.Data!["created"].Should().NotBeNull();
        (await f.App.Operator().PostJsonAsync(Auto, new { })).Http.Should().Be(403);
        (await f.App.Anonymous().PostJsonAsync(Auto, new { })).Http.Should().Be(401);
    }

    [Fact]
    public async Task The_Excel_file_holds_every_bill_and_the_totals()
    {
        var (provider, bills) = await SeedAsync();
        var m = await f.App.Operator().Http.PostAsync(Excel, JsonContent(new
        {
            start_date = Today, end_date = Today, provider_id = provider, orgid = DemoData.OrgId,
        }));
        m.StatusCode.Should().Be(HttpStatusCode.OK);
        m.Content.Headers.ContentType!.MediaType.Should()
            .Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        m.Content.Headers.ContentDisposition!.FileNameStar.Should().StartWith("供应商结算_供应商-")
            .And.EndWith($"_{Today}_{Today}.xlsx");
        using var package = new ExcelPackage(new MemoryStream(await m.Content.ReadAsByteArrayAsync()));
        var sheet = package.Workbook.Worksheets["账单明细"];
        Enumerable.Range(1, 12).Select(c => sheet.Cells[1, c].Text).Should().Equal("账单号", "客户", "销售", "产品",
            "类型", "数量", "原价", "折后价格", "结算金额", "账单日期", "账单状态", "结算状态");
        sheet.Dimension.End.Row.Should().Be(5);
        var byId = Enumerable.Range(2, 3).ToDictionary(r => sheet.Cells[r, 1].Text, r => r);
        foreach (var b in bills)
        {
            var r = byId[b.Id];
            (sheet.Cells[r, 2].Text, sheet.Cells[r, 5].Text, Convert.ToDecimal(sheet.Cells[r, 8].Value),
                Convert.ToDecimal(sheet.Cells[r, 9].Value), sheet.Cells[r, 10].Text, sheet.Cells[r, 12].Text)
                .Should().Be(("客户甲", b.BusinessOp, b.Amount, ProviderSettlement.SettleAmountOf(b), Today, "未结算"));
            Convert.ToDecimal(sheet.Cells[r, 7].Value).Should().Be(b.ProviderAmt!.Value);
        }
        (sheet.Cells[5, 1].Text, Convert.ToInt32(sheet.Cells[5, 6].Value), Convert.ToDecimal(sheet.Cells[5, 7].Value),
            Convert.ToDecimal(sheet.Cells[5, 8].Value), Convert.ToDecimal(sheet.Cells[5, 9].Value))
            .Should().Be(("合计", 3, 115m, 100m, 60m));

        var empty = await f.App.Operator().PostJsonAsync(Excel, new
        {
            start_date = "2020-01-01", end_date = "2020-01-01", provider_id = provider,
        });
        (empty.Status, empty.Msg, empty.Code).Should().Be((false, "无可导出数据", "not_found"));
    }

    [Theory]
    [InlineData(Bills)]
    [InlineData(Excel)]
    public async Task Bad_periods_are_refused_with_the_documented_messages(string path)
    {
        var op = f.App.Operator();
        async Task Refused(object body, string param, string msg)
        {
            var r = await op.PostJsonAsync(path, body);
            (r.Http, r.Status, r.Code).Should().Be((200, false, "invalid_argument"), r.Raw);
            r.Body["errors"]![param]![0]!.GetValue<string>().Should().Be(msg);
        }
        await Refused(new { end_date = Today, provider_id = "p" }, "start_date", "缺少必要参数: start_date");
        await Refused(new { start_date = "2023/08/01", end_date = Today, provider_id = "p" }, "start_date",
            SettlementMessages.BadDate);
        await Refused(new { start_date = Today, end_date = "2023-13-01", provider_id = "p" }, "end_date",
            SettlementMessages.BadDate);
        await Refused(new { start_date = "2023-11-02", end_date = "2023-11-01", provider_id = "p" }, "end_date",
            ProviderSettlement.RangeMessage);
        await Refused(new { start_date = Today, end_date = Today }, "provider_id", "缺少必要参数: provider_id");
        var weird = await op.PostJsonAsync(path, new { start_date = new[] { 1 }, end_date = new { a = 1 },
            provider_id = new string('x', 5000) });
        (weird.Http, weird.Status).Should().Be((200, false));
    }

    [Fact]
    public async Task Send_refuses_bad_input_with_the_documented_messages()
    {
        var op = f.App.Operator();
        async Task<Response> S(object body) => await op.PostJsonAsync(Send, body);
        const string b = SettlementFixture.Business;
        const string phone = "15938717631";
        (await S(new { phone, id = new[] { "x" } })).Body["errors"]!["business_name"]![0]!.GetValue<string>()
            .Should().Be("缺少必要参数: business_name");
        (await S(new { business_name = "别的业务", phone, id = new[] { "x" } })).Body["errors"]!["business_name"]![0]!
            .GetValue<string>().Should().Be("business_name参数错误");
        (await S(new { business_name = b, phone = "12345", id = new[] { "x" } })).Body["errors"]!["phone"]![0]!
            .GetValue<string>().Should().Be("phone 手机号格式错误");
        (await S(new { business_name = b, phone })).Body["errors"]!["id"]![0]!.GetValue<string>()
            .Should().Be("缺少必要参数: id");
        (await S(new { business_name = b, phone, id = "[1,{}]" })).Body["errors"]!["id"]![0]!.GetValue<string>()
            .Should().Be("id 必须是结算单id数组");
        (await S(new { business_name = b, phone, provider_id = "p", start_date = "2023/11/01", end_date = Today }))
            .Body["errors"]!["start_date"]![0]!.GetValue<string>().Should().Be(SettlementMessages.BadDate);
        var missing = await S(new { business_name = b, phone, id = new[] { "nosuchsettlement00000" } });
        (missing.Status, missing.Msg, missing.Code).Should().Be((false, SettlementSubmitter.NotFoundMessage,
            "not_found"));
        var noProvider = await S(new { business_name = b, phone, provider_id = "nosuchprovider", start_date = Today,
            end_date = Today });
        (noProvider.Msg, noProvider.Code).Should().Be(("供应商不存在", "not_found"));
        var provider = await f.NewProviderAsync();
        var empty = await SendNewAsync(provider);
        (empty.Status, empty.Msg, empty.Code).Should().Be((false, ProviderSettlement.NoBillsMessage, "conflict"));
        var badStatus = await op.PostJsonAsync(Callback, new { apv_id = "KD-x", status = "maybe" });
        badStatus.Body["errors"]!["status"]![0]!.GetValue<string>().Should().Be(ProviderSettlement.StatusMessage);
        var unknownApv = await op.PostJsonAsync(Callback, new { apv_id = "KD-VCUKKRAaPw2Y6_Dti3A07441698031462",
            status = "agree" });
        (unknownApv.Msg, unknownApv.Code).Should().Be((SettlementSubmitter.NotFoundMessage, "not_found"));
    }

    [Fact]
    public async Task Anonymous_customers_and_other_orgs_are_refused_and_see_nothing()
    {
        var (provider, _) = await SeedAsync();
        var sent = await SendNewAsync(provider);
        var apvId = sent.Data![0]!["apv_id"]!.GetValue<string>();
        var id = sent.Data![0]!["id"]!.GetValue<string>();
        var period = new { start_date = Today, end_date = Today, provider_id = provider, orgid = DemoData.OrgId };
        foreach (var path in new[] { List, Bills, Send, Callback, Excel })
        {
            (await f.App.Anonymous().PostJsonAsync(path, period)).Http.Should().Be(401, path);
            (await f.App.Customer().PostJsonAsync(path, period)).Http.Should().Be(403, path);
        }
        var other = f.App.OtherOperator();
        (await other.PostJsonAsync(List, new { orgid = DemoData.OrgId })).Http.Should().Be(403);
        (await other.PostJsonAsync(Bills, period)).Http.Should().Be(403);
        (await other.PostJsonAsync(Excel, period)).Http.Should().Be(403);
        (await other.PostJsonAsync(Callback, new { apv_id = apvId, status = "agree" })).Http.Should().Be(403);
        var own = await other.PostJsonAsync(List, new { });
        own.Data!.AsArray().Should().NotContain(r => r!["providerid"]!.GetValue<string>() == provider);
        var ownBills = await other.PostJsonAsync(Bills, new { start_date = Today, end_date = Today, provider_id = provider });
        ownBills.Data!["bill_count"]!.GetValue<int>().Should().Be(0);
        var steal = await other.PostJsonAsync(Send, new
        {
            business_name = SettlementFixture.Business, phone = "15938717631", id = new[] { id },
        });
        (steal.Status, steal.Code).Should().Be((false, "not_found"));
    }

    private static StringContent JsonContent(object body) =>
        new(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.ToJsonString(), System.Text.Encoding.UTF8,
            "application/json");
}
