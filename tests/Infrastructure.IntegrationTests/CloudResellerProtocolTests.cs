using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Application.Vendors.Baidu;
using Kboss.Application.Vendors.JdCloud;
using Kboss.Application.Vendors.Jiajie;
using Kboss.Domain.Vendors;
using Kboss.Fakes.Vendors;
using Kboss.Infrastructure.Vendors;
using Kboss.Infrastructure.Vendors.Baidu;
using Kboss.Infrastructure.Vendors.JdCloud;
using Kboss.Infrastructure.Vendors.Jiajie;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// The signers of issue 15 against golden values computed independently with Python 3 (<c>hmac</c>, <c>hashlib</c>,
/// <c>urllib.parse.quote(s, safe='-_.~')</c>) from each vendor's published algorithm (ADR 0045), and the protocols
/// against their fakes: accepted signatures, vendor errors, faults.
/// </summary>
public sealed class CloudResellerSignatureTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Baidu BCE auth v1 (AK <c>0123456789abcdef0123456789abcdef</c>, SK
    /// <c>fedcba9876543210fedcba9876543210</c>, 2026-12-07T08:00:00Z, 1800 s).</summary>
    [Fact]
    public void Bce_v1_matches_golden_values()
    {
        BceSigner.Authorization("POST", "/v1/vs/account", [],
                [new("Host", "vs.baidubce.com"), new("Content-Type", "application/json; charset=utf-8"),
                    new("x-bce-date", "2026-12-07T08:00:00Z")],
                "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", At)
            .Should().Be("bce-auth-v1/0123456789abcdef0123456789abcdef/2026-12-07T08:00:00Z/1800/"
                         + "content-type;host;x-bce-date/"
                         + "ea8169fce1ac914130bb493056202807321a021f6e9a9888a05b38983feea011");
        BceSigner.Authorization("GET", "/v1/some path/中", [new("b", "x y"), new("a", "1"), new("c", "")],
                [new("host", "vs.baidubce.com")],
                "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210", At)
            .Should().EndWith("/host/579aafa3ad2bf7900bc9ea9bf9ba00f1a0f245a7f49d6c5d8366d5d2e07176b7");
        BceSigner.CanonicalUri("/v1/some path/中").Should().Be("/v1/some%20path/%E4%B8%AD");
        BceSigner.Encode("a-_.~ +*/").Should().Be("a-_.~%20%2B%2A%2F");
    }

    /// <summary>JDCLOUD2-HMAC-SHA256 (AK <c>JDC_TEST_AK</c>, SK <c>jd-test-secret</c>, 20261207T080000Z, nonce
    /// <c>nonce-0001</c>, body <c>{"mobile":"13800000000"}</c>; Python: SigV4 with JD's constants).</summary>
    [Fact]
    public void Jdcloud2_matches_the_golden_value()
    {
        JdSigner.Authorization("POST", "/jd/v1/regions/cn-north-1/partner/customer/check", [],
                [new("host", "127.0.0.1:5090"), new("content-type", "application/json"),
                    new("x-jdcloud-date", "20261207T080000Z"), new("x-jdcloud-nonce", "nonce-0001")],
                "{\"mobile\":\"13800000000\"}", "cn-north-1", "partner", "JDC_TEST_AK", "jd-test-secret", At)
            .Should().Be("JDCLOUD2-HMAC-SHA256 Credential=JDC_TEST_AK/20261207/cn-north-1/partner/jdcloud2_request, "
                         + "SignedHeaders=content-type;host;x-jdcloud-date;x-jdcloud-nonce, "
                         + "Signature=ef728cfd898b6b3d5431579861b616df728874dca5df1fc2e773c63c7b983dda");
    }

    /// <summary>The partner HMAC of Jiajie and Casdao (secret <c>partner-test-secret</c>, timestamp
    /// 1796630400).</summary>
    [Fact]
    public void Partner_signature_matches_the_golden_value()
    {
        PartnerSignature.Sign("POST", "/casdao-api/api/v1/user/exists", "1796630400", "nonce-0001",
                "{\"username\":\"alice\"}", "partner-test-secret")
            .Should().Be("08127dbc5fa8176dc413a9fc5af75e070cbf4ff96d93f4f5942964c1ccbfcdc4");
    }

    /// <summary>Alibaba RPC v1 of a DescribeRegions GET (id <c>testid</c>, secret <c>testsecret</c>).</summary>
    [Fact]
    public void Aliyun_describe_regions_request_matches_the_golden_signature()
    {
        var protocol = new AliyunProtocol(new VendorHost("Aliyun", "https://ecs.aliyuncs.com", VendorLimits.Default),
            new FixedClock(At), new FixedNonces());
        var request = protocol.Build(new VendorKey("org", "testid", "testsecret", null),
            JiajieCalls.DescribeRegions(null, null, "zh-CN"));
        request.RequestUri!.Query.Should().Contain("Signature=" + Uri.EscapeDataString("zS1C0vlUzPtysb1rN9fNS/5miTE="))
            .And.NotContain("InstanceChargeType");
    }

    internal sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    internal sealed class FixedNonces : INonceGenerator
    {
        public string Next() => "nonce-0001";
    }
}

