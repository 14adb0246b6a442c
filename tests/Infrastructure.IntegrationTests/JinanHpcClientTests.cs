using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Application.Vendors.JinanHpc;
using Kboss.Fakes.Vendors;
using Kboss.Infrastructure.Vendors;
using Kboss.Infrastructure.Vendors.JinanHpc;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// The Jinan HPC signature against golden values (computed independently with Python's hmac/hashlib) and the client
/// against <see cref="FakeJinanHpc"/>: the fake accepts kboss's signature and refuses a wrong secret, answers are
/// read, faults are classified, and a purchase is sent exactly once while reads are retried.
/// </summary>
public sealed class JinanHpcClientTests(Started<FakeJinanHpc> started) : IClassFixture<Started<FakeJinanHpc>>
{
    private FakeJinanHpc fake => started.Fake;
    private static readonly DateTimeOffset At = new(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    private sealed class FixedNonces : INonceGenerator
    {
        public string Next() => "nonce-0001";
    }

    private static readonly HpcPurchase Purchase = new("sync-1", "org-1", "jn-cpu-1000", 2, "u1", "c1", "q1");

    [Fact]
    public void Signature_matches_the_golden_values()
    {
        const string body = "{\"order_no\":\"sync-1\",\"customer_id\":\"org-1\",\"product_id\":\"jn-cpu-1000\"," +
                            "\"quantity\":2,\"ldapuid\":\"u1\",\"clustercode\":\"c1\",\"queuecode\":\"q1\"}";
        var text = JinanHpcSignature.StringToSign("POST", "/api/v1/purchases", [], "1796652000", "nonce-0001", body);
        text.Should().Be("POST\n/api/v1/purchases\n\n1796652000\nnonce-0001\n" +
                         "b9a7712cabdcdcb156f44fba0cfe9cc32acd41c016f91b54049d3df6d7858996");
        JinanHpcSignature.Sign("testsecret", text)
            .Should().Be("bf5bd60fa8c2a0baa5f4ce22c130db6525fc3daf0b0f319d1ac3246df0f22ac3");
        var query = new Dictionary<string, string> { ["b"] = "1", ["a"] = "测 *" };
        JinanHpcSignature.Sign("testsecret", JinanHpcSignature.StringToSign("GET", "/api/v1/products", query,
                "1796652000", "nonce-0001", ""))
            .Should().Be("3fc4759deb370fc0139aa4c89e12d5a3ec738bb7ad7ba2dfe8f6365f1ea8d817");
    }

    [Fact]
    public async Task Built_request_is_the_golden_one()
    {
        using var request = Client(new FixedClock(At)).Build(new VendorKey("op", "appkey", "testsecret",
            "https://hpc.example/jn/"), HttpMethod.Post, "/api/v1/purchases", new JsonObject
        {
            ["order_no"] = "sync-1", ["customer_id"] = "org-1", ["product_id"] = "jn-cpu-1000", ["quantity"] = 2,
            ["ldapuid"] = "u1", ["clustercode"] = "c1", ["queuecode"] = "q1",
        });
        request.RequestUri!.ToString().Should().Be("https://hpc.example/jn/api/v1/purchases");
        request.Headers.GetValues("X-Hpc-AppKey").Single().Should().Be("appkey");
        request.Headers.GetValues("X-Hpc-Timestamp").Single().Should().Be("1796652000");
        request.Headers.GetValues("X-Hpc-Sign").Single()
            .Should().Be("bf5bd60fa8c2a0baa5f4ce22c130db6525fc3daf0b0f319d1ac3246df0f22ac3");
        (await request.Content!.ReadAsStringAsync()).Should().Contain("\"order_no\":\"sync-1\"");
    }

    [Fact]
    public async Task The_fake_accepts_kboss_signatures_and_refuses_a_wrong_secret()
    {
        var products = await Client().ListProductsAsync(Key(), default);
        products.Success.Should().BeTrue($"{products.ErrorKind} {products.HttpStatus} {products.Message}");
        products.Data!.Single(p => p.ProductId == "jn-cpu-1000").Price.Should().Be(80m);
        var wrong = await Client().ListProductsAsync(Key() with { Secret = "wrong" }, default);
        (wrong.ErrorKind, wrong.VendorCode, wrong.OutcomeUnknown).Should().Be((VendorErrorKind.Auth, "1001", false));
        var sign = await Client().GetSignAsync(Key(), "user-1", "张三", "u1", default);
        sign.Success.Should().BeTrue();
        fake.Signs[sign.Data!.Sign].Should().Be("u1");
        sign.Data.ToString().Should().NotContain(sign.Data.Sign);
    }

    [Fact]
    public async Task A_purchase_is_recorded_once_per_order_and_found_later()
    {
        var order = Purchase with { SyncInfoId = "sync-" + Guid.NewGuid().ToString("N") };
        var first = await Client().SyncPurchaseAsync(Key(), order, default);
        var second = await Client().SyncPurchaseAsync(Key(), order, default);
        first.Success.Should().BeTrue(first.Message);
        second.Data!.VendorRef.Should().Be(first.Data!.VendorRef);
        (await Client().FindPurchaseAsync(Key(), order.SyncInfoId, default)).Data!.VendorRef
            .Should().Be(first.Data.VendorRef);
        var none = await Client().FindPurchaseAsync(Key(), "nope", default);
        (none.ErrorKind, none.OutcomeUnknown).Should().Be((VendorErrorKind.NotFound, false));
    }

    [Fact]
    public async Task Faults_are_classified_and_only_reads_are_retried()
    {
        fake.Inject("GET products", new Fault.ServerError());
        (await Client().ListProductsAsync(Key(), default)).Success.Should().BeTrue(); // retried
        var order = Purchase with { SyncInfoId = "sync-" + Guid.NewGuid().ToString("N") };
        fake.Inject("POST purchases", new Fault.ServerError());
        var failed = await Client().SyncPurchaseAsync(Key(), order, default);
        (failed.ErrorKind, failed.OutcomeUnknown).Should().Be((VendorErrorKind.Unavailable, true));
        fake.Journal.Count(c => c.Body.Contains(order.SyncInfoId)).Should().Be(1);
        fake.Inject("POST purchases", new Fault.MalformedJson());
        (await Client().SyncPurchaseAsync(Key(), order, default)).ErrorKind.Should().Be(VendorErrorKind.Malformed);
        fake.Inject("POST purchases", new Fault.Delay(TimeSpan.FromSeconds(5)));
        var late = await Client().SyncPurchaseAsync(Key(), order, default);
        (late.ErrorKind, late.OutcomeUnknown).Should().Be((VendorErrorKind.Timeout, true));
        fake.Inject("POST sso sign", new Fault.HtmlPage());
        (await Client().GetSignAsync(Key(), "u", "n", "u1", default)).ErrorKind
            .Should().Be(VendorErrorKind.Unavailable);
        var unknownAccount = await Client().SyncPurchaseAsync(Key(), order with { LdapUid = "ghost" }, default);
        unknownAccount.Success.Should().BeTrue(); // the fake knows every account unless told otherwise
        fake.UnknownAccounts["ghost2"] = true;
        var refused = await Client().SyncPurchaseAsync(Key(), Purchase with
        {
            SyncInfoId = "sync-" + Guid.NewGuid().ToString("N"), LdapUid = "ghost2",
        }, default);
        (refused.ErrorKind, refused.Message).Should().Be((VendorErrorKind.NotFound, "账号不存在"));
    }

    private VendorKey Key() => new("op", FakeJinanHpc.AppKey, FakeJinanHpc.Secret, fake.Endpoint);

    private static JinanHpcClient Client(TimeProvider? clock = null) => new(new HttpClient(),
        new JinanHpcSettings("https://hpc.invalid", new VendorLimits(TimeSpan.FromSeconds(3), 2)),
        clock ?? TimeProvider.System, new FixedNonces());
}
