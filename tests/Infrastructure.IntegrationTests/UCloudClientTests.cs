using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Application.Vendors.UCloud;
using Kboss.Fakes.Vendors;
using Kboss.Infrastructure.Vendors;
using Kboss.Infrastructure.Vendors.UCloud;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// UCloud's signature against golden values and the UCloud client against <see cref="FakeUCloud"/>: signed form
/// posts, <c>RetCode</c> answers read alias-tolerantly, faults classified, read-only actions retried and changes sent
/// exactly once (analysis/vendors.md §4.1, §4.7).
/// </summary>
public sealed class UCloudClientTests(Started<FakeUCloud> started) : IClassFixture<Started<FakeUCloud>>
{
    private FakeUCloud fake => started.Fake;

    // Golden values computed independently with python3:
    //   import hashlib
    //   s = ''.join(k + p[k] for k in sorted(p)) + private_key
    //   hashlib.sha1(s.encode('utf-8')).hexdigest()
    [Fact]
    public void Signature_matches_the_golden_value()
    {
        var p = new Dictionary<string, string>
        {
            ["Action"] = "DescribeUHostInstance", ["Region"] = "cn-bj2", ["Limit"] = "10",
            ["PublicKey"] = "ucloudsomeone@example.com1296235120854146120",
        };
        const string privateKey = "46f09bb9fab4f12dfc160dae12273d5332b5debe";
        UCloudSignature.StringToSign(p, privateKey).Should().Be("ActionDescribeUHostInstanceLimit10PublicKey" +
            "ucloudsomeone@example.com1296235120854146120Regioncn-bj246f09bb9fab4f12dfc160dae12273d5332b5debe");
        UCloudSignature.Sign(p, privateKey).Should().Be("cba5cf5ec4d4233d206b1b54951e3787350a642f");
    }

    [Fact]
    public void Signature_of_utf8_values_and_array_keys_matches_the_golden_value_and_ignores_a_signature()
    {
        var p = new Dictionary<string, string>
        {
            ["Action"] = "CreateFirewall", ["Region"] = "cn-bj2", ["Name"] = "防火墙",
            ["Rule.0"] = "TCP|22|0.0.0.0/0|ACCEPT|HIGH|ssh", ["Rule.1"] = "UDP|53|10.0.0.0/8|DROP|LOW",
            ["PublicKey"] = "pk-α", ["Signature"] = "ignored",
        };
        UCloudSignature.Sign(p, "私钥-secret").Should().Be("266f5d573911792c0ecc8da996353a107eb30b29");
    }

    [Fact]
    public async Task Built_request_is_a_signed_form_post_to_the_api_root_with_array_keys()
    {
        using var request = Client().Build(Key(), UCloudActions.CreateFirewall,
            new UCloudParams().With("Region", "cn-bj2").WithList("Rule", ["TCP|22|0.0.0.0/0|ACCEPT|HIGH"]));
        request.Method.Should().Be(HttpMethod.Post);
        request.RequestUri!.AbsolutePath.Should().Be("/ucloud/");
        var form = System.Web.HttpUtility.ParseQueryString(await request.Content!.ReadAsStringAsync());
        form["Action"].Should().Be("CreateFirewall");
        form["PublicKey"].Should().Be(FakeUCloud.PublicKey);
        form["Rule.0"].Should().Be("TCP|22|0.0.0.0/0|ACCEPT|HIGH");
        var signed = form.AllKeys.Where(k => k != "Signature").ToDictionary(k => k!, k => form[k]!);
        form["Signature"].Should().Be(UCloudSignature.Sign(signed, FakeUCloud.PrivateKey));
    }

    [Fact]
    public void Objects_flatten_to_indexed_keys()
    {
        var p = new UCloudParams().WithObjects("Disks", (JsonArray)JsonNode.Parse(
            """[{"IsBoot":"True","Type":"CLOUD_SSD","Size":40},{"IsBoot":"False","Type":"CLOUD_RSSD","Size":100}]""")!);
        p.Should().Contain(new KeyValuePair<string, string>("Disks.0.Size", "40"))
            .And.Contain(new KeyValuePair<string, string>("Disks.1.Type", "CLOUD_RSSD"));
    }

    [Fact]
    public async Task A_create_is_accepted_and_the_answer_read_without_the_envelope()
    {
        var r = await Client().SendAsync(Key(), UCloudActions.CreateFirewall, FirewallParams("甲"), default);
        r.Success.Should().BeTrue(r.Message);
        VendorJson.Str(r.Data, "FWId").Should().StartWith("firewall-");
        r.Data!.ContainsKey("RetCode").Should().BeFalse();
        r.Data.ContainsKey("Action").Should().BeFalse();
    }