/// <summary>The protocols against their fakes through <see cref="VendorApi"/>.</summary>
public sealed class CloudResellerApiTests : IAsyncLifetime
{
    private readonly FakeBaidu _baidu = new();
    private readonly FakeJd _jd = new();
    private readonly FakeJiajie _jiajie = new();
    private readonly FakeCasdao _casdao = new();

    public async Task InitializeAsync()
    {
        foreach (var f in new Kboss.Fakes.FakeServer[] { _baidu, _jd, _jiajie, _casdao }) await f.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var f in new Kboss.Fakes.FakeServer[] { _baidu, _jd, _jiajie, _casdao }) await f.DisposeAsync();
    }

    private static VendorApi Api(double timeoutSeconds = 3)
    {
        VendorHost Host(string name) => new(name, "", new VendorLimits(TimeSpan.FromSeconds(timeoutSeconds), 1));
        var nonces = new GuidNonceGenerator();
        return new VendorApi(new HttpClient(),
        [
            new BaiduProtocol(Host("Baidu"), TimeProvider.System),
            new JdProtocol(Host("JdCloud"), TimeProvider.System, nonces),
            new AliyunProtocol(Host("Aliyun"), TimeProvider.System, nonces),
            new PartnerProtocol(VendorCodes.Jiajie, Host("Jiajie"), TimeProvider.System, nonces),
            new PartnerProtocol(VendorCodes.Casdao, Host("Casdao"), TimeProvider.System, nonces),
        ]);
    }

    private VendorKey Baidu(string? secret = null) => new("op", FakeBaidu.AccessKey, secret ?? FakeBaidu.SecretKey,
        _baidu.BaseUrl);

    [Fact]
    public async Task Baidu_accepts_the_signature_and_answers_orders_errors_and_faults()
    {
        var created = await Api().SendAsync(VendorCodes.Baidu, Baidu(), BaiduCalls.CreateAccount("acct-1", null,
            "13800000000", "personal"), default);
        var account = VendorJson.Str(created.Data, "accountId")!;
        account.Should().Be(_baidu.Accounts["acct-1"]);
        _baidu.PlaceOrder(account, 12.5m);
        var list = await Api().SendAsync(VendorCodes.Baidu, Baidu(), BaiduCalls.ListOrders(account, 1), default);
        (list.Success, VendorJson.Long(list.Data, "totalCount")).Should().Be((true, 1));

        var wrong = await Api().SendAsync(VendorCodes.Baidu, Baidu("not-the-secret"),
            BaiduCalls.ListOrders(account, 1), default);
        (wrong.ErrorKind, wrong.VendorCode, wrong.OutcomeUnknown).Should()
            .Be((VendorErrorKind.Auth, "SignatureDoesNotMatch", false));
        var twice = await Api().SendAsync(VendorCodes.Baidu, Baidu(), BaiduCalls.CreateAccount("acct-1", null, null,
            null), default);
        (twice.VendorCode, twice.Message).Should().Be(("AccountAlreadyExists", "account name already exists"));

        _baidu.Inject("POST /v1/order/pay", new Fault.HtmlPage());
        var garbled = await Api().SendAsync(VendorCodes.Baidu, Baidu(), BaiduCalls.PayOrder(account, "x"), default);
        (garbled.ErrorKind, garbled.OutcomeUnknown).Should().Be((VendorErrorKind.Unavailable, true));
        _baidu.Inject("POST /v1/order/pay", new Fault.Delay(TimeSpan.FromSeconds(3)));
        var slow = await Api(1).SendAsync(VendorCodes.Baidu, Baidu(), BaiduCalls.PayOrder(account, "x"), default);
        (slow.ErrorKind, slow.OutcomeUnknown).Should().Be((VendorErrorKind.Timeout, true));
        _baidu.Journal.Count(c => c.Path == "/v1/order/pay").Should().Be(2, "a paying call is never retried");
    }

    [Fact]
    public async Task Jd_accepts_the_signature_and_checks_the_sms_code()
    {
        var key = new VendorKey("op", FakeJd.AccessKey, FakeJd.SecretKey, _jd.Endpoint);
        (await Api().SendAsync(VendorCodes.JdCloud, key, JdCalls.SendCode("13900000001"), default)).Success
            .Should().BeTrue();
        var wrongCode = await Api().SendAsync(VendorCodes.JdCloud, key,
            JdCalls.CreateCustomer("u", "13900000001", "000000x"), default);
        (wrongCode.VendorCode, wrongCode.Message).Should().Be(("INVALID_VERIFY_CODE", "验证码错误"));
        var created = await Api().SendAsync(VendorCodes.JdCloud, key,
            JdCalls.CreateCustomer("u", "13900000001", _jd.Codes["13900000001"].Code), default);
        VendorJson.Str(created.Data, "pin").Should().Be(_jd.Customers["13900000001"]);
        var bad = await Api().SendAsync(VendorCodes.JdCloud, key with { Secret = "wrong" },
            JdCalls.CheckMobile("13900000001"), default);
        (bad.ErrorKind, bad.VendorCode).Should().Be((VendorErrorKind.Auth, "SIGNATURE_DOES_NOT_MATCH"));
    }

    [Fact]
    public async Task Jiajie_aliyun_and_casdao_accept_their_signatures()
    {
        var jiajie = new VendorKey("op", FakeJiajie.AccessKey, FakeJiajie.Secret, _jiajie.Endpoint);
        var synced = await Api().SendAsync(VendorCodes.Jiajie, jiajie, JiajieCalls.SyncUser("u1", "alice", "o1"),
            default);
        VendorJson.Str(synced.Data, "accountId").Should().Be(_jiajie.Users["u1"]);
        (await Api().SendAsync(VendorCodes.Jiajie, jiajie with { Secret = "x" }, JiajieCalls.SyncUser("u2", "b", "o"),
            default)).ErrorKind.Should().Be(VendorErrorKind.Auth);

        var aliyun = new VendorKey("op", FakeJiajie.AliyunKeyId, FakeJiajie.AliyunSecret, _jiajie.AliyunEndpoint);
        var regions = await Api().SendAsync(VendorCodes.Aliyun, aliyun, JiajieCalls.DescribeRegions(null, null, null),
            default);
        VendorJson.Items(VendorJson.Get(regions.Data, "Regions"), "Region").Should().HaveCount(2);
        var prepaid = await Api().SendAsync(VendorCodes.Aliyun, aliyun,
            JiajieCalls.DescribeRegions("PrePaid", null, null), default);
        (prepaid.ErrorKind, prepaid.VendorCode).Should().Be((VendorErrorKind.Validation, "InvalidPayMethod"));

        var casdao = new VendorKey("op", FakeCasdao.AccessKey, FakeCasdao.Secret, _casdao.Endpoint);
        var exists = await Api().SendAsync(VendorCodes.Casdao, casdao, VendorRequest.Read("UserExists",
            "/api/v1/user/exists", new JsonObject { ["username"] = "casdao_demo" }), default);
        VendorJson.Str(exists.Data, "exists").Should().Be("true");
        _casdao.Inject("exists", new Fault.ServerError());
        var down = await Api().SendAsync(VendorCodes.Casdao, casdao, VendorRequest.Read("UserExists",
            "/api/v1/user/exists", new JsonObject { ["username"] = "x" }), default);
        down.Success.Should().BeTrue("a read-only call is retried once after a 5xx");
    }
}
