using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Kboss.Fakes.Vendors;

namespace Kboss.Fakes;

/// <summary>
/// <c>dotnet run --project tools/Kboss.Fakes -- --port 5090 [--kboss http://127.0.0.1:5080]</c>: fake DingTalk,
/// fake WeChat (login and Pay v3) and the fake cloud vendors (<c>Vendors/</c>: Capital Online, Baidu) on one loopback
/// port, plus the controls a newcomer uses with curl
/// (README "Trying approvals and WeChat Pay offline"):
/// <list type="bullet">
/// <item><c>GET /_fake/env</c>: <c>export</c> lines pointing kboss at this fake (WeChat Pay keys of this run);</item>
/// <item><c>GET /_fake/dingtalk/instances</c>; <c>POST /_fake/dingtalk/instances/{id}/agree?orgid=…</c> (or
/// <c>refuse</c>): the approver decides and the signed event goes to kboss's <c>/apv/dd_callback.dspy</c>;</item>
/// <item><c>GET /_fake/wechat/orders</c>; <c>POST /_fake/wechat/orders/{out_trade_no}/pay</c>: the payer pays and the
/// signed notification goes to the order's <c>notify_url</c>;</item>
/// <item><c>POST /_fake/receiver/{path}</c> records a business callback, <c>GET /_fake/receiver</c> lists them;</item>
/// <item>a Kubernetes API (<see cref="FakeKubernetes"/>): <c>GET /_fake/kubernetes/kubeconfig</c> is a kubeconfig for
/// <c>import_cluster.dspy</c>, <c>GET /_fake/kubernetes/objects</c> lists what kboss created.</item>
/// </list>
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var port = int.TryParse(Option(args, "--port"), out var p) ? p : 5090;
        var kboss = (Option(args, "--kboss") ?? "http://127.0.0.1:5080").TrimEnd('/');
        var dingTalk = new FakeDingTalk(port);
        var weChat = new FakeWeChat(port);
        FakeVendorServer[] vendors =
        [
            new FakeCds(port), new FakeBaidu(port),
            new FakeUCloud(port), // UCloud (issue 15)
            new FakeJd(port), new FakeJiajie(port), new FakeCasdao(port), // issue 15
            new FakeJinanHpc(port), // Jinan HPC (issue 15)
        ];
        // Money (issue 11): a Kubernetes API for compute-centre purchases (kubeconfig: /_fake/kubernetes/kubeconfig)
        var kubernetes = new FakeKubernetes(port);
        var hits = new ConcurrentQueue<object>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var app = await FakeHost.StartAsync(port, [dingTalk, weChat, kubernetes, ..vendors],
            a => Controls(a, dingTalk, weChat, vendors, hits, http, kboss));
        Console.WriteLine($"Kboss.Fakes: fake DingTalk, WeChat Pay, Kubernetes and cloud vendors on " +
                          $"http://127.0.0.1:{port} (kboss: {kboss}); " +
                          $"eval \"$(curl -s http://127.0.0.1:{port}/_fake/env)\" configures a shell. Ctrl+C stops.");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static void Controls(WebApplication app, FakeDingTalk dingTalk, FakeWeChat weChat,
        IReadOnlyList<FakeVendorServer> vendors, ConcurrentQueue<object> hits, HttpClient http, string kboss)
    {
        app.MapGet("/_fake/env", () => Results.Text(Env(dingTalk, weChat, kboss), "text/plain; charset=utf-8"));
        app.MapGet("/_fake/dingtalk/instances", () => dingTalk.Instances.Values.Select(i => new
        {
            id = i.Id, status = i.Status, result = i.Result, form = i.Request["formComponentValues"],
        }));
        app.MapPost("/_fake/dingtalk/instances/{id}/{result}", async (string id, string result, string? orgid) =>
        {
            if (result is not ("agree" or "refuse")) return Results.BadRequest("result: agree or refuse");
            var url = $"{kboss}/apv/dd_callback.dspy?orgid={Uri.EscapeDataString(orgid ?? "")}";
            var (status, body) = await dingTalk.DecideAsync(http, url, id, result);
            return Results.Json(new { instance = id, result, callback = url, kboss_status = status, kboss_body = body });
        });
        app.MapGet("/_fake/wechat/orders", () => weChat.Orders.Values.Select(o => new
        {
            out_trade_no = o.OutTradeNo, total_fen = o.Total, trade_state = o.TradeState, notify_url = o.NotifyUrl,
        }));
        app.MapPost("/_fake/wechat/orders/{no}/pay", async (string no) =>
        {
            var (status, body) = await weChat.PayAndNotifyAsync(http, no);
            return Results.Json(new { out_trade_no = no, kboss_status = status, kboss_body = body });
        });
        app.MapPost("/_fake/receiver/{**path}", async (HttpContext ctx) =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            hits.Enqueue(new
            {
                path = ctx.Request.Path.Value, body, event_id = ctx.Request.Headers["X-Kboss-Event-Id"].ToString(),
                signature = ctx.Request.Headers["X-Kboss-Signature"].ToString(),
            });
            return Results.Json(new { status = true, msg = "success" });
        });
        app.MapGet("/_fake/receiver", () => hits.ToArray());
        app.MapGet("/_fake/vendors/journal", () => vendors.Select(v => new
        {
            vendor = v.GetType().Name,
            calls = v.Journal.Select(c => new { method = c.Method, path = c.Path, action = c.Action }),
        }));
    }

    /// <summary>Shell <c>export</c> lines: kboss's configuration for this fake and the fake DingTalk app's keys.</summary>
    private static string Env(FakeDingTalk dingTalk, FakeWeChat weChat, string kboss)
    {
        var settings = new Dictionary<string, string>
        {
            ["Approval:DingTalk:ApiBaseUrl"] = dingTalk.BaseUrl, ["Approval:DingTalk:OapiBaseUrl"] = dingTalk.BaseUrl,
            ["Approval:CallbackAllowedHosts"] = "127.0.0.1", ["Approval:AllowPrivateCallbackAddresses"] = "true",
            // Cloud vendors: an operator saves a key whose endpoint is this fake (POST /vendor/save_credential.dspy)
            ["Vendors:EndpointAllowedHosts"] = "127.0.0.1", ["Vendors:AllowPrivateEndpoints"] = "true",
            // Money (issue 11): import_cluster for the fake Kubernetes API
            ["Cpcc:Features:ImportCluster"] = "true",
        };
        foreach (var (key, value) in weChat.Settings($"{kboss}/customer/weixpay_notify.dspy")) settings[key] = value;
        var sb = new StringBuilder();
        foreach (var (key, value) in settings) sb.Append($"export {key.Replace(":", "__")}='{value}'\n");
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["FAKE_DD_APP_KEY"] = FakeDingTalk.AppKey, ["FAKE_DD_APP_SECRET"] = FakeDingTalk.AppSecret,
                     ["FAKE_DD_AES_KEY"] = FakeDingTalk.AesKey, ["FAKE_DD_TOKEN"] = FakeDingTalk.EventToken,
                     ["FAKE_DD_FORM"] = FakeDingTalk.FormCode,
                     ["FAKE_VENDOR_ENDPOINT"] = dingTalk.BaseUrl,
                     ["FAKE_CDS_KEY_ID"] = FakeCds.AccessKeyId, ["FAKE_CDS_SECRET"] = FakeCds.Secret,
                     // UCloud (issue 15)
                     ["FAKE_UCLOUD_ENDPOINT"] = dingTalk.BaseUrl + FakeUCloud.Prefix,
                     ["FAKE_UCLOUD_PUBLIC_KEY"] = FakeUCloud.PublicKey, ["FAKE_UCLOUD_PRIVATE_KEY"] = FakeUCloud.PrivateKey,
                     // Baidu, JD Cloud, Jiajie, Casdao (issue 15)
                     ["FAKE_BAIDU_AK"] = FakeBaidu.AccessKey, ["FAKE_BAIDU_SK"] = FakeBaidu.SecretKey,
                     // Jinan HPC (issue 15)
                     ["FAKE_HPC_ENDPOINT"] = dingTalk.BaseUrl + FakeJinanHpc.Prefix,
                     ["FAKE_HPC_KEY_ID"] = FakeJinanHpc.AppKey, ["FAKE_HPC_SECRET"] = FakeJinanHpc.Secret,
                 })
            sb.Append($"export {name}='{value}'\n");
        return sb.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