    [Fact]
    public void Answers_are_read_alias_tolerantly()
    {
        var ok = UCloudClient.Parse(new VendorHttpAnswer(200, """{"retcode":"0","action":"XResponse","UhostId":"u-1"}"""));
        ok.Success.Should().BeTrue();
        VendorJson.Str(ok.Data, "UHostId", "UhostId").Should().Be("u-1");
        ok.Data!.Count.Should().Be(1);
        var err = UCloudClient.Parse(new VendorHttpAnswer(200, """{"RetCode":8039,"Msg":"UHost [u-9] not exist"}"""));
        err.ErrorKind.Should().Be(VendorErrorKind.NotFound);
        err.VendorCode.Should().Be("8039");
        err.Message.Should().Be("UHost [u-9] not exist");
        UCloudClient.Parse(new VendorHttpAnswer(200, """{"Action":"X"}""")).ErrorKind
            .Should().Be(VendorErrorKind.Malformed);
    }

    [Fact]
    public async Task A_wrong_private_key_is_an_auth_failure()
    {
        var r = await Client().SendAsync(Key() with { Secret = "wrong" }, UCloudActions.DescribeEip,
            new UCloudParams().With("Region", "cn-bj2"), default);
        r.ErrorKind.Should().Be(VendorErrorKind.Auth);
        r.VendorCode.Should().Be("171");
        r.OutcomeUnknown.Should().BeFalse();
    }

    [Fact]
    public async Task A_vendor_error_is_a_known_failure_with_its_message()
    {
        var r = await Client().SendAsync(Key(), UCloudActions.DeleteFirewall,
            new UCloudParams().With("Region", "cn-bj2").With("FWId", "firewall-missing"), default);
        r.ErrorKind.Should().Be(VendorErrorKind.NotFound);
        r.OutcomeUnknown.Should().BeFalse();
        r.Describe("优刻得").Should().Contain("8021").And.Contain("not exist");
    }

    [Theory]
    [InlineData("500", VendorErrorKind.Unavailable)]
    [InlineData("html", VendorErrorKind.Unavailable)]
    [InlineData("malformed", VendorErrorKind.Malformed)]
    [InlineData("reset", VendorErrorKind.Unknown)]
    [InlineData("delay", VendorErrorKind.Timeout)]
    public async Task Faults_on_a_create_are_classified_unknown_and_never_retried(string fault, VendorErrorKind kind)
    {
        fake.Inject("CreateFirewall", Make(fault));
        var before = fake.CallsOf("CreateFirewall").Count;
        var r = await Client().SendAsync(Key(), UCloudActions.CreateFirewall, FirewallParams("f-" + fault), default);
        r.ErrorKind.Should().Be(kind);
        r.OutcomeUnknown.Should().BeTrue();
        fake.CallsOf("CreateFirewall").Count.Should().Be(before + 1, "a create is never retried");
    }

    [Fact]
    public async Task A_read_is_retried_after_faults_and_then_succeeds()
    {
        fake.Inject("DescribeImage", new Fault.ServerError());
        fake.Inject("DescribeImage", new Fault.Reset());
        var before = fake.CallsOf("DescribeImage").Count;
        var r = await Client().SendAsync(Key(), UCloudActions.DescribeImage,
            new UCloudParams().With("Region", "cn-bj2"), default);
        r.Success.Should().BeTrue(r.Message);
        fake.CallsOf("DescribeImage").Count.Should().Be(before + 3);
    }

    [Fact]
    public async Task A_refused_connection_is_a_known_unavailable_failure()
    {
        var r = await Client().SendAsync(Key() with { Endpoint = "http://127.0.0.1:1" }, UCloudActions.AllocateEip,
            new UCloudParams(), default);
        r.ErrorKind.Should().Be(VendorErrorKind.Unavailable);
        r.OutcomeUnknown.Should().BeFalse();
    }

    private static Fault Make(string fault) => fault switch
    {
        "500" => new Fault.ServerError(),
        "html" => new Fault.HtmlPage(),
        "malformed" => new Fault.MalformedJson(),
        "reset" => new Fault.Reset(),
        _ => new Fault.Delay(TimeSpan.FromSeconds(6)),
    };

    private static UCloudParams FirewallParams(string name) => new UCloudParams().With("Region", "cn-bj2")
        .With("Name", name).WithList("Rule", ["TCP|22|0.0.0.0/0|ACCEPT|HIGH|ssh"]);

    private VendorKey Key() => new("op", FakeUCloud.PublicKey, FakeUCloud.PrivateKey, fake.Endpoint);

    private static UCloudClient Client() => new(new HttpClient(),
        new UCloudSettings("https://api.invalid", new VendorLimits(TimeSpan.FromSeconds(3), 2)));
}
