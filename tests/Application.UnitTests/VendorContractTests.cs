using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Application.Vendors.CapitalOnline;

namespace Kboss.Application.UnitTests;

/// <summary>The vendor contract's rules (ADR 0037): alias-tolerant reading, list parameters, outcome classes, CIDR
/// checks and the owned-list filter.</summary>
public sealed class VendorContractTests
{
    [Fact]
    public void Aliases_and_case_variants_are_read_in_order_of_preference()
    {
        var o = JsonNode.Parse("""{"code":"Success","Msg":"ok","Data":{"PolicyID":"p1","VPCNmae":"v","n":3}}""");
        VendorJson.Str(o, "Code").Should().Be("Success");
        VendorJson.Str(o, "Message", "Msg", "CodeMsg").Should().Be("ok");
        VendorJson.Str(VendorJson.Get(o, "Data"), "PolicyId").Should().Be("p1");
        VendorJson.Str(VendorJson.Get(o, "Data"), "VPCName", "VPCNmae").Should().Be("v");
        VendorJson.Long(VendorJson.Get(o, "Data"), "n").Should().Be(3);
        VendorJson.Str(o, "Data").Should().BeNull("an object is not text");
        VendorJson.Items(o, "Data").Should().BeEmpty();
    }

    [Theory]
    [InlineData("[\"eip-1\",\"eip-2\"]", 2)]
    [InlineData("eip-1, eip-2", 2)]
    [InlineData("", 0)]
    [InlineData("[\"eip-1\",1]", -1)]
    [InlineData("[\"eip-1\",\"\"]", -1)]
    [InlineData("{\"a\":1}", -1)]
    [InlineData("[\"a\"", -1)]
    [InlineData("a,,b", -1)]
    public void List_parameters_are_json_arrays_or_comma_lists(string raw, int count)
    {
        var list = VendorJson.ParseList(raw);
        if (count < 0) list.Should().BeNull();
        else list!.Count.Should().Be(count);
    }

    [Theory]
    [InlineData(VendorErrorKind.Timeout, null, null, true)]
    [InlineData(VendorErrorKind.Malformed, null, 200, true)]
    [InlineData(VendorErrorKind.Unknown, null, null, true)]
    [InlineData(VendorErrorKind.Unavailable, null, 502, true)]
    [InlineData(VendorErrorKind.Unavailable, null, null, false)]
    [InlineData(VendorErrorKind.Unknown, "SomeCode", 400, false)]
    [InlineData(VendorErrorKind.Validation, "InvalidParameter", 400, false)]
    public void Outcome_is_unknown_only_when_the_vendor_may_have_acted(VendorErrorKind kind, string? code, int? http,
        bool unknown) =>
        VendorResult<int>.Fail(kind, code, "m", http).OutcomeUnknown.Should().Be(unknown);

    [Fact]
    public void Failure_messages_name_the_system_and_keep_the_vendor_message()
    {
        VendorResult<int>.Fail(VendorErrorKind.Validation, "InvalidParameter", "The parameter is not valid.", 400)
            .Describe("首都云").Should().Be("首都云返回错误(InvalidParameter): The parameter is not valid.");
        VendorResult<int>.Fail(VendorErrorKind.Timeout, null, null, null).Describe("首都云")
            .Should().Be("首都云接口请求超时,请稍后重试");
    }

    [Theory]
    [InlineData("10.15.0.0/16", true)]
    [InlineData("10.15.0.1/16", false)]
    [InlineData("10.15.0.0", false)]
    [InlineData("fd00::/8", false)]
    [InlineData("x", false)]
    public void Cidrs_are_canonical_ipv4(string value, bool ok) => CdsRules.IsCidr(value).Should().Be(ok);

    [Theory]
    [InlineData("10.15.1.0/24", "10.15.0.0/16", true)]
    [InlineData("10.16.1.0/24", "10.15.0.0/16", false)]
    [InlineData("10.0.0.0/8", "10.15.0.0/16", false)]
    public void A_subnet_must_lie_inside_its_vpc(string inner, string outer, bool ok) =>
        CdsRules.Within(inner, outer).Should().Be(ok);

    [Fact]
    public void Owned_lists_keep_only_owned_ids_and_recount()
    {
        var data = JsonNode.Parse("""{"Total":3,"VPCList":[{"VPCId":"a"},{"VPCId":"b"},{"VPCId":"c"}]}""");
        var owned = CdsKinds.Vpc.Owned(data, new HashSet<string> { "b", "z" });
        owned["Total"]!.GetValue<int>().Should().Be(1);
        owned["VPCList"]!.AsArray().Single()!["VPCId"]!.GetValue<string>().Should().Be("b");
    }
}
