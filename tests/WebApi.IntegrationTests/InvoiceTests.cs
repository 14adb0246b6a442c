using Kboss.Application.Approval;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Finance.Bills;
using Kboss.Application.Invoices;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Module 19 over HTTP (finance.md §3.6, §4.8): invoice info kept by sales, recharge records as a view over the
/// ledger, applications taking each record once (also in parallel) with a snapshot, approval through the hub (the same
/// result many times changes it once and notifies once), the manual callback, roles and cross-org access.
/// </summary>
public sealed class InvoiceTests(ApprovalFixture f) : IClassFixture<ApprovalFixture>
{
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static bool _configured;
    private AppFixture App => f.App;

    private sealed record Customer(string OrgId, Api User);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The 申请开票 business (served in-process) with a template, sender and levels for the demo org.</summary>
    private async Task ConfigureAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_configured) return;
            var admin = App.Admin();
            var business = await admin.PostJsonAsync("/apv/apv_business.dspy", new { business_name = InvoiceApprovalHandler.Business });
            business.Status.Should().BeTrue(business.Raw);
            var id = business.Data!.GetValue<string>();
            (await admin.PostJsonAsync("/apv/apv_template.dspy", new
            {
                business_id = id, title_template = "开票申请:$client", detail_template = "金额:$amount 元,$count 条",
            })).Status.Should().BeTrue();
            (await App.Operator().PostJsonAsync("/apv/send_key_create.dspy", new
            {
                send_phone = ApprovalFixture.SenderPhone, source = "dingding", business_id = id,
                process_code = FakeDingTalk.FormCode, process_name = "通用审批",
            })).Status.Should().BeTrue();
            (await App.Operator().PostJsonAsync("/apv/save_apv_flow.dspy", new
            {
                business_id = id, flag = "update",
                level_data = new object[] { new { level_id = "1", level_mode = "NONE", apv_dd_user_phone = new[] { "13800000001" } } },
            })).Status.Should().BeTrue();
            _configured = true;
        }
        finally
        {
            Setup.Release();
        }
    }

    /// <summary>A customer org of <paramref name="owner"/>'s org with a logged-in user.</summary>
    private async Task<Customer> CustomerAsync(Api? owner = null)
    {
        var org = await (owner ?? App.Operator()).PostAsync("/user/add_org.dspy", ("name", Unique("客户-")), ("kind", "customer"));
        var orgId = org.Data!["id"]!.GetValue<string>();
        var username = Unique("c");
        (await App.Admin().PostAsync("/user/add_user.dspy", ("username", username), ("password", AppFixture.Password),
            ("roles", Roles.Customer), ("orgid", orgId))).Status.Should().BeTrue();
        return new Customer(orgId, new Api(App.Factory.CreateClient()).WithToken(await App.Anonymous().LoginAsync(username, AppFixture.Password)));
    }

    private async Task<Api> SalesAsync(string orgId = DemoData.OrgId)
    {
        var username = Unique("s");
        (await App.Admin().PostAsync("/user/add_user.dspy", ("username", username), ("password", AppFixture.Password),
            ("roles", Roles.Sales), ("orgid", orgId))).Status.Should().BeTrue();
        return new Api(App.Factory.CreateClient()).WithToken(await App.Anonymous().LoginAsync(username, AppFixture.Password));
    }

    private static object Info(string clientId) => new
    {
        orgid = "gggg", user_id = "ignored", client_id = clientId, contract_number = "HT-2026-01", invoice_type = 2,
        invoice_title = "开元云科技有限公司", tax_no = "91110000MA01ABCD2X", bank_name = "工商银行海淀支行",
        bank_account = "0200001234567890123", phone = "010-12345678", receiver_name = "张三", address = "北京市海淀区",
        post_code = "100080", title_type = 1,
    };

    /// <summary>An offline recharge (admin credit) of <paramref name="amount"/>; its record id.</summary>
    private async Task<string> OfflineAsync(string orgId, string amount)
    {
        var r = await App.Admin().PostAsync("/finance/balance_adjust.dspy", ("customer_orgid", orgId), ("amount", amount),
            ("reason", "线下充值"), ("idempotency_key", Unique("k")));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["id"]!.GetValue<string>();
    }

    /// <summary>A recharge bill of <paramref name="amount"/> (the payment flows' path); its record id.</summary>
    private async Task<string> RechargeBillAsync(string orgId, decimal amount)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IKbossDbContext>();
        await using var tx = await db.BeginTransactionAsync();
        var moved = await scope.ServiceProvider.GetRequiredService<BillService>()
            .CreateRechargeBillAsync(orgId, amount, BusinessOps.RechargeAlipay, Unique("pay:"), CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return moved.Entry.Id;
    }

    private static Task<Response> RecordsAsync(Api who, string orgId) =>
        who.PostJsonAsync("/invoice/get_recharge_record.dspy", new { customerid = orgId });

    private static Task<Response> ApplyAsync(Api who, string orgId, params string[] records) =>
        who.PostJsonAsync("/invoice/apv_invoice.dspy", new
        {
            orgid = orgId, maker = orgId, client_id = orgId, user_id = "user_id", user_name = "user_name",
            recharge_id = records, amount = 1,
        });

    private async Task DeliverAsync(string apvId, string result, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            (await f.PushAsync(apvId, result: result)).Http.Should().Be(200);
            await f.RunAsync(new DispatchApprovalCallbacks());
        }
    }

    private Task<int> MessagesAsync(string userOrOrg) => App.Factory.WithDbAsync(db =>
        db.Messages.CountAsync(m => m.MsgType == InvoiceDecisions.MsgType
                                    && db.Users.Any(u => u.Id == m.ReceiverId && (u.Id == userOrOrg || u.OrgId == userOrOrg))));

    [Fact]
    public async Task Sales_keep_a_customers_invoice_info_once_and_change_it()
    {
        var c = await CustomerAsync();
        var sales = await SalesAsync();
        var list = await sales.PostJsonAsync("/invoice/get_user_invoice.dspy", new { });
        list.Status.Should().BeTrue(list.Raw);
        var empty = list.Data!.AsArray().Single(x => x!["client_id"]!.GetValue<string>() == c.OrgId)!;
        empty["id"].Should().BeNull();

        (await sales.PostJsonAsync("/invoice/save_user_invoice.dspy", new { title_type = 1 })).Code.Should().Be("invalid_argument");
        (await sales.PostJsonAsync("/invoice/save_user_invoice.dspy", new { client_id = c.OrgId, invoice_type = 2 }))
            .Body["errors"]!.AsObject().Should().ContainKey("invoice_title");
        (await sales.PostJsonAsync("/invoice/save_user_invoice.dspy", new { client_id = c.OrgId, tax_no = "tax_no" }))
            .Msg.Should().Be("税号须为15到20位字母或数字");
        (await sales.PostJsonAsync("/invoice/save_user_invoice.dspy", new { client_id = c.OrgId, title_type = 3 }))
            .Code.Should().Be("invalid_argument");
        (await sales.PostJsonAsync("/invoice/save_user_invoice.dspy", new { client_id = c.OrgId, title_type = new[] { 1 } }))
            .Http.Should().Be(200);
        (await App.OtherOperator().PostJsonAsync("/invoice/save_user_invoice.dspy", Info(c.OrgId))).Http.Should().Be(403);
        (await c.User.PostJsonAsync("/invoice/save_user_invoice.dspy", Info(c.OrgId))).Http.Should().Be(403);
        (await App.Anonymous().PostJsonAsync("/invoice/save_user_invoice.dspy", Info(c.OrgId))).Http.Should().Be(401);

        var saved = await sales.PostJsonAsync("/invoice/save_user_invoice.dspy", Info(c.OrgId));
        saved.Status.Should().BeTrue(saved.Raw);
        var id = saved.Data!["id"]!.GetValue<string>();
        saved.Data!["invoice_type"]!.GetValue<int>().Should().Be(2);
        var again = await sales.PostJsonAsync("/invoice/save_user_invoice.dspy", Info(c.OrgId));
        (again.Msg, again.Code).Should().Be(("该客户发票信息已存在,请修改", "conflict"));

        var updated = await sales.PostJsonAsync("/invoice/update_user_invoice.dspy", new { id, invoice_title = "开元云(北京)", post_code = "" });
        updated.Status.Should().BeTrue(updated.Raw);
        (updated.Data!["invoice_title"]!.GetValue<string>(), updated.Data!["tax_no"]!.GetValue<string>(),
            updated.Data!["post_code"]).Should().Be(("开元云(北京)", "91110000MA01ABCD2X", null));
        (await sales.PostJsonAsync("/invoice/update_user_invoice.dspy", new { id, bank_name = "" })).Msg
            .Should().Be("专用发票bank_name不能为空");
        (await sales.PostJsonAsync("/invoice/update_user_invoice.dspy", new { id, client_id = App.CustomerOrgId }))
            .Code.Should().Be("invalid_argument");
        (await sales.PostJsonAsync("/invoice/update_user_invoice.dspy", new { id = "nope" })).Code.Should().Be("not_found");
        (await sales.PostJsonAsync("/invoice/update_user_invoice.dspy", new { })).Code.Should().Be("invalid_argument");
        (await App.OtherOperator().PostJsonAsync("/invoice/update_user_invoice.dspy", new { id, invoice_title = "x" }))
            .Http.Should().Be(403);

        var filled = (await App.Operator().PostJsonAsync("/invoice/get_user_invoice.dspy", new { user_id = (string?)null }))
            .Data!.AsArray().Single(x => x!["client_id"]!.GetValue<string>() == c.OrgId)!;
        filled["id"]!.GetValue<string>().Should().Be(id);
        (await App.OtherOperator().PostJsonAsync("/invoice/get_user_invoice.dspy", new { user_id = "x" })).Code.Should().Be("not_found");
        (await c.User.PostJsonAsync("/invoice/get_user_invoice.dspy", new { })).Http.Should().Be(403);
    }

    [Fact]
    public async Task An_application_takes_the_chosen_records_once_with_a_snapshot_and_the_approval_decides_it_once()
    {
        await ConfigureAsync();
        var c = await CustomerAsync();
        var sales = await SalesAsync();
        var offline = await OfflineAsync(c.OrgId, "1000");
        var bill = await RechargeBillAsync(c.OrgId, 500.5m);
        (await App.Admin().PostAsync("/finance/balance_adjust.dspy", ("customer_orgid", c.OrgId), ("amount", "-100"),
            ("reason", "扣减"), ("idempotency_key", Unique("k")))).Status.Should().BeTrue();

        var records = await RecordsAsync(c.User, c.OrgId);
        records.Status.Should().BeTrue(records.Raw);
        var rows = records.Data!["rows"]!.AsArray();
        rows.Select(r => (r!["id"]!.GetValue<string>(), r["source"]!.GetValue<string>(), r["business_op"]!.GetValue<string>()))
            .Should().BeEquivalentTo([(offline, "offline", "RECHARGE"), (bill, "bill", "RECHARGE_ALIPAY")]);
        (records.Data!["total_amount"]!.GetValue<decimal>(), records.Data!["invoiceable_amount"]!.GetValue<decimal>())
            .Should().Be((1500.5m, 1500.5m));

        var noInfo = await ApplyAsync(sales, c.OrgId, offline);
        (noInfo.Msg, noInfo.Code).Should().Be(("请先完善客户发票信息", "conflict"));
        (await sales.PostJsonAsync("/invoice/save_user_invoice.dspy", Info(c.OrgId))).Status.Should().BeTrue();
        (await ApplyAsync(sales, c.OrgId, offline, "someone-else")).Msg.Should().Be("充值记录不属于该客户");
        (await ApplyAsync(sales, c.OrgId)).Code.Should().Be("invalid_argument");
        (await ApplyAsync(App.OtherOperator(), c.OrgId, offline)).Http.Should().Be(403);
        (await ApplyAsync(App.Anonymous(), c.OrgId, offline)).Http.Should().Be(401);

        var applied = await ApplyAsync(sales, c.OrgId, offline, bill, offline);
        applied.Status.Should().BeTrue(applied.Raw);
        applied.Data!["amount"]!.GetValue<decimal>().Should().Be(1500.5m, "Σ of the records, never the client's amount");
        var apvId = applied.Data!["apv_id"]!.GetValue<string>();
        var appId = applied.Data!["id"]!.GetValue<string>();
        (await sales.PostJsonAsync("/invoice/update_user_invoice.dspy", new
        {
            id = (await sales.PostJsonAsync("/invoice/get_user_invoice.dspy", new { })).Data!.AsArray()
                .Single(x => x!["client_id"]!.GetValue<string>() == c.OrgId)!["id"]!.GetValue<string>(),
            invoice_title = "改名后",
        })).Status.Should().BeTrue();
        var snapshot = await App.Factory.WithDbAsync(db => db.InvoiceApplications.Where(a => a.Id == appId)
            .Select(a => a.InfoSnapshot).FirstAsync());
        snapshot.Should().Contain("开元云科技有限公司").And.NotContain("改名后");

        var applying = await RecordsAsync(c.User, c.OrgId);
        applying.Data!["rows"]!.AsArray().Select(r => r!["invoice_state"]!.GetValue<string>()).Should().AllBe("1");
        (applying.Data!["applying_amount"]!.GetValue<decimal>(), applying.Data!["invoiceable_amount"]!.GetValue<decimal>())
            .Should().Be((1500.5m, 0m));
        var twice = await ApplyAsync(c.User, c.OrgId, bill);
        (twice.Msg, twice.Code).Should().Be(("充值记录已开票或正在审批中", "conflict"));

        await DeliverAsync(apvId, "agree", times: 10);
        var done = await RecordsAsync(sales, c.OrgId);
        done.Data!["rows"]!.AsArray().Select(r => r!["invoice_state"]!.GetValue<string>()).Should().AllBe("2");
        done.Data!["invoiced_amount"]!.GetValue<decimal>().Should().Be(1500.5m);
        var approvals = await sales.PostJsonAsync("/invoice/get_apv_list.dspy", new { });
        approvals.Status.Should().BeTrue(approvals.Raw);
        var row = approvals.Data!.AsArray().Should().ContainSingle().Subject!;
        (row["apv_id"]!.GetValue<string>(), row["status"]!.GetValue<string>(), row["business_name"]!.GetValue<string>())
            .Should().Be((apvId, "1", "申请开票"));
        var applicant = row["id"]!.GetValue<string>();
        var applicantUser = await App.Factory.WithDbAsync(db => db.InvoiceApplications.Where(a => a.Id == applicant)
            .Select(a => a.UserId).FirstAsync());
        (await MessagesAsync(applicantUser)).Should().Be(1, "ten deliveries of one result notify once");

        (await App.OtherOperator().PostJsonAsync("/invoice/get_apv_list.dspy", new { user_id = applicantUser })).Http.Should().Be(403);
        (await RecordsAsync(App.OtherOperator(), c.OrgId)).Http.Should().Be(403);
        (await RecordsAsync(App.Customer(), c.OrgId)).Http.Should().Be(403);
        (await RecordsAsync(sales, "nope")).Code.Should().Be("not_found");
        (await sales.PostJsonAsync("/invoice/get_recharge_record.dspy", new { customerid = c.OrgId, invoice_state = "9" }))
            .Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task A_refused_application_frees_its_records_for_a_new_one()
    {
        await ConfigureAsync();
        var c = await CustomerAsync();
        var record = await OfflineAsync(c.OrgId, "300");
        (await App.Operator().PostJsonAsync("/invoice/save_user_invoice.dspy", Info(c.OrgId))).Status.Should().BeTrue();
        var first = await ApplyAsync(c.User, c.OrgId, record);
        first.Status.Should().BeTrue(first.Raw);
        await DeliverAsync(first.Data!["apv_id"]!.GetValue<string>(), "refuse", times: 3);
        (await RecordsAsync(c.User, c.OrgId)).Data!["rows"]![0]!["invoice_state"]!.GetValue<string>().Should().Be("0");
        var second = await ApplyAsync(c.User, c.OrgId, record);
        second.Status.Should().BeTrue(second.Raw);
        (await App.Factory.WithDbAsync(db => db.InvoiceApplicationItems.CountAsync(i => i.RechargeId == record && i.Live)))
            .Should().Be(1);
    }

    [Fact]
    public async Task Parallel_applications_for_one_record_make_exactly_one()
    {
        await ConfigureAsync();
        var c = await CustomerAsync();
        var record = await OfflineAsync(c.OrgId, "88.8");
        (await App.Operator().PostJsonAsync("/invoice/save_user_invoice.dspy", Info(c.OrgId))).Status.Should().BeTrue();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ApplyAsync(c.User, c.OrgId, record)));
        answers.Should().OnlyContain(a => a.Http == 200);
        answers.Count(a => a.Status).Should().Be(1);
        answers.Where(a => !a.Status).Should().OnlyContain(a => a.Msg == "充值记录已开票或正在审批中");
        (await App.Factory.WithDbAsync(db => db.InvoiceApplicationItems.CountAsync(i => i.RechargeId == record && i.Live)))
            .Should().Be(1);
    }

    [Fact]
    public async Task The_manual_callback_is_for_operators_matches_the_records_and_is_idempotent()
    {
        await ConfigureAsync();
        var c = await CustomerAsync();
        var a = await OfflineAsync(c.OrgId, "100");
        var b = await OfflineAsync(c.OrgId, "200");
        (await App.Operator().PostJsonAsync("/invoice/save_user_invoice.dspy", Info(c.OrgId))).Status.Should().BeTrue();
        var applied = await ApplyAsync(c.User, c.OrgId, a, b);
        applied.Status.Should().BeTrue(applied.Raw);
        var body = new { orgid = DemoData.OrgId, maker = c.OrgId, client_id = c.OrgId, recharge_id = new[] { b, a } };

        (await c.User.PostJsonAsync("/invoice/invoice_callback.dspy", body)).Http.Should().Be(403);
        (await App.OtherOperator().PostJsonAsync("/invoice/invoice_callback.dspy", body)).Http.Should().Be(403);
        (await App.Anonymous().PostJsonAsync("/invoice/invoice_callback.dspy", body)).Http.Should().Be(401);
        (await App.Operator().PostJsonAsync("/invoice/invoice_callback.dspy", new { client_id = c.OrgId, recharge_id = new[] { a } }))
            .Code.Should().Be("not_found", "the set of records must match");
        (await App.Operator().PostJsonAsync("/invoice/invoice_callback.dspy", new { })).Code.Should().Be("invalid_argument");
        (await App.Operator().PostJsonAsync("/invoice/invoice_callback.dspy", body with { })).Status.Should().BeTrue();
        var answers = new List<Response>();
        for (var i = 0; i < 9; i++)
            answers.Add(await App.Operator().PostJsonAsync("/invoice/invoice_callback.dspy",
                new { apv_id = applied.Data!["apv_id"]!.GetValue<string>(), status = "agree" }));
        answers.Should().OnlyContain(x => x.Status && x.Data!["state"]!.GetValue<string>() == "1");
        var refuse = await App.Operator().PostJsonAsync("/invoice/invoice_callback.dspy",
            new { apv_id = applied.Data!["apv_id"]!.GetValue<string>(), status = "refuse" });
        (refuse.Msg, refuse.Code).Should().Be(("该开票申请不在审批中", "conflict"));
        (await App.Operator().PostJsonAsync("/invoice/invoice_callback.dspy", new { apv_id = "x", status = "maybe" }))
            .Code.Should().Be("invalid_argument");
        var user = await App.Factory.WithDbAsync(db => db.Users.Where(u => u.OrgId == c.OrgId).Select(u => u.Id).FirstAsync());
        (await MessagesAsync(user)).Should().Be(1);
        (await RecordsAsync(c.User, c.OrgId)).Data!["invoiced_amount"]!.GetValue<decimal>().Should().Be(300m);
    }

    [Fact]
    public async Task An_approval_that_cannot_start_frees_the_records()
    {
        var other = await CustomerAsync(App.OtherOperator()); // the other org configured no approvals
        var record = await OfflineAsync(other.OrgId, "50");
        (await App.OtherOperator().PostJsonAsync("/invoice/save_user_invoice.dspy", Info(other.OrgId))).Status.Should().BeTrue();
        var refused = await ApplyAsync(App.OtherOperator(), other.OrgId, record);
        (refused.Http, refused.Status).Should().Be((200, false));
        refused.Msg.Should().StartWith("发起审批失败: ");
        refused.Code.Should().BeOneOf("not_configured", "not_found");
        (await RecordsAsync(other.User, other.OrgId)).Data!["rows"]![0]!["invoice_state"]!.GetValue<string>().Should().Be("0");
        (await App.Factory.WithDbAsync(db => db.InvoiceApplications.Where(a => a.ClientId == other.OrgId)
            .Select(a => a.State).SingleAsync())).Should().Be(InvoiceApplicationStates.SendFailed);
    }
}
