using Kboss.Application.Finance.CpccLocalisation;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.UnitTests;

/// <summary>The combination bundle of <c>spec_note</c> (CPC-04, ADR 0033).</summary>
public sealed class CpccBundleTests
{
    [Fact]
    public void A_full_bundle_parses_names_itself_and_sets_the_instance_resources()
    {
        var b = CpccBundle.TryParse("""
            {"cpu":{"model":"STANDARD","num":8},"memory":{"model":"STANDARD","num":"32"},
             "gpu":{"model":"A100-80G","num":1},"disk":[{"model":"SYS","num":100},{"model":"DATA","num":50}]}
            """)!;
        b.Name().Should().Be("A100-80G×1 / 8核 / 32Gi");
        var c = new InstanceConfig { SourceReplicasetnum = 3 };
        b.ApplyTo(c);
        (c.CpuModel, c.SourceCpurate, c.SourceMemrate, c.SourceGpu, c.GpuModel, c.DiskSysLimit, c.SourceStoragelimits,
            c.SourceReplicasetnum).Should().Be(("STANDARD", "8", "32Gi", 1, "A100-80G", "100Gi", "50Gi", 1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"memory\":{\"num\":1}}")] // no cpu
    [InlineData("{\"cpu\":{\"num\":0}}")]
    [InlineData("{\"cpu\":{\"num\":100001}}")]
    [InlineData("{\"cpu\":{\"num\":1},\"fpga\":{\"num\":1}}")]
    [InlineData("{\"cpu\":{\"num\":1},\"disk\":{\"model\":\"SSD\",\"num\":1}}")]
    [InlineData("{\"cpu\":{\"num\":1},\"gpu\":\"A100\"}")]
    [InlineData("{\"cpu\":")]
    public void Malformed_bundles_are_refused(string? json) => CpccBundle.TryParse(json).Should().BeNull();

    [Fact]
    public void Duration_units_accept_chinese_and_english_names()
    {
        (CpccOffer.Unit("小时"), CpccOffer.Unit("Day"), CpccOffer.Unit(" month "), CpccOffer.Unit("年"))
            .Should().Be(("小时", "天", "月", null));
    }
}
