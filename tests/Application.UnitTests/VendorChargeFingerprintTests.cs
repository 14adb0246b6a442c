using System.Text.Json.Nodes;
using Kboss.Application.Vendors.Charges;

namespace Kboss.Application.UnitTests;

public sealed class VendorChargeFingerprintTests
{
    private static string Of(string json) => VendorChargeFingerprint.Of("cds.create_eip", JsonNode.Parse(json));

    [Fact]
    public void Order_spacing_number_format_and_empty_values_do_not_change_it()
    {
        var a = Of("""{"Region":"CN_Beijing_A","Bandwidth":5,"Tags":[{"k":"a","v":1}]}""");
        Of("""{ "Bandwidth": "5.00", "Tags":[{"v":1.0,"k":" a "}], "Region":" CN_Beijing_A ", "Note": "" }""")
            .Should().Be(a);
        VendorChargeFingerprint.Of("cds.create_eip", new JsonObject
        {
            ["Bandwidth"] = 5m, ["Region"] = "CN_Beijing_A", ["Tags"] = new JsonArray(new JsonObject { ["k"] = "a", ["v"] = 1 }),
        }).Should().Be(a);
    }

    [Theory]
    [InlineData("""{"Region":"CN_Beijing_A","Bandwidth":6,"Tags":[{"k":"a","v":1}]}""")]
    [InlineData("""{"Region":"CN_Beijing_B","Bandwidth":5,"Tags":[{"k":"a","v":1}]}""")]
    [InlineData("""{"Region":"CN_Beijing_A","Bandwidth":5,"Tags":[{"k":"a","v":1},{"k":"b","v":1}]}""")]
    [InlineData("""{"Region":"CN_Beijing_A","Bandwidth":5}""")]
    public void Any_real_difference_changes_it(string other) =>
        Of(other).Should().NotBe(Of("""{"Region":"CN_Beijing_A","Bandwidth":5,"Tags":[{"k":"a","v":1}]}"""));

    [Fact]
    public void The_action_is_part_of_it() =>
        VendorChargeFingerprint.Of("cds.create_bandwidth", JsonNode.Parse("{}"))
            .Should().NotBe(VendorChargeFingerprint.Of("cds.create_eip", JsonNode.Parse("{}")));
}
