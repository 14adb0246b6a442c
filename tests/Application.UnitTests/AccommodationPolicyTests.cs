using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Application.Cpcc.Purchase;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.UnitTests;

/// <summary>analysis/cpcc.md §4.4 (deployability) and §4.2 (instance stock needs).</summary>
public sealed class AccommodationPolicyTests
{
    private static readonly Dictionary<string, string> NoLabels = [];

    private static KubeNode Node(string name, long cpuMilli, long memMi, long gpu = 0, bool ready = true, bool cordoned = false,
        string[]? roles = null, Dictionary<string, string>? labels = null) =>
        new(name, "10.0.0.1", roles ?? [], ready, cordoned, labels ?? NoLabels, cpuMilli, memMi, gpu, "", "", "", "", null);

    private static KubePod Pod(string node, long cpuMilli, long memMi, long gpu = 0, string phase = "Running") =>
        new("ns", "p", node, phase, null, 1, 1, 0, cpuMilli, memMi, gpu, cpuMilli, memMi, gpu, NoLabels, null, false);

    private static ProductNeed Product(string id, decimal cpu, decimal memMi, decimal gpu = 0) =>
        new(id, [new("cpu", "STANDARD", cpu), new("memory", "STANDARD", memMi), .. gpu > 0 ? new[] { new ComponentNeed("gpu", "A100-80G", gpu) } : []]);

