using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kboss.Application.Approval;
using Kboss.Domain.Approval;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// 申请审批 through HTTP (spec 13; analysis/platform.md §3.1, §4.1; ADR 0026): configuration, sending to a fake
/// DingTalk, the signed result event, the outbox with its retries, the reconciler, access rules and bad input.
/// </summary>
public sealed class ApprovalTests(ApprovalFixture f) : IClassFixture<ApprovalFixture>
{
    private Task<ApprovalRecord> RecordAsync(string apvId) =>
        f.Factory.WithDbAsync(db => db.ApprovalRecords.AsNoTracking().SingleAsync(r => r.ApvId == apvId));

    private Task<List<ApprovalDelivery>> DeliveriesAsync(string recordId) =>
        f.Factory.WithDbAsync(db => db.ApprovalDeliveries.AsNoTracking().Where(d => d.RecordId == recordId)
            .ToListAsync());

    private Task<int> HandlerChangesAsync(string apvId) =>
        f.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == ApprovalFixture.RechargeHandler.Action && a.EntityId == apvId));

    private List<BusinessReceiver.Hit> HitsFor(string apvId) =>
        f.Receiver.Hits.Where(h => JsonNode.Parse(h.Body)!["apv_id"]!.GetValue<string>() == apvId).ToList();

    [Fact]
    public async Task Send_creates_the_DingTalk_instance_with_the_rendered_template_levels_and_sender()
    {
        var apvId = await f.SendAsync("10000");
        var body = f.DingTalk.Instances[apvId].Request;
        body["processCode"]!.GetValue<string>().Should().Be(FakeDingTalk.FormCode);
        body["originatorUserId"]!.GetValue<string>().Should().Be("dd_" + ApprovalFixture.SenderPhone);
        body["approvers"]!.ToJsonString().Should().Be(
            """[{"actionType":"NONE","userIds":["dd_13800000001"]},{"actionType":"OR","userIds":["dd_13800000002","dd_13800000003"]}]""");
        body["formComponentValues"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).Should().Be(
            """[{"name":"标题","value":"线下充值"},{"name":"审批详情","value":"充值金额:10000"}]""");
        body.ContainsKey("deptId").Should().BeFalse();

        var record = await RecordAsync(apvId);
        (record.Status, record.Title, record.Detail, record.OrgId, record.ResultOrg, record.Phone)
            .Should().Be((ApprovalStatus.Running, "线下充值", "充值金额:10000", DemoData.OrgId, f.App.CustomerOrgId,
                ApprovalFixture.SenderPhone));

        var list = await f.App.Operator().PostJsonAsync("/apv/get_apv_list.dspy", new { status = "running" });
        list.Data!.AsArray().Should().Contain(r => r!["apv_id"]!.GetValue<string>() == apvId);
    }

    [Fact]
    public async Task The_same_result_delivered_ten_times_changes_the_business_once_with_one_signed_callback()
    {
        var apvId = await f.SendAsync("500");
        f.DingTalk.Complete(apvId, "agree");
        for (var i = 0; i < 10; i++)
        {
            var ack = await f.PushAsync(apvId);
            ack.Http.Should().Be(200, ack.Raw);
            FakeDingTalk.Open(ack.Body["msg_signature"]!.GetValue<string>(), ack.Body["timeStamp"]!.GetValue<string>(),
                ack.Body["nonce"]!.GetValue<string>(), ack.Body["encrypt"]!.GetValue<string>()).Should().Be("success");
            await f.RunAsync(new DispatchApprovalCallbacks());
        }

        var record = await RecordAsync(apvId);
        record.Status.Should().Be(ApprovalStatus.Agree);
        record.CallbackStatus.Should().Be(ApprovalCallbackStatus.Sent);
        (await DeliveriesAsync(record.Id)).Should().HaveCount(2).And.OnlyContain(d => d.State == DeliveryStates.Sent);
        (await HandlerChangesAsync(apvId)).Should().Be(1);

        var hit = HitsFor(apvId).Should().ContainSingle().Subject;
        var payload = JsonNode.Parse(hit.Body)!;
        payload["status"]!.GetValue<string>().Should().Be("agree");
        payload["event_id"]!.GetValue<string>().Should().Be(hit.EventId);
        payload["result_org"]!.GetValue<string>().Should().Be(f.App.CustomerOrgId);
        payload["business_id"]!.GetValue<string>().Should().Be(f.BusinessId);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8
            .GetBytes(ApprovalFixture.CallbackSecret),
            Encoding.UTF8.GetBytes(hit.Timestamp + "." + hit.Body)));
        hit.Signature.Should().Be(expected);
        long.Parse(hit.Timestamp).Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 300);
    }

    [Fact]
    public async Task Parallel_reports_of_one_result_enqueue_it_once()
    {
        var apvId = await f.SendAsync("700");
        f.DingTalk.Complete(apvId, "refuse");
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => f.PushAsync(apvId, result: "refuse")));
        answers.Should().OnlyContain(a => a.Http == 200 && a.Body.ContainsKey("encrypt"));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => f.RunAsync(new DispatchApprovalCallbacks())));

        var record = await RecordAsync(apvId);
        record.Status.Should().Be(ApprovalStatus.Refuse);
        (await DeliveriesAsync(record.Id)).Should().HaveCount(2);
        (await HandlerChangesAsync(apvId)).Should().Be(1);
        // the business URL gets the one result; under load an attempt may time out and be retried (backoff 0 here),
        // so passes run until it arrived, and every arrival carries the same event
        for (var i = 0; i < 50 && HitsFor(apvId).Count == 0; i++)
        {
            await Task.Delay(100);
            await f.RunAsync(new DispatchApprovalCallbacks());
        }
        HitsFor(apvId).Select(h => h.EventId).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task A_later_different_result_and_events_of_another_org_are_ignored()
    {
        var apvId = await f.SendAsync();
        await f.PushAsync(apvId, type: "terminate", result: "");
        (await f.PushAsync(apvId, result: "agree")).Http.Should().Be(200);
        (await RecordAsync(apvId)).Status.Should().Be(ApprovalStatus.Terminate);

        var other = await f.SendAsync();
        var foreign = await f.PushAsync(other, orgid: f.App.OtherOrgId);
        foreign.Code.Should().Be("not_configured");
        (await RecordAsync(other)).Status.Should().Be(ApprovalStatus.Running);
    }

    [Fact]
    public async Task The_reconciler_applies_a_result_whose_event_was_lost()
    {
        var apvId = await f.SendAsync();
        f.DingTalk.Complete(apvId, "agree");
        (await f.RunAsync(new ReconcileApprovals())).Should().Be(0, "the record is younger than the reconcile age");
        (await f.RunAsync(new ReconcileApprovals { After = TimeSpan.Zero })).Should().BeGreaterThanOrEqualTo(1);
        (await RecordAsync(apvId)).Status.Should().Be(ApprovalStatus.Agree);
        await f.RunAsync(new DispatchApprovalCallbacks());
        HitsFor(apvId).Should().ContainSingle();
        await f.PushAsync(apvId); // the late event changes nothing
        await f.RunAsync(new DispatchApprovalCallbacks());
        HitsFor(apvId).Should().ContainSingle();
        (await HandlerChangesAsync(apvId)).Should().Be(1);
    }

    [Fact]
    public async Task The_dispatcher_retries_a_failing_receiver_with_the_same_event()
    {
        var apvId = await f.SendAsync();
        await f.RunAsync(new DispatchApprovalCallbacks()); // other tests' results first: the receiver fails globally
        await f.PushAsync(apvId);
        Interlocked.Exchange(ref f.Receiver.FailNext, 2);
        await f.RunAsync(new DispatchApprovalCallbacks());
        var record = await RecordAsync(apvId);
        var url = (await DeliveriesAsync(record.Id)).Single(d => d.Target == DeliveryTargets.Url);
        (url.State, url.Attempts, url.LastError).Should().Be((DeliveryStates.Pending, 1, "HTTP 500"));
        (await RecordAsync(apvId)).CallbackStatus.Should().Be(ApprovalCallbackStatus.Pending);

        await f.RunAsync(new DispatchApprovalCallbacks());
        await f.RunAsync(new DispatchApprovalCallbacks());
        var hits = HitsFor(apvId);
        hits.Select(h => h.Status).Should().Equal(500, 500, 200);
        hits.Select(h => h.EventId).Distinct().Should().ContainSingle();
        hits.Select(h => h.Body).Distinct().Should().ContainSingle();
        (await DeliveriesAsync(record.Id)).Single(d => d.Target == DeliveryTargets.Url).Attempts.Should().Be(3);
        (await RecordAsync(apvId)).CallbackStatus.Should().Be(ApprovalCallbackStatus.Sent);
        await f.RunAsync(new DispatchApprovalCallbacks());
        HitsFor(apvId).Should().HaveCount(3);
    }

    [Fact]
    public async Task DingTalk_refusing_the_create_answers_upstream_failed_and_keeps_a_failed_record()
    {
        f.DingTalk.CreateError = "流程不存在";
        try
        {
            var r = await f.App.Operator().PostJsonAsync("/test/send_apv.dspy", new
            {
                business_name = ApprovalFixture.Business, form_component = new { detail = new { price = 1 } },
            });
            (r.Status, r.Code, r.Msg).Should().Be((false, "upstream_failed", "钉钉发起审批失败: 钉钉: 流程不存在"));
            var failed = await f.Factory.WithDbAsync(db => db.ApprovalRecords.AsNoTracking()
                .Where(x => x.Status == ApprovalStatus.Failed).ToListAsync());
            failed.Should().Contain(x => x.FailureReason == "钉钉: 流程不存在" && x.ApvId == "");
        }
        finally
        {
            f.DingTalk.CreateError = null;
        }
    }

    [Fact]
    public async Task Keys_are_masked_kept_when_masked_and_stored_encrypted()
    {
        var op = f.App.Operator();
        var keys = await op.PostJsonAsync("/apv/get_apv_key.dspy", new { orgid = DemoData.OrgId });
        var row = keys.Data!.AsArray().Should().ContainSingle().Subject!;
        row["app_key"]!.GetValue<string>().Should().Be(FakeDingTalk.AppKey);
        foreach (var secret in new[] { "app_secret", "http_aes_key", "http_token" })
            row[secret]!.GetValue<string>().Should().Be("******");
        (await op.PostJsonAsync("/apv/save_apv_key.dspy", new
        {
            id = row["id"]!.GetValue<string>(), flag = "update", app_secret = "******", http_aes_key = "******",
            http_token = "", process_code = FakeDingTalk.FormCode,
        })).Status.Should().BeTrue();
        var stored = await f.Factory.WithDbAsync(db => db.ApvKeys.AsNoTracking().SingleAsync(k
            => k.OrgId == DemoData.OrgId));
        stored.AppSecret.Should().NotContain(FakeDingTalk.AppSecret);
        stored.HttpToken.Should().NotContain(FakeDingTalk.EventToken);
        stored.ProcessCode.Should().Be(FakeDingTalk.FormCode);
        (await f.PushAsync("no-such-instance")).Body.ContainsKey("encrypt").Should().BeTrue("secrets were kept");

        var bad = await op.PostJsonAsync("/apv/save_apv_key.dspy", new { id = "missing", flag = "update" });
        (bad.Status, bad.Code, bad.Msg).Should().Be((false, "not_found", "审批密钥不存在"));
        var shortKey = await op.PostJsonAsync("/apv/save_apv_key.dspy", new { http_aes_key = "short" });
        shortKey.Msg.Should().Be("http_aes_key长度必须为43位");
    }

    [Fact]
    public async Task Flow_levels_are_validated_as_documented_and_read_back_in_order()
    {
        var op = f.App.Operator();
        var doc = await op.PostJsonAsync("/apv/save_apv_flow.dspy", JsonNode.Parse($$"""
            {"orgid":"{{DemoData.OrgId}}","user_id":"gg","business_id":"{{f.BusinessId}}","flag":"update",
             "level_data":[{"level_id":"1","level_mode":"NONE","apv_dd_user_phone":["15938717631"]},
                           {"level_id":"2","level_mode":"NONE","apv_dd_user_phone":["15938717631","1"]}]}
            """)!);
        (doc.Status, doc.Code, doc.Msg).Should().Be((false, "invalid_argument", "第2级审批人手机号格式错误"));
        (await op.PostJsonAsync("/apv/save_apv_flow.dspy", new { business_id = "nope", level_data = "[]" })).Msg
            .Should().Be("level_data不能为空");
        (await op.PostJsonAsync("/apv/save_apv_flow.dspy", new
        {
            business_id = "nope", level_data = new[] { new { level_id = "1", level_mode = "OR",
                apv_dd_user_phone = new[] { "13800000009" } } },
        })).Msg.Should().Be("审批业务不存在");

        var flow = await op.PostJsonAsync("/apv/get_apv_flow.dspy", new { business_id = f.BusinessId });
        flow.Data!["level_data"]!.AsArray().Select(l => l!["level_id"]!.GetValue<string>()).Should().Equal("1", "2");
        flow.Data["level_data"]![1]!["apv_dd_user_phone"]!.AsArray().Should().HaveCount(2);
        (await op.PostJsonAsync("/apv/get_apv_flow.dspy", new { })).Msg.Should().Be("business_id不能为空");
        (await op.PostJsonAsync("/apv/get_apv_flow.dspy", new { business_id = "none" })).Data!["level_data"]!
            .AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Businesses_templates_and_senders_follow_the_documented_shapes()
    {
        var admin = f.App.Admin();
        var list = await f.App.Operator().PostJsonAsync("/apv/get_apv_business.dspy", new { });
        var business = list.Data!.AsArray().Single(b => b!["id"]!.GetValue<string>() == f.BusinessId)!;
        business["callback_url"]!.GetValue<string>().Should().Be(f.Receiver.Url);
        business["callback_secret"]!.GetValue<string>().Should().Be("******");

        var templates = await f.App.Operator().PostJsonAsync("/apv/get_apv_template.dspy",
            new { business_id = f.BusinessId });
        var t = templates.Data!.AsArray().Should().ContainSingle().Subject!;
        (t["id"]!.GetValue<string>(), t["detail_template"]!.GetValue<string>(), t["del_flg"]!.GetValue<string>())
            .Should().Be(("6HV3USCHgqGj7Qtj4eFz6", "充值金额:$price", "0"));
        t["create_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$");

        // a second business: registered, templated, deleted (with its template), then unknown
        var temp = await admin.PostJsonAsync("/apv/apv_business.dspy", new
        {
            business_name = "test", callback_url = "https://dev.kaiyuancloud.cn/account/addledgers.dspy",
        });
        if (!temp.Status) temp.Msg.Should().Be("callback_url域名无法解析"); // no DNS in the sandbox
        else
        {
            var id = temp.Data!.GetValue<string>();
            (await admin.PostJsonAsync("/apv/apv_template.dspy", new
            {
                id = "xx", business_id = id, title_template = "sss", detail_template = "sss",
            })).Status.Should().BeTrue();
            (await admin.PostJsonAsync("/apv/delete_apv_business.dspy", new { id, del_flg = "1" })).Status.Should()
                .BeTrue();
            (await admin.PostJsonAsync("/apv/delete_apv_business.dspy", new { id })).Msg.Should().Be("审批业务不存在");
            (await admin.PostJsonAsync("/apv/get_apv_template.dspy", new { business_id = id, del_flg = "1" })).Data!
                .AsArray().Should().ContainSingle();
        }
        (await admin.PostJsonAsync("/apv/delete_apv_template.dspy", new { id = "xx", del_flg = "dd" })).Msg
            .Should().BeOneOf("审批模板不存在", "success");
        (await admin.PostJsonAsync("/apv/apv_template.dspy", new
        {
            business_id = "missing", title_template = "a", detail_template = "b",
        })).Msg.Should().Be("审批业务不存在");

        var senders = await f.App.Operator().PostJsonAsync("/apv/send_key_select.dspy",
            new { business_id = f.BusinessId });
        var s = senders.Data!.AsArray().Should().ContainSingle().Subject!;
        (s["send_dd_user_id"]!.GetValue<string>(), s["source"]!.GetValue<string>())
            .Should().Be(("dd_" + ApprovalFixture.SenderPhone, "dd"));
    }

    [Fact]
    public async Task Forms_and_phone_lookups_go_to_DingTalk()
    {
        var op = f.App.Operator();
        var forms = await op.PostJsonAsync("/apv/get_apv_form.dspy", new { });
        forms.Data!.AsArray().Should().ContainSingle(x
            => x!["process_code"]!.GetValue<string>() == FakeDingTalk.FormCode);
        (await op.PostJsonAsync("/apv/get_id_by_phone_dd.dspy", new { phone = "13800000005" })).Data!.GetValue<string>()
            .Should().Be("dd_13800000005");
        var unknown = await op.PostJsonAsync("/apv/get_id_by_phone_dd.dspy", new { phone = "13900000000" });
        (unknown.Status, unknown.Code, unknown.Msg).Should().Be((false, "not_found", "钉钉中未找到该手机号用户"));
        (await op.PostJsonAsync("/apv/get_id_by_phone_dd.dspy", new { orgid = "gg", phone = "11" })).Http
            .Should().Be(403, "another org");
        (await op.PostJsonAsync("/apv/get_id_by_phone_dd.dspy", new { phone = "11" })).Msg.Should().Be("手机号格式错误");
        (await op.PostJsonAsync("/apv/send_key_create.dspy", new
        {
            send_phone = "13900000000", business_id = f.BusinessId, process_code = FakeDingTalk.FormCode,
        })).Msg.Should().Be("钉钉中未找到该手机号用户");
        (await op.PostJsonAsync("/apv/send_key_create.dspy", new
        {
            send_phone = "15938717631", business_id = f.BusinessId, process_code = "X-1",
        })).Msg.Should().Be("process_code格式错误");
    }

    [Fact]
    public async Task An_org_without_configuration_gets_not_configured_for_each_missing_piece()
    {
        var op = f.App.Operator();
        var customer = f.App.CustomerOrgId; // an org the demo operator owns
        async Task<Response> Send() => await op.PostJsonAsync("/test/send_apv.dspy", new
        {
            orgid = customer, business_id = f.BusinessId, form_component = new { detail = new { price = "1" } },
        });
        (await Send()).Should().Match<Response>(r => r.Code == "not_configured" && r.Msg == "未配置审批密钥");
        (await op.PostJsonAsync("/apv/get_apv_form.dspy", new { orgid = customer })).Msg.Should().Be("未配置审批密钥");
        (await op.PostJsonAsync("/apv/send_key_create.dspy", new
        {
            orgid = customer, send_phone = "15938717631", business_id = f.BusinessId,
                process_code = FakeDingTalk.FormCode,
        })).Msg.Should().Be("未配置审批密钥");
        (await op.PostJsonAsync("/apv/save_apv_key.dspy", new
        {
            orgid = customer, app_key = FakeDingTalk.AppKey, app_secret = FakeDingTalk.AppSecret,
                http_aes_key = FakeDingTalk.AesKey,
        })).Msg.Should().Be("http_token不能为空");
        (await op.PostJsonAsync("/apv/save_apv_key.dspy", new
        {
            orgid = customer, app_key = FakeDingTalk.AppKey, app_secret = FakeDingTalk.AppSecret,
            http_aes_key = FakeDingTalk.AesKey, http_token = FakeDingTalk.EventToken,
        })).Status.Should().BeTrue();
        (await Send()).Msg.Should().Be("未配置发送人和表单");
        (await op.PostJsonAsync("/apv/get_apv_form.dspy", new { orgid = customer })).Msg
            .Should().Be("未配置默认发送人(send_dd_user_id)");
        (await op.PostJsonAsync("/apv/send_key_create.dspy", new
        {
            orgid = customer, send_phone = "15938717631", business_id = f.BusinessId,
                process_code = FakeDingTalk.FormCode,
        })).Status.Should().BeTrue();
        (await Send()).Msg.Should().Be("未配置审批流");
        var unknownBusiness = await op.PostJsonAsync("/test/send_apv.dspy", new
        {
            business_name = "没有这个业务", form_component = new { detail = new { } },
        });
        (unknownBusiness.Code, unknownBusiness.Msg).Should().Be(("not_found", "审批业务不存在"));
    }

    [Fact]
    public async Task Callback_urls_are_allow_listed_and_never_internal()
    {
        var admin = f.App.Admin();
        var metadata = await admin.PostJsonAsync("/apv/apv_business.dspy", new
        {
            business_name = "ssrf", callback_url = "http://169.254.169.254/latest/meta-data/",
        });
        (metadata.Status, metadata.Code, metadata.Msg).Should().Be((false, "invalid_argument",
            "callback_url不能指向内网、本机或链路本地地址"));
        (await admin.PostJsonAsync("/apv/apv_business.dspy", new
        {
            business_name = "ssrf", callback_url = "http://evil.example.com/cb",
        })).Msg.Should().Be("callback_url域名不在白名单内");
        (await admin.PostJsonAsync("/apv/apv_business.dspy", new { business_name = "ssrf",
            callback_url = "file:///etc/passwd" }))
            .Msg.Should().Be("callback_url格式错误");
        (await admin.PostJsonAsync("/apv/apv_business.dspy", new { business_name = "ssrf" })).Msg
            .Should().Be("callback_url不能为空");
        (await admin.PostJsonAsync("/apv/apv_business.dspy", new { callback_url = f.Receiver.Url })).Msg
            .Should().Be("business_name不能为空");
        (await f.Factory.WithDbAsync(db => db.ApvBusinesses.CountAsync(b => b.BusinessName == "ssrf"))).Should().Be(0);
    }

    [Fact]
    public async Task Access_is_by_role_and_org()
    {
        (await f.App.Anonymous().PostJsonAsync("/apv/get_apv_key.dspy", new { })).Http.Should().Be(401);
        (await f.App.Anonymous().PostJsonAsync("/apv/get_apv_list.dspy", new { })).Http.Should().Be(401);
        (await f.App.Customer().PostJsonAsync("/apv/get_apv_key.dspy", new { })).Http.Should().Be(403);
        (await f.App.Customer().PostJsonAsync("/test/send_apv.dspy", new { })).Http.Should().Be(403);
        (await f.App.Operator().PostJsonAsync("/apv/apv_business.dspy", new { business_name = "x",
            callback_url = f.Receiver.Url }))
            .Http.Should().Be(403);
        (await f.App.Operator().PostJsonAsync("/apv/delete_apv_business.dspy", new { id = f.BusinessId })).Http
            .Should().Be(403);
        (await f.App.Operator().PostJsonAsync("/apv/apv_template.dspy", new { business_id = f.BusinessId })).Http
            .Should().Be(403);
        (await f.App.Operator().PostJsonAsync("/apv/delete_apv_template.dspy", new { id = "x" })).Http.Should().Be(403);

        var other = f.App.OtherOperator();
        (await other.PostJsonAsync("/apv/get_apv_key.dspy", new { orgid = DemoData.OrgId })).Http.Should().Be(403);
        (await other.PostJsonAsync("/apv/save_apv_flow.dspy", new { orgid = DemoData.OrgId,
            business_id = f.BusinessId }))
            .Http.Should().Be(403);
        (await other.PostJsonAsync("/test/send_apv.dspy", new { orgid = DemoData.OrgId })).Http.Should().Be(403);
        (await other.PostJsonAsync("/apv/get_apv_list.dspy", new { orgid = DemoData.OrgId })).Http.Should().Be(403);
        (await other.PostJsonAsync("/apv/get_apv_key.dspy", new { })).Data!.AsArray().Should().BeEmpty();
        var keyId = (await f.App.Operator().PostJsonAsync("/apv/get_apv_key.dspy",
            new { })).Data![0]!["id"]!.GetValue<string>();
        (await other.PostJsonAsync("/apv/save_apv_key.dspy", new { id = keyId, flag = "update", app_key = "x" })).Http
            .Should().Be(403);

        await f.SendAsync();
        (await other.PostJsonAsync("/apv/get_apv_list.dspy", new { })).Data!.AsArray().Should().BeEmpty();
        (await f.App.Customer().PostJsonAsync("/apv/get_apv_list.dspy", new { })).Data!.AsArray().Should().BeEmpty();
        (await f.App.Customer().PostJsonAsync("/apv/get_apv_list.dspy", new { user_id = "someone" })).Http.Should()
            .Be(403);
    }

    [Fact]
    public async Task Forged_or_garbled_events_are_refused_without_a_500()
    {
        var apvId = await f.SendAsync();
        var e = FakeDingTalk.Event(
            $$"""{"EventType":"bpms_instance_change","processInstanceId":"{{apvId}}","type":"finish","result":"agree"}""",
            token: "attacker-token");
        var forged = await f.PostEventAsync(e);
        (forged.Http, forged.Status, forged.Msg).Should().Be((200, false, "钉钉回调签名校验失败"));
        (await RecordAsync(apvId)).Status.Should().Be(ApprovalStatus.Running);

        var garbage = FakeDingTalk.Event("not json at all");
        (await f.PostEventAsync(garbage)).Body.ContainsKey("encrypt").Should().BeTrue();
        var check = FakeDingTalk.Event("""{"EventType":"check_url"}""");
        (await f.PostEventAsync(check)).Body.ContainsKey("encrypt").Should().BeTrue();
        (await f.App.Anonymous()
            .PostJsonAsync($"/apv/dd_callback.dspy?orgid={DemoData.OrgId}&msg_signature=x&timestamp=1&nonce=n",
            new { encrypt = "!!!" })).Msg.Should().Be("钉钉回调签名校验失败");
        (await f.App.Anonymous().PostJsonAsync("/apv/dd_callback.dspy", new { })).Code.Should().Be("invalid_argument");
        var other = FakeDingTalk.Event("""{"EventType":"check_url"}""");
        (await f.App.Anonymous().PostJsonAsync($"/apv/dd_callback.dspy?orgid={DemoData.OrgId}&signature={other.Signature}"
            + $"&timeStamp={other.Timestamp}&nonce={other.Nonce}", new { encrypt = other.Encrypt })).Body
            .ContainsKey("encrypt").Should().BeTrue("DingTalk also spells them signature and timeStamp");
    }

    [Fact]
    public async Task Bad_input_on_every_endpoint_is_never_a_500()
    {
        string[] paths =
        [
            "/apv/get_apv_key.dspy", "/apv/save_apv_key.dspy", "/apv/get_apv_flow.dspy", "/apv/save_apv_flow.dspy",
            "/apv/get_apv_list.dspy", "/apv/get_apv_business.dspy", "/apv/apv_business.dspy", "/apv/apv_template.dspy",
            "/apv/get_apv_template.dspy", "/apv/delete_apv_business.dspy", "/apv/delete_apv_template.dspy",
            "/apv/send_key_create.dspy", "/apv/send_key_select.dspy", "/apv/get_apv_form.dspy",
            "/apv/get_id_by_phone_dd.dspy", "/test/send_apv.dspy", "/apv/dd_callback.dspy",
        ];
        object[] bodies =
        [
            new { }, new { id = new { a = 1 }, level_data = 5, form_component = "[1,2]", business_id = new[] { 1 } },
            new { flag = "update", id = new string('x', 5000), phone = "1' or 1=1", del_flg = "9", status = "what" },
            new { level_data = "[{\"level_id\":null}]", form_component = "{\"title\":5,\"detail\":[1]}", orgid = "" },
        ];
        foreach (var path in paths)
            foreach (var body in bodies)
            {
                var r = await f.App.Admin().PostJsonAsync(path, body);
                r.Http.Should().BeLessThan(500, $"{path} {System.Text.Json.JsonSerializer.Serialize(body)}: {r.Raw}");
                var raw = await f.App.Admin().Http.PostAsync(path, new StringContent("{not json", Encoding.UTF8,
                    "application/json"));
                ((int)raw.StatusCode).Should().BeLessThan(500, path);
            }
    }

    [Fact]
    public async Task An_in_process_business_uses_the_hub_and_a_failing_handler_is_retried_without_its_changes()
    {
        ApprovalStarted started;
        await using (var scope = f.Factory.Services.CreateAsyncScope())
        {
            var hub = scope.ServiceProvider.GetRequiredService<IApprovalHub>();
            started = await hub.SendAsync(new ApprovalRequest(DemoData.OrgId, ApprovalFixture.Business, "explode",
                new Dictionary<string, string>(), new Dictionary<string, string> { ["price"] = "42" }), default);
            var refused = await FluentActions.Awaiting(() => hub.SendAsync(new ApprovalRequest(DemoData.OrgId,
                "没有这个业务", "1", new Dictionary<string, string>(), new Dictionary<string, string>()), default))
                .Should().ThrowAsync<Application.Common.BusinessException>();
            refused.Which.Code.Should().Be("not_found");
        }
        (await RecordAsync(started.ApvId)).Detail.Should().Be("充值金额:42");
        await f.PushAsync(started.ApvId);
        await f.RunAsync(new DispatchApprovalCallbacks());
        var deliveries = await DeliveriesAsync(started.RecordId);
        var handler = deliveries.Single(d => d.Target == DeliveryTargets.Handler);
        (handler.State, handler.Attempts, handler.LastError).Should().Be((DeliveryStates.Pending, 1, "handler failed"));
        deliveries.Single(d => d.Target == DeliveryTargets.Url).State.Should().Be(DeliveryStates.Sent);
        (await HandlerChangesAsync(started.ApvId)).Should().Be(0);
        (await RecordAsync(started.ApvId)).CallbackStatus.Should().Be(ApprovalCallbackStatus.Pending);
        for (var i = 0; i < 3; i++) await f.RunAsync(new DispatchApprovalCallbacks());
        (await DeliveriesAsync(started.RecordId)).Single(d => d.Target == DeliveryTargets.Handler).State
            .Should().Be(DeliveryStates.Failed, "one attempt plus one per back-off step");
        (await RecordAsync(started.ApvId)).CallbackStatus.Should().Be(ApprovalCallbackStatus.Failed);
    }

    [Fact]
    public async Task The_scheduled_dispatcher_of_another_node_delivers_the_results()
    {
        var apvId = await f.SendAsync();
        await f.PushAsync(apvId);
        using var node2 = new KbossFactory(f.Factory.DataFolder, f.Settings(callbackCron: "* * * * * ?"),
            ApprovalFixture.Services);
        _ = node2.Services; // starts the host and its scheduler
        for (var i = 0; i < 100 && HitsFor(apvId).Count == 0; i++) await Task.Delay(100);
        HitsFor(apvId).Should().ContainSingle();
        for (var i = 0; i < 50 && await HandlerChangesAsync(apvId) == 0; i++) await Task.Delay(100);
        (await HandlerChangesAsync(apvId)).Should().Be(1);
    }
}
