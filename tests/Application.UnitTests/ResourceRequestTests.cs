using Kboss.Application.Common.Models;
using Kboss.Application.Cpcc.Widgets;

namespace Kboss.Application.UnitTests;

public sealed class ResourceRequestTests
{
    [Fact]
    public void Parses_the_spec_request()
    {
        const string json = """[{"type":"cpu","model":"INTEL(R) XEON(R) PLATINUM 8582C","amount":4},{"type":"memory","model":"Samsung DDR4 DIMMs","amount":8192},{"type":"disk","model":"DATA","amount":512},{"type":"gpu","model":"RTX5090-32G","amount":2}]""";
        ResourceRequest.TryParse(json, out var lines).Should().BeTrue();
        lines.Select(l => (l.Type, l.Model, l.Amount)).Should().Equal(
            ("cpu", "INTEL(R) XEON(R) PLATINUM 8582C", 4L), ("memory", "Samsung DDR4 DIMMs", 8192L), ("disk", "DATA", 512L), ("gpu", "RTX5090-32G", 2L));
    }

    [Theory]
    [InlineData("""[{"type":"gpu","amount":"3"}]""", "STANDARD", 3L)]
    [InlineData("""[{"type":"gpu","model":"A","amount":0}]""", "A", null)]
    [InlineData("""[{"type":"gpu","model":"A","amount":-1}]""", "A", null)]
    [InlineData("""[{"type":"gpu","model":"A","amount":2.5}]""", "A", null)]
    [InlineData("""[{"type":"gpu","model":"A"}]""", "A", null)]
    [InlineData("""[{"type":"gpu","model":"A","amount":"1e3"}]""", "A", null)]
    public void Defaults_the_model_and_rejects_non_positive_integer_amounts(string json, string model, long? amount)
    {
        ResourceRequest.TryParse(json, out var lines).Should().BeTrue();
        lines.Single().Model.Should().Be(model);
        lines.Single().Amount.Should().Be(amount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("[{\"type\":")]
    public void Rejects_what_is_not_a_non_empty_array_of_objects(string? json) =>
        ResourceRequest.TryParse(json, out _).Should().BeFalse();

    [Fact]
    public void Rejects_more_than_50_lines() =>
        ResourceRequest.TryParse("[" + string.Join(",", Enumerable.Repeat("""{"type":"cpu","amount":1}""", 51)) + "]", out _).Should().BeFalse();

    [Theory]
    [InlineData(null, "id", false)]
    [InlineData("name", "name", false)]
    [InlineData("name desc", "name", true)]
    [InlineData("-name", "name", true)]
    [InlineData("name ASC", "name", false)]
    public void Sort_parameter_forms(string? sort, string field, bool desc) =>
        PageSpec.ParseSort(sort, "id").Should().Be((field, desc));

    [Fact]
    public void Page_defaults_and_skip()
    {
        var p = PageSpec.Parse(null, null, null, "id");
        p.Should().Be(new PageSpec(1, PageSpec.DefaultRows, "id", false));
        PageSpec.Parse("3", "20", null, "id").Skip.Should().Be(40);
    }
}