    [Fact]
    public void Parses_products_with_default_model_and_the_embedded_labels_form()
    {
        var parsed = AccommodationPolicy.Parse("""[{"id":"p1","resources":[{"type":"cpu","amount":2},{"type":"memory","model":"STANDARD","amount":"4096"}]}]""");
        parsed.Should().NotBeNull();
        parsed!.Value.Products.Single().Components.Should().Equal(new ComponentNeed("cpu", "STANDARD", 2), new ComponentNeed("memory", "STANDARD", 4096));
        var embedded = AccommodationPolicy.Parse("""{"labels":"kyy-gpu=true","products":[{"id":7,"resources":[]}]}""");
        embedded!.Value.Labels.Select(l => l.Key + "=" + l.Value).Should().Equal("kyy-gpu=true");
        embedded.Value.Products.Single().Id.Should().Be("7");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""[{"resources":[]}]""")]
    [InlineData("""[{"id":"a","resources":[{"type":"ram","amount":1}]}]""")]
    [InlineData("""[{"id":"a","resources":[{"type":"cpu","amount":0}]}]""")]
    [InlineData("""[{"id":"a","resources":[{"type":"cpu","amount":"x"}]}]""")]
    [InlineData("""{"products":"x"}""")]
    public void Malformed_resources_are_refused(string json) => AccommodationPolicy.Parse(json).Should().BeNull();

    [Fact]
    public void Labels_parse_from_commas_or_json_and_refuse_bad_ones()
    {
        AccommodationPolicy.ParseLabels("a=1, b=2")!.Select(l => l.Key + "=" + l.Value).Should().Equal("a=1", "b=2");
        AccommodationPolicy.ParseLabels("""["a=1"]""")!.Should().ContainSingle();
        AccommodationPolicy.ParseLabels(null)!.Should().BeEmpty();
        AccommodationPolicy.ParseLabels("novalue").Should().BeNull();
    }

    [Fact]
    public void Static_stage_needs_the_widget_and_available_cluster_stock()
    {
        var gpu = Snapshot("gpu", "A100-80G", new StockSnapshot("c1", 4, 3), new StockSnapshot("c2", 9, 0));
        var cpu = Snapshot("cpu", "STANDARD", new StockSnapshot("c1", 8, 0));
        var mem = Snapshot("memory", "STANDARD", new StockSnapshot("c1", 8192, 0));
        var products = new[] { Product("fits", 8, 8192, 1), Product("gpu-short", 1, 1, 2), Product("cpu-short", 9, 1), Product("no-gpu-widget", 1, 1) with
            { Components = [new("gpu", "H800", 1)] } };
        AccommodationPolicy.Static(products, [gpu, cpu, mem], "c1").Should().Equal("gpu-short", "cpu-short", "no-gpu-widget");
    }

    private static WidgetSnapshot Snapshot(string type, string model, params StockSnapshot[] stocks) =>
        new(type + model, "center", type, model, 1m, "小时", "元", stocks);

    [Fact]
    public void Dynamic_stage_needs_one_candidate_node_with_everything_at_once()
    {
        var nodes = new[]
        {
            Node("master", 64_000, 100_000, 8, roles: ["control-plane"]),
            Node("cpu-node", 8_000, 16_384),
            Node("gpu-node", 4_000, 8_192, 2, labels: new() { ["kyy-gpu"] = "true" }),
            Node("cordoned", 64_000, 100_000, 8, cordoned: true),
            Node("notready", 64_000, 100_000, 8, ready: false),
        };
        var pods = new[] { Pod("cpu-node", 2_000, 4_096), Pod("gpu-node", 1_000, 1_024, 1), Pod("gpu-node", 3_000, 7_000, 1, "Succeeded") };
        var products = new[]
        {
            Product("six-cores", 6, 12_288),       // cpu-node: exactly 6000m and 12288 Mi free → fits (equality)
            Product("seven-cores", 7, 1),          // no node has 7 free cores
            Product("one-gpu", 3, 7_168, 1),       // gpu-node: 3000m, 7168 Mi, 1 gpu free → fits
            Product("two-gpus", 1, 1, 2),          // gpu-node has only 1 free gpu; big nodes are not candidates
        };
        AccommodationPolicy.Dynamic(products, nodes, pods, []).Should().Equal("seven-cores", "two-gpus");
        AccommodationPolicy.Dynamic(products, nodes, pods, [new("kyy-gpu", "true")]).Should().Equal("six-cores", "seven-cores", "two-gpus");
        AccommodationPolicy.Free(nodes[2], pods).Should().Be((3_000L, 7_168L, 1L));
    }

    [Fact]
    public void Instance_needs_follow_4_2_times_replicas()
    {
        var c = new InstanceConfig
        {
            SourceCpurate = "1500m", SourceMemrate = "1Gi", DiskSysLimit = "20Gi", SourceStoragelimits = "500Mi", SourceGpu = 1,
            SourceReplicasetnum = 2, CpuModel = "X", GpuModel = "G",
        };
        InstanceStock.Needs(c).Should().Equal(new StockNeed("cpu", "X", 4), new StockNeed("memory", "STANDARD", 2048),
            new StockNeed("disk", "SYS", 40), new StockNeed("disk", "DATA", 2), new StockNeed("gpu", "G", 2));
        c.SourceGpu = 0;
        InstanceStock.Needs(c).Should().NotContain(n => n.Type == "gpu");
        InstanceStock.Mebibytes("512M").Should().Be(489);
        InstanceStock.Cores("2").Should().Be(2);
        InstanceStock.Parse("bad").Should().BeNull();
    }

    [Theory] // review: these overflowed decimal/long and answered 500, or wrapped to a negative need charged 0
    [InlineData("99999999999999999999999")]
    [InlineData("9223372036854775808")]
    [InlineData("1000000000000000000000Ei")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("99999999999999999999999999999999999")]
    [InlineData("10000000000000001")]
    [InlineData("9Ei")]
    public void Quantities_beyond_any_stock_are_not_quantities(string q)
    {
        InstanceStock.Parse(q).Should().BeNull();
        InstanceConfigFieldsValidator.IsQuantity(q).Should().BeFalse();
    }

    [Fact]
    public void A_quantity_times_the_replicas_beyond_any_stock_is_refused_not_wrapped()
    {
        var c = new InstanceConfig { SourceCpurate = "5P", SourceReplicasetnum = 2000, CpuModel = "X", GpuModel = "G" };
        FluentActions.Invoking(() => InstanceStock.Needs(c)).Should()
            .Throw<Kboss.Application.Common.RequestValidationException>().WithMessage("资源数量过大");
        InstanceStock.Parse("8Pi").Should().Be(8m * 1024 * 1024 * 1024 * 1024 * 1024);
        InstanceConfigFieldsValidator.IsQuantity("0").Should().BeFalse();
        InstanceConfigFieldsValidator.IsQuantity("0.5").Should().BeTrue();
    }
}
