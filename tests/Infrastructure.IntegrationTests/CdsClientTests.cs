using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Application.Vendors.CapitalOnline;
using Kboss.Fakes.Vendors;
using Kboss.Infrastructure.Vendors;
using Kboss.Infrastructure.Vendors.CapitalOnline;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// The RPC HMAC-SHA1 signer against golden values (computed independently with Python's hmac/urllib) and the CDS
/// client against <see cref="FakeCds"/>: signatures, alias-tolerant answers, faults classified, read-only calls
/// retried and changes sent exactly once.
/// </summary>
public sealed class CdsClientTests(Started<FakeCds> started) : IClassFixture<Started<FakeCds>>
{
    private FakeCds fake => started.Fake;

    private static readonly DateTimeOffset At = new(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => At;
    }

    private sealed class FixedNonces : INonceGenerator
    {
        public string Next() => "nonce-0001";
    }

    private static Dictionary<string, string> Common(string action) => new()
    {
        ["Action"] = action, ["AccessKeyId"] = "testid", ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureNonce"] = "nonce-0001", ["SignatureVersion"] = "1.0", ["Timestamp"] = "2026-12-07T14:00:00Z",
        ["Version"] = "2019-08-08",
    };

    [Fact]
    public void Post_signature_matches_the_golden_value()
    {
        var p = Common("DescribeVPC");
        RpcSignature.StringToSign("POST", p).Should().Be(
            "POST&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeVPC%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D" +
            "nonce-0001%26SignatureVersion%3D1.0%26Timestamp%3D2026-12-07T14%253A00%253A00Z%26Version%3D2019-08-08");
        RpcSignature.Sign("POST", p, "testsecret").Should().Be("wPKlN3jVtPj+plZNI5qPCM5+A1I=");
    }

    [Fact]
    public void Get_signature_encodes_utf8_spaces_and_stars_like_rfc3986()
    {
        var p = Common("DescribeSecurityGroups");
        p["Keyword"] = "测试 sg*";
        p["PageNumber"] = "1";
        RpcSignature.Sign("GET", p, "testsecret").Should().Be("ezoCUJ0rAJ9Gg5nXobv6hg0E08Y=");
        RpcSignature.Verify("GET", p, "testsecret", "ezoCUJ0rAJ9Gg5nXobv6hg0E08Y=").Should().BeTrue();
        RpcSignature.Verify("GET", p, "othersecret", "ezoCUJ0rAJ9Gg5nXobv6hg0E08Y=").Should().BeFalse();
    }

    [Fact]
    public void Built_request_carries_the_common_parameters_with_the_fixed_clock_and_nonce()
    {
        var client = Client();
        using var request = client.Build(Key(), CdsActions.DescribeVpc, new JsonObject { ["RegionCode"] = "CN_Beijing_A" });
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        query["Timestamp"].Should().Be("2026-12-07T14:00:00Z");
        query["SignatureNonce"].Should().Be("nonce-0001");
        query["Version"].Should().Be("2019-08-08");
        query["RegionCode"].Should().BeNull("a POST action's parameters are the unsigned JSON body");
        request.Method.Should().Be(HttpMethod.Post);
        request.RequestUri.AbsolutePath.Should().Be("/vpc/");
    }

    [Fact]
    public async Task A_create_is_signed_accepted_and_the_answer_read()
    {
        var r = await Client(TimeProvider.System).SendAsync(Key(), CdsActions.CreateVpc, VpcBody("甲"), default);
        r.Success.Should().BeTrue(r.Message);
        VendorJson.Str(r.Data!.Data, "VPCId").Should().StartWith("vpc-");
        r.Data.TaskId.Should().StartWith("task-");
        r.Message.Should().Be("您的VPC创建任务已下发成功!");
    }

    [Fact]
    public async Task Lower_case_answer_keys_are_read_too()
    {
        fake.LowerCaseKeys = true;
        try
        {
            var r = await Client(TimeProvider.System).SendAsync(Key(), CdsActions.DescribeVpc,
                new JsonObject { ["RegionCode"] = "CN_Beijing_A" }, default);
            r.Success.Should().BeTrue();
            r.Message.Should().Be("成功");
            r.Data!.Data.Should().NotBeNull();
        }
        finally
        {
            fake.LowerCaseKeys = false;
        }
    }

