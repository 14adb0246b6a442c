using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>用户/政企资质审核 (05-user-enterprise-audit.md; analysis/catalog.md §3.3, §4.3) through HTTP on SQLite.</summary>
public sealed class QualificationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Add = "/user/enterprise_audit_info_add.dspy";
    private const string Search = "/user/enterprise_audit_info_search.dspy";
    private const string Update = "/user/enterprise_audit_info_update.dspy";
    private const string Site = "https://kaiyuancloud.cn";

    private static (string, string?)[] Fields(params (string, string?)[] extra)
    {
        (string, string?)[] fields =
        [
            ("account_type", "2"), ("company_name", "某某科技有限公司"), ("license_number", "91110000MA01XXXX1X"),
            ("license_original_img", "/files/a.png"), ("license_copy_img", "/files/b.png"), ("office_address", "北京市海淀区"),
            ("registered_address", "北京市朝阳区"), ("contact_name", "李四"), ("telephone", "010-12345678"),
            ("mobile_phone", "13800138000"), ("email", "li@example.cn"),
        ];
        return [.. fields.Where(f => extra.All(e => e.Item1 != f.Item1)), .. extra];
    }

    [Fact]
    public async Task A_customer_submits_once_and_the_record_starts_pending()
    {
        var customer = await Market.NewCustomerAsync(app);
        var me = await Market.UserIdAsync(customer);
        var r = await customer.GetAsync(Add, Fields(("audit_status", "approved"), ("reject_reason", "x"), ("userid", me)));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("提交成功");
        r.Data!["audit_status"]!.GetValue<string>().Should().Be("pending"); // Q1: no self-approval
        r.Data["reject_reason"].Should().BeNull();
        r.Data["id"]!.GetValue<string>().Should().HaveLength(21);

        var again = await customer.GetAsync(Add, Fields());
        again.Status.Should().BeFalse();
        again.Code.Should().Be("conflict");
        again.Msg.Should().Be("已提交资质信息,请勿重复提交");

        var list = await customer.GetAsync(Search, ("url_link", Site));
        list.Status.Should().BeTrue(list.Raw);
        list.Data!["total"]!.GetValue<int>().Should().Be(1);
        list.Data["page_size"]!.GetValue<int>().Should().Be(10);
        var row = list.Data["rows"]![0]!;
        row["company_name"]!.GetValue<string>().Should().Be("某某科技有限公司");
        row["userid"]!.GetValue<string>().Should().Be(me);
        row["username"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        row["row_num_"]!.GetValue<int>().Should().Be(1);
        row["create_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");
    }

    [Fact]
    public async Task Parallel_submissions_of_one_customer_store_one_record()
    {
        var customer = await Market.NewCustomerAsync(app);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => customer.GetAsync(Add, Fields())));
        results.Should().OnlyContain(r => r.Http == 200);
        results.Count(r => r.Status).Should().Be(1);
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Code == "conflict");
        (await customer.GetAsync(Search, ("url_link", Site))).Data!["total"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_never_500()
    {
        var customer = await Market.NewCustomerAsync(app);
        var missing = await customer.GetAsync(Add, ("account_type", "2"));
        missing.Code.Should().Be("invalid_argument");
        missing.Body["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo("company_name", "license_number", "contact_name", "mobile_phone");
        (await customer.GetAsync(Add, Fields(("account_type", null)))).Body["errors"]!["account_type"].Should().NotBeNull();
        (await customer.GetAsync(Add, Fields(("account_type", "4")))).Body["errors"]!["account_type"].Should().NotBeNull();
        (await customer.GetAsync(Add, Fields(("mobile_phone", "12345")))).Body["errors"]!["mobile_phone"]![0]!.GetValue<string>().Should().Be("mobile_phone 手机号格式不正确");
        (await customer.GetAsync(Add, Fields(("email", "not-an-email")))).Body["errors"]!["email"].Should().NotBeNull();
        (await customer.GetAsync(Add, Fields(("company_name", new string('x', 201))))).Code.Should().Be("invalid_argument");
        var individual = await customer.GetAsync(Add, ("account_type", "3"), ("contact_name", "张三"), ("mobile_phone", "13900000000"));
        individual.Status.Should().BeTrue(individual.Raw); // 个人: no company or licence needed
        (await customer.GetAsync(Search)).Body["errors"]!["url_link"]![0]!.GetValue<string>().Should().Be("缺少必要参数: url_link");
        (await customer.GetAsync(Search, ("url_link", Site), ("audit_status", "done"))).Code.Should().Be("invalid_argument");
        (await customer.GetAsync(Search, ("url_link", Site), ("current_page", "x"), ("page_size", "-3"))).Status.Should().BeTrue();
        (await customer.GetAsync(Update)).Body["errors"]!["id"].Should().NotBeNull();
        var unknown = await customer.GetAsync(Update, ("id", "nosuchrecord000000000"));
        unknown.Code.Should().Be("not_found");
        unknown.Msg.Should().Be("记录不存在");
    }

    [Fact]
    public async Task Login_is_required()
    {
        (await app.Anonymous().GetAsync(Add, Fields())).Http.Should().Be(401);
        (await app.Anonymous().GetAsync(Search, ("url_link", Site))).Http.Should().Be(401);
        (await app.Anonymous().GetAsync(Update, ("id", "x"))).Http.Should().Be(401);
    }

    [Fact]
    public async Task The_audit_workflow_runs_through_http()
    {
        var customer = await Market.NewCustomerAsync(app);
        var id = Market.Id(await customer.GetAsync(Add, Fields()));
        var op = app.Operator();

        // operators of the owning org see it; another operator org does not
        Market.Ids(await op.GetAsync(Search, ("url_link", Site), ("audit_status", "pending"))).Should().Contain(id);
        Market.Ids(await app.OtherOperator().GetAsync(Search, ("url_link", Site))).Should().NotContain(id);
        (await app.OtherOperator().GetAsync(Update, ("id", id), ("audit_status", "approved"))).Http.Should().Be(403);

        // a customer cannot audit (its audit_status is ignored: still pending) nor touch someone else's record
        var self = await customer.GetAsync(Update, ("id", id), ("audit_status", "approved"));
        self.Status.Should().BeTrue(self.Raw);
        self.Data!["audit_status"]!.GetValue<string>().Should().Be("pending");
        (await app.Customer().GetAsync(Update, ("id", id), ("contact_name", "黑客"))).Http.Should().Be(403);

        // Q3: reject needs a reason
        var noReason = await op.GetAsync(Update, ("id", id), ("audit_status", "rejected"));
        noReason.Status.Should().BeFalse();
        noReason.Code.Should().Be("invalid_argument");
        noReason.Msg.Should().Be("请填写驳回原因");
        var rejected = await op.GetAsync(Update, ("id", id), ("audit_status", "rejected"), ("reject_reason", "营业执照不清晰"));
        rejected.Status.Should().BeTrue(rejected.Raw);
        rejected.Msg.Should().Be("更新成功");
        rejected.Data!["audit_status"]!.GetValue<string>().Should().Be("rejected");
        rejected.Data["reject_reason"]!.GetValue<string>().Should().Be("营业执照不清晰");
        Market.Ids(await op.GetAsync(Search, ("url_link", Site), ("audit_status", "rejected"))).Should().Contain(id);

        // Q4: the customer edits → pending, reason cleared, field changed
        var resubmit = await customer.GetAsync(Update, ("id", id), ("license_original_img", "/files/clear.png"), ("audit_status", "pending"));
        resubmit.Status.Should().BeTrue(resubmit.Raw);
        resubmit.Data!["audit_status"]!.GetValue<string>().Should().Be("pending");
        resubmit.Data["reject_reason"].Should().BeNull();
        var row = (await customer.GetAsync(Search, ("url_link", Site))).Data!["rows"]![0]!;
        row["license_original_img"]!.GetValue<string>().Should().Be("/files/clear.png");

        // Q2: the operator approves → reason 置空
        await op.GetAsync(Update, ("id", id), ("audit_status", "rejected"), ("reject_reason", "再次驳回"));
        var approved = await op.GetAsync(Update, ("id", id), ("audit_status", "approved"));
        approved.Data!["audit_status"]!.GetValue<string>().Should().Be("approved");
        approved.Data["reject_reason"].Should().BeNull();

        // an operator's plain edit keeps the state; Q5 reopen
        (await op.GetAsync(Update, ("id", id), ("office_address", "上海"))).Data!["audit_status"]!.GetValue<string>().Should().Be("approved");
        (await op.GetAsync(Update, ("id", id), ("audit_status", "pending"))).Data!["audit_status"]!.GetValue<string>().Should().Be("pending");

        // bad field on update, and clearing a required field is impossible (empty means "keep")
        (await customer.GetAsync(Update, ("id", id), ("mobile_phone", "abc"))).Code.Should().Be("invalid_argument");
        (await customer.GetAsync(Update, ("id", id), ("account_type", "9"))).Code.Should().Be("invalid_argument");
    }

    [Theory]
    [InlineData("approved")]
    [InlineData("rejected")]
    [InlineData(null)]
    public async Task A_customer_resubmits_a_rejected_record_with_the_documents_example_request(string? auditStatus)
    {
        var customer = await Market.NewCustomerAsync(app);
        var me = await Market.UserIdAsync(customer);
        var id = Market.Id(await customer.GetAsync(Add, Fields()));
        var rejected = await app.Operator().GetAsync(Update, ("id", id), ("audit_status", "rejected"),
            ("reject_reason", "模糊"));
        rejected.Data!["audit_status"]!.GetValue<string>().Should().Be("rejected", rejected.Raw);

        // the document's request: id, userid, audit_status=approved (plus the corrected data)
        var r = await customer.GetAsync(Update, ("id", id), ("userid", me), ("audit_status", auditStatus),
            ("license_copy_img", "/files/new.png"), ("reject_reason", "自己填的"));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("更新成功");
        r.Data!["audit_status"]!.GetValue<string>().Should().Be("pending");
        r.Data["reject_reason"].Should().BeNull();
        var row = (await customer.GetAsync(Search, ("url_link", Site))).Data!["rows"]![0]!;
        row["license_copy_img"]!.GetValue<string>().Should().Be("/files/new.png");
        row["audit_status"]!.GetValue<string>().Should().Be("pending");

        // only a reviewer sets approved; the customer's next "approved" stays pending
        (await app.Operator().GetAsync(Update, ("id", id), ("audit_status", "approved"))).Data!["audit_status"]!
            .GetValue<string>().Should().Be("approved");
        (await customer.GetAsync(Update, ("id", id), ("audit_status", "approved"))).Data!["audit_status"]!
            .GetValue<string>().Should().Be("pending");
    }

    [Fact]
    public async Task An_operator_may_submit_for_its_customer_and_decide_at_once()
    {
        var customer = await Market.NewCustomerAsync(app);
        var userId = await Market.UserIdAsync(customer);
        var r = await app.Operator().GetAsync(Add, Fields(("userid", userId), ("audit_status", "approved")));
        r.Status.Should().BeTrue(r.Raw);
        r.Data!["audit_status"]!.GetValue<string>().Should().Be("approved");
        var rows = Market.Rows(await customer.GetAsync(Search, ("url_link", Site)));
        rows.Should().ContainSingle();
        rows[0]!["userid"]!.GetValue<string>().Should().Be(userId);

        var other = await Market.NewCustomerAsync(app);
        (await app.OtherOperator().GetAsync(Add, Fields(("userid", await Market.UserIdAsync(other))))).Http.Should().Be(403);
        (await app.Customer().GetAsync(Add, Fields(("userid", await Market.UserIdAsync(other))))).Http.Should().Be(403);
        (await app.Operator().GetAsync(Add, Fields(("userid", "nosuchuser"), ("audit_status", "rejected")))).Code.Should().Be("not_found");
        var noReason = await app.Operator().GetAsync(Add, Fields(("userid", await Market.UserIdAsync(other)), ("audit_status", "rejected")));
        noReason.Msg.Should().Be("请填写驳回原因");
        // the operator filters by user
        Market.Ids(await app.Operator().GetAsync(Search, ("url_link", Site), ("userid", userId))).Should().Equal(r.Data["id"]!.GetValue<string>());
    }
}
