using System.Security.Cryptography;
using System.Text;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Infrastructure.WeChat;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>A clock that stands still (golden values).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>WeChat Pay v3 cryptography with golden values, and the adapter against <see cref="FakeWeChat"/>.</summary>
public sealed class WeChatPayTests(FakeWeChat fake) : IClassFixture<FakeWeChat>
{
    private WeChatPayClient Client(TimeProvider? clock = null, Action<Dictionary<string, string>>? change = null)
    {
        var settings = fake.Settings();
        change?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings!).Build();
        return new WeChatPayClient(new HttpClient(), WeChatPaySettings.From(configuration),
            clock ?? TimeProvider.System);
    }

    [Fact]
    public void Request_message_and_authorization_header_have_the_documented_shape()
    {
        // the example of WeChat's 签名生成 guide: GET /v3/certificates at 1554208460 with nonce 593BEC0C…
        WeChatPaySignature.RequestMessage("GET", "/v3/certificates", 1554208460, "593BEC0C930BF1AFEB40B4A08C8FB242", "")
            .Should().Be("GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n");
        WeChatPaySignature.RequestMessage("POST", "/v3/pay/transactions/native", 1554208460, "N", "{\"a\":1}")
            .Should().Be("POST\n/v3/pay/transactions/native\n1554208460\nN\n{\"a\":1}\n");
        WeChatPaySignature.AnswerMessage("1554209980", "c5ac7061fccab6bf3e254dcf98995b8c", "{\"data\":[]}")
            .Should().Be("1554209980\nc5ac7061fccab6bf3e254dcf98995b8c\n{\"data\":[]}\n");
        WeChatPaySignature.JsapiMessage("wx8888888888888888", "1414561699", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
                "prepay_id=wx201410272009395522657a690389285100")
            .Should().Be("wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\n" +
                         "prepay_id=wx201410272009395522657a690389285100\n");
        WeChatPaySignature.Authorization("1900009191", "1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C", 1554208460,
                "593BEC0C930BF1AFEB40B4A08C8FB242", "SIG==")
            .Should().Be("WECHATPAY2-SHA256-RSA2048 mchid=\"1900009191\"," +
                         "nonce_str=\"593BEC0C930BF1AFEB40B4A08C8FB242\",signature=\"SIG==\"," +
                         "timestamp=\"1554208460\",serial_no=\"1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C\"");
    }

    [Fact]
    public void Signatures_are_pkcs1_sha256_verifiable_with_the_public_key_alone_and_refuse_tampering()
    {
        using var key = RSA.Create(2048);
        using var publicOnly = RSA.Create();
        publicOnly.ImportFromPem(key.ExportSubjectPublicKeyInfoPem());
        var message = WeChatPaySignature.RequestMessage("GET", "/v3/certificates", 1554208460,
            "593BEC0C930BF1AFEB40B4A08C8FB242", "");
        var signature = WeChatPaySignature.Sign(key, message);

        signature.Should().Be(WeChatPaySignature.Sign(key, message), "PKCS#1 v1.5 signatures are deterministic");
        Convert.FromBase64String(signature).Should().HaveCount(256);
        publicOnly.VerifyHash(SHA256.HashData(Encoding.UTF8.GetBytes(message)), Convert.FromBase64String(signature),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).Should().BeTrue();
        WeChatPaySignature.Verify(publicOnly, message, signature).Should().BeTrue();
        WeChatPaySignature.Verify(publicOnly, message.Replace("GET", "PUT"), signature).Should().BeFalse();
        WeChatPaySignature.Verify(publicOnly, message, "not base64!").Should().BeFalse();
    }

    [Fact]
    public void Resource_decryption_matches_an_independent_aes_256_gcm_vector()
    {
        // computed with Python's cryptography (AESGCM) — not with this code
        const string ciphertext =
            "EdmDG6duFKbB7IkSoNSFvwgaJbBt1iUwZvjzzOwOVYUkGyACoCzg59pwq+5DGrPhKkuQ91SOhV6ziy5ZP516S7bsuE" +
            "WfWZYJ2p8Sf4gRbKb+MoWxgYWVhtIiDanil+lpwgRuLYt/tzYao2n56SIDJodr1x6cTlvjHW4SStEnEOXzynt3U" +
            "xh6EMje4b0OP3gisQHorzTHPDOZCOLM/bU8MKM0EjraUxYQLMAzl8z7ATKwBuge4Mpm+l5fCaxBtZi0BBPNlax4K" +
            "tVwUD96+Nd4WDmqLSoJlSIJIe9H5DqoSeL+8Ut1SIBH";
        var key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789ABCDEF");
        WeChatPaySignature.Decrypt(key, "transaction", "fixednonce12", ciphertext).Should().Be(
            "{\"mchid\":\"1900009191\",\"out_trade_no\":\"golden-order-0000001\",\"transaction_id\":" +
            "\"4200000000202612070000000001\",\"trade_state\":\"SUCCESS\"," +
            "\"success_time\":\"2026-12-07T20:00:00+08:00\"," +
            "\"amount\":{\"total\":100,\"currency\":\"CNY\"}}");
        var act = () => WeChatPaySignature.Decrypt(key, "transactioN", "fixednonce12", ciphertext);
        act.Should().Throw<CryptographicException>("the associated data is authenticated");
        FakeWeChat.Encrypt("0123456789abcdef0123456789ABCDEF", "transaction", "fixednonce12",
            WeChatPaySignature.Decrypt(key, "transaction", "fixednonce12", ciphertext)).Should().Be(ciphertext);
    }

    [Fact]
    public async Task Native_order_is_signed_as_wechat_checks_and_the_signed_answer_is_believed()
    {
        var placed = await Client().CreateOrderAsync(new WeChatPayOrder("nativeorder0000000001", 100, "账户充值",
            new DateTime(2026, 12, 7, 6, 0, 0, DateTimeKind.Utc), "NATIVE", null), default);

        placed.CodeUrl.Should().Be("weixin://wxpay/bizpayurl?pr=FAKEnativeorder0000000001");
        var call = fake.Calls.Last(c => c.PathAndQuery == "/v3/pay/transactions/native");
        call.SignatureOk.Should().BeTrue();
        call.Body.Should().Contain("\"time_expire\":\"2026-12-07T14:00:00+08:00\"").And
            .Contain("\"amount\":{\"total\":100,\"currency\":\"CNY\"}").And.Contain("\"mchid\":\"1900009191\"");
    }

    [Fact]
    public async Task Jsapi_order_returns_prepay_id_and_a_pay_sign_verifiable_with_the_merchant_public_key()
    {
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        var placed = await Client(clock).CreateOrderAsync(new WeChatPayOrder("jsapiorder00000000001", 1, "账户充值",
            DateTime.UtcNow.AddHours(2), "JSAPI", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), default);

        placed.PrepayId.Should().Be("wxjsapiorder00000000001");
        var j = placed.Jsapi!;
        (j.AppId, j.Package, j.SignType, j.TimeStamp).Should().Be((FakeWeChat.AppId,
            "prepay_id=wxjsapiorder00000000001",
            "RSA", clock.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        WeChatPaySignature.Verify(fake.MerchantKey, WeChatPaySignature.JsapiMessage(j.AppId, j.TimeStamp, j.NonceStr,
            j.Package),
            j.PaySign).Should().BeTrue();
    }

    [Fact]
    public async Task A_wrong_merchant_key_is_refused_by_wechat_as_a_known_failure()
    {
        using var other = RSA.Create(2048);
        var client = Client(change: s => s["WeChatPay:PrivateKey"] = other.ExportPkcs8PrivateKeyPem());
        var act = () => client.CreateOrderAsync(new WeChatPayOrder("wrongkey000000000001", 1, "x",
            DateTime.UtcNow.AddHours(1),
            "NATIVE", null), default);
        (await act.Should().ThrowAsync<OutsideCallException>()).Which.OutcomeUnknown.Should().BeFalse();
        fake.Calls.Last().SignatureOk.Should().BeFalse();
    }

    [Fact]
    public async Task An_unsigned_or_wrongly_signed_success_answer_is_not_believed()
    {
        var client = Client(change: s =>
        {
            using var other = RSA.Create(2048);
            s["WeChatPay:PlatformPublicKey"] = other.ExportSubjectPublicKeyInfoPem();
        });
        var act = () => client.CreateOrderAsync(new WeChatPayOrder("forged00000000000001", 1, "x",
            DateTime.UtcNow.AddHours(1),
            "NATIVE", null), default);
        (await act.Should().ThrowAsync<OutsideCallException>()).Which.OutcomeUnknown.Should().BeTrue();
    }

    [Fact]
    public async Task Query_reports_the_order_and_null_for_an_unknown_one_and_close_closes_it()
    {
        var client = Client();
        await client.CreateOrderAsync(new WeChatPayOrder("queryorder0000000001", 250, "x",
            DateTime.UtcNow.AddHours(1), "NATIVE", null), default);
        (await client.QueryOrderAsync("queryorder0000000001", default))!.TradeState.Should().Be("NOTPAY");
        fake.MarkPaid("queryorder0000000001");
        var paid = (await client.QueryOrderAsync("queryorder0000000001", default))!;
        (paid.TradeState, paid.TotalFen, paid.MchId).Should().Be(("SUCCESS", 250, FakeWeChat.MchId));
        paid.TransactionId.Should().NotBeNull();
        (await client.QueryOrderAsync("nosuchorder000000001", default)).Should().BeNull();

        await client.CreateOrderAsync(new WeChatPayOrder("closeorder0000000001", 1, "x", DateTime.UtcNow.AddHours(1),
            "NATIVE", null), default);
        await client.CloseOrderAsync("closeorder0000000001", default);
        fake.Orders["closeorder0000000001"].TradeState.Should().Be("CLOSED");
        var closePaid = () => client.CloseOrderAsync("queryorder0000000001", default);
        await closePaid.Should().ThrowAsync<OutsideCallException>();
    }

    [Fact]
    public async Task Notifications_are_verified_and_decrypted_and_refused_when_tampered_stale_or_foreign()
    {
        var client = Client();
        await client.CreateOrderAsync(new WeChatPayOrder("notifyorder000000001", 300, "x",
            DateTime.UtcNow.AddHours(1), "NATIVE", null), default);
        fake.MarkPaid("notifyorder000000001");
        var (headers, body) = fake.Notification("notifyorder000000001");

        var notice = client.VerifyNotification(headers, body);
        (notice.EventType, notice.Transaction.OutTradeNo, notice.Transaction.TotalFen, notice.Transaction.TradeState)
            .Should().Be(("TRANSACTION.SUCCESS", "notifyorder000000001", 300, "SUCCESS"));

        void Refused(IReadOnlyDictionary<string, string> h, string b) =>
            ((Action)(() => client.VerifyNotification(h, b))).Should().Throw<WeChatNotificationRejected>();
        Refused(headers, body.Replace("TRANSACTION.SUCCESS", "TRANSACTION.SUCCESX"));
        Refused(new Dictionary<string, string>(headers) { ["Wechatpay-Signature"] = "AAAA" }, body);
        var stale = fake.Notification("notifyorder000000001", at: DateTimeOffset.UtcNow.AddMinutes(-6));
        Refused(stale.Headers, stale.Body);
        var future = fake.Notification("notifyorder000000001", at: DateTimeOffset.UtcNow.AddMinutes(6));
        Refused(future.Headers, future.Body);
        var foreign = fake.Notification("notifyorder000000001", serial: "PUB_KEY_ID_SOMEONE_ELSE");
        Refused(foreign.Headers, foreign.Body);
        Refused(new Dictionary<string, string>(), body);
        // validly signed, but the ciphertext was not made with the APIv3 key
        var forgedBody = body.Replace("\"algorithm\":\"AEAD_AES_256_GCM\"",
            "\"algorithm\":\"AEAD_AES_256_GCM\",\"x\":1");
        var resigned = fake.SignedHeaders(forgedBody, DateTimeOffset.UtcNow);
        client.VerifyNotification(resigned, forgedBody).Transaction.TotalFen.Should().Be(300);
        var wrongKey = Client(change: s => s["WeChatPay:ApiV3Key"] = "ffffffffffffffffffffffffffffffff");
        ((Action)(() => wrongKey.VerifyNotification(headers, body))).Should().Throw<WeChatNotificationRejected>();
    }
}

/// <summary>The login adapter against <see cref="FakeWeChat"/>.</summary>
public sealed class WeChatAuthTests(FakeWeChat fake) : IClassFixture<FakeWeChat>
{
    private WeChatAuthClient Client() => new(new HttpClient(), WeChatAuthSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(fake.Settings()!).Build()));

    [Fact]
    public async Task Web_and_mini_program_codes_exchange_once_and_bad_codes_are_invalid_argument()
    {
        fake.Codes["web-code-1"] = ("openid-web-1", "union-1");
        fake.Codes["mini-code-1"] = ("openid-mini-1", null);
        var client = Client();

        (await client.ExchangeWebCodeAsync("web-code-1", default)).Should()
            .Be(new WeChatIdentity(FakeWeChat.AppId, "openid-web-1", "union-1"));
        (await client.ExchangeMiniProgramCodeAsync("mini-code-1", default)).Should()
            .Be(new WeChatIdentity(FakeWeChat.MiniAppId, "openid-mini-1", null));
        var again = () => client.ExchangeWebCodeAsync("web-code-1", default);
        var e = (await again.Should().ThrowAsync<OutsideCallException>()).Which;
        (e.Code, e.OutcomeUnknown).Should().Be(("invalid_argument", false));
    }

    [Fact]
    public void Without_app_id_and_secret_login_is_not_configured()
    {
        var client = new WeChatAuthClient(new HttpClient(),
            WeChatAuthSettings.From(new ConfigurationBuilder().Build()));
        client.WebAppId.Should().BeNull();
        client.MiniProgramConfigured.Should().BeFalse();
    }
}