    [Fact]
    public async Task A_wrong_secret_is_an_auth_failure()
    {
        var r = await Client(TimeProvider.System).SendAsync(Key() with { Secret = "wrong" }, CdsActions.DescribeVpc,
            new JsonObject { ["RegionCode"] = "CN_Beijing_A" }, default);
        r.Success.Should().BeFalse();
        r.ErrorKind.Should().Be(VendorErrorKind.Auth);
        r.OutcomeUnknown.Should().BeFalse();
    }

    [Fact]
    public async Task A_vendor_error_answer_is_a_known_failure_with_the_vendor_message()
    {
        var r = await Client(TimeProvider.System).SendAsync(Key(), CdsActions.DeleteVpc,
            new JsonObject { ["VPCId"] = "vpc-missing" }, default);
        r.ErrorKind.Should().Be(VendorErrorKind.NotFound);
        r.VendorCode.Should().Be("ResourceNotFound");
        r.OutcomeUnknown.Should().BeFalse();
        r.Describe("首都云").Should().Contain("资源不存在");
    }

    [Theory]
    [InlineData("500", VendorErrorKind.Unavailable, true)]
    [InlineData("html", VendorErrorKind.Unavailable, true)]
    [InlineData("malformed", VendorErrorKind.Malformed, true)]
    [InlineData("reset", VendorErrorKind.Unknown, true)]
    [InlineData("delay", VendorErrorKind.Timeout, true)]
    public async Task Faults_on_a_create_are_classified_and_never_retried(string fault, VendorErrorKind kind, bool unknown)
    {
        var name = "fault-" + fault;
        fake.Inject("CreateVPC", Make(fault));
        var before = fake.CallsOf("CreateVPC").Count;
        var r = await Client(TimeProvider.System).SendAsync(Key(), CdsActions.CreateVpc, VpcBody(name), default);
        r.Success.Should().BeFalse();
        r.ErrorKind.Should().Be(kind);
        r.OutcomeUnknown.Should().Be(unknown);
        fake.CallsOf("CreateVPC").Count.Should().Be(before + 1, "a create is never retried");
    }

    [Fact]
    public async Task A_read_is_retried_after_a_fault_and_then_succeeds()
    {
        fake.Inject("DescribeSubnet", new Fault.ServerError());
        fake.Inject("DescribeSubnet", new Fault.Reset());
        var before = fake.CallsOf("DescribeSubnet").Count;
        var r = await Client(TimeProvider.System).SendAsync(Key(), CdsActions.DescribeSubnet,
            new JsonObject { ["RegionCode"] = "CN_Beijing_A" }, default);
        r.Success.Should().BeTrue(r.Message);
        fake.CallsOf("DescribeSubnet").Count.Should().Be(before + 3);
    }

    [Fact]
    public async Task A_refused_connection_is_a_known_unavailable_failure()
    {
        var r = await Client(TimeProvider.System).SendAsync(Key() with { Endpoint = "http://127.0.0.1:1" },
            CdsActions.CreateVpc, VpcBody("x"), default);
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

    private static JsonObject VpcBody(string name) => new()
    {
        ["RegionCode"] = "CN_Beijing_A", ["VPCName"] = name, ["VPCSegment"] = "10.15.0.0/16",
        ["VPCSegmentType"] = "manual",
        ["SubnetList"] = new JsonArray(new JsonObject
        {
            ["AvailableZoneCode"] = "CN_Beijing_A", ["SubnetName"] = "s1", ["SubnetSegment"] = "10.15.1.0/24",
        }),
    };

    private VendorKey Key() => new("op", FakeCds.AccessKeyId, FakeCds.Secret, fake.BaseUrl);

    private static CdsClient Client(TimeProvider? clock = null) => new(new HttpClient(),
        new CdsSettings("https://cdsapi.invalid", "https://api.invalid", "2019-08-08",
            new VendorLimits(TimeSpan.FromSeconds(3), 2)), clock ?? new FixedClock(), new FixedNonces());
    // 3 s per attempt: a cold fake's first answer on a loaded 2-core CI machine took over 1 s once
}
