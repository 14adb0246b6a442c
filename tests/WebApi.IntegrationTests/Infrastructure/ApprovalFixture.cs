using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Kboss.Application.Approval;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Audit;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Seeding;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The app pointed at a <see cref="FakeDingTalk"/> and a <see cref="BusinessReceiver"/> on loopback (allowed by
/// configuration), with the usual users, an in-process result handler for <see cref="Business"/> (the test host's,
/// never the app's), the scheduled jobs off (tests send their commands), and the business and the demo operator
/// org's configuration in place.
/// </summary>
public sealed class ApprovalFixture : IAsyncLifetime
{
    public const string Business = "线下充值";
    public const string SenderPhone = "15938717631";
    public const string CallbackSecret = "receiver-secret-0123456789";
    public FakeDingTalk DingTalk { get; } = new();
    public BusinessReceiver Receiver { get; } = new();
    public AppFixture App { get; private set; } = null!;
    public KbossFactory Factory => App.Factory;
    public string BusinessId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await DingTalk.InitializeAsync();
        await Receiver.InitializeAsync();
        App = new AppFixture(new KbossFactory(settings: Settings(), services: Services));
        await App.InitializeAsync();

        var admin = App.Admin();
        var business = await admin.PostJsonAsync("/apv/apv_business.dspy", new
        {
            business_name = Business, callback_url = Receiver.Url, callback_secret = CallbackSecret,
        });
        business.Status.Should().BeTrue(business.Raw);
        BusinessId = business.Data!.GetValue<string>();
        (await admin.PostJsonAsync("/apv/apv_template.dspy", new
        {
            id = "6HV3USCHgqGj7Qtj4eFz6", business_id = BusinessId, title_template = "线下充值",
            detail_template = "充值金额:$price",
        })).Status.Should().BeTrue();
        await ConfigureOrgAsync(App.Operator());
    }

    /// <summary>Settings of the app under test; <paramref name="callbackCron"/> schedules the dispatcher.</summary>
    public Dictionary<string, string> Settings(string callbackCron = "off") => new()
    {
        ["Approval:DingTalk:ApiBaseUrl"] = DingTalk.BaseUrl,
        ["Approval:DingTalk:OapiBaseUrl"] = DingTalk.BaseUrl,
        ["Approval:CallbackAllowedHosts"] = "127.0.0.1,*.kaiyuancloud.cn,169.254.169.254",
        ["Approval:AllowPrivateCallbackAddresses"] = "true",
        ["Approval:CallbackBackoffSeconds"] = "0,0,0",
        ["Jobs:ApprovalCallbacks:Cron"] = callbackCron,
        ["Jobs:ApprovalReconciler:Cron"] = "off",
    };

    /// <summary>The test host's in-process business.</summary>
    public static void Services(IServiceCollection s) => s.AddScoped<IApprovalResultHandler, RechargeHandler>();

    /// <summary>Keys, sender/form and a two-level flow for the caller's org.</summary>
    public Task ConfigureOrgAsync(Api op, string? orgid = null) => ConfigureOrgAsync(op, BusinessId, orgid);

    /// <summary>Keys, sender/form and a two-level flow of business <paramref name="businessId"/> for the caller's
    /// org, against <see cref="FakeDingTalk"/>.</summary>
    public static async Task ConfigureOrgAsync(Api op, string businessId, string? orgid)
    {
        var key = await op.PostJsonAsync("/apv/save_apv_key.dspy", new
        {
            orgid, send_dd_user_id = "dd_" + SenderPhone, source = "dd", app_key = FakeDingTalk.AppKey,
            app_secret = FakeDingTalk.AppSecret, http_aes_key = FakeDingTalk.AesKey,
                http_token = FakeDingTalk.EventToken,
        });
        key.Status.Should().BeTrue(key.Raw);
        var sender = await op.PostJsonAsync("/apv/send_key_create.dspy", new
        {
            orgid, send_phone = SenderPhone, source = "dingding", business_id = businessId,
            process_code = FakeDingTalk.FormCode, process_name = "通用审批",
        });
        sender.Status.Should().BeTrue(sender.Raw);
        var flow = await op.PostJsonAsync("/apv/save_apv_flow.dspy", new
        {
            orgid, business_id = businessId, flag = "update", level_data = new object[]
            {
                new { level_id = "1", level_mode = "NONE", apv_dd_user_phone = new[] { "13800000001" } },
                new { level_id = "2", level_mode = "OR", apv_dd_user_phone = new[] { "13800000002", "13800000003" } },
            },
        });
        flow.Status.Should().BeTrue(flow.Raw);
    }

    /// <summary>Sends an approval as the demo operator; its apv_id.</summary>
    public async Task<string> SendAsync(string price = "10000")
    {
        var r = await App.Operator().PostJsonAsync("/test/send_apv.dspy", new
        {
            phone = SenderPhone, orgid = DemoData.OrgId, user_id = "ignored", business_id = BusinessId,
            form_component = new { title = new Dictionary<string, string> { [""] = "" }, detail = new { price } },
            result_org = App.CustomerOrgId,
        });
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!.GetValue<string>();
    }

    /// <summary>DingTalk's push of <paramref name="result"/> for <paramref name="apvId"/>,
    /// as DingTalk signs it.</summary>
    public async Task<Response> PushAsync(string apvId, string type = "finish", string result = "agree",
        string orgid = DemoData.OrgId)
    {
        var json = $$"""
            {"EventType":"bpms_instance_change","processInstanceId":"{{apvId}}","type":"{{type}}",
             "result":"{{result}}","processCode":"{{FakeDingTalk.FormCode}}"}
            """;
        return await PostEventAsync(FakeDingTalk.Event(json), orgid);
    }

    /// <summary>POSTs an encrypted event the way DingTalk does.</summary>
    public async Task<Response> PostEventAsync((string Signature, string Timestamp, string Nonce, string Encrypt) e,
        string orgid = DemoData.OrgId) => await App.Anonymous().PostJsonAsync(
        $"/apv/dd_callback.dspy?orgid={orgid}&msg_signature={e.Signature}&timestamp={e.Timestamp}&nonce={e.Nonce}",
        new { encrypt = e.Encrypt });

    /// <summary>Sends <paramref name="command"/> the way the scheduler does (its own scope).</summary>
    public async Task<T> RunAsync<T>(ICommand<T> command)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
        await DingTalk.DisposeAsync();
    }

    /// <summary>
    /// The in-process business of the tests: records the result as an audit row (its "business change"), saved by the
    /// hub with the delivery mark.
    /// </summary>
    public sealed class RechargeHandler(IKbossDbContext db) : IApprovalResultHandler
    {
        public const string Action = "test.recharge.approval_result";
        public string BusinessCode => Business;

        public Task HandleAsync(ApprovalResult result, CancellationToken ct)
        {
            if (result.ReferenceId == "explode") throw new InvalidOperationException("handler failed");
            db.AuditEntries.Add(new AuditEntry
            {
                Action = Action, EntityType = "apv_record", EntityId = result.ApvId, Detail = result.Status,
            });
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// A business's callback receiver on loopback: records every POST and answers 500 while asked to fail.
/// </summary>
public sealed class BusinessReceiver : IAsyncLifetime
{
    public sealed record Hit(string Body, string Timestamp, string Signature, string EventId, int Status);

    public ConcurrentQueue<Hit> Hits { get; } = new();
    public int FailNext;
    private WebApplication? _app;
    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}/account/addledgers.dspy";

    public async Task InitializeAsync()
    {
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); Port = ((IPEndPoint)l.LocalEndpoint).Port; }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/account/addledgers.dspy", async (HttpContext ctx) =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            var status = Interlocked.Decrement(ref FailNext) >= 0 ? 500 : 200;
            Hits.Enqueue(new Hit(body, ctx.Request.Headers["X-Kboss-Timestamp"].ToString(),
                ctx.Request.Headers["X-Kboss-Signature"].ToString(), ctx.Request.Headers["X-Kboss-Event-Id"].ToString(),
                status));
            return status == 200 ? Results.Json(new { status = true, msg = "success" }) : Results.StatusCode(500);
        });
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
