using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;

namespace Kboss.Domain.UnitTests;

/// <summary>Device state machine (§4.6), label symbols (§2.4) and instance names (§4.8) of analysis/cpcc.md.</summary>
public sealed class ContainerCloudTests
{
    [Fact]
    public void Device_state_machine_keeps_idle_iff_no_cluster_iff_no_role()
    {
        var d = new Device();
        d.IsIdle.Should().BeTrue();
        d.Occupy("k1", DeviceRoles.Master).Ok.Should().BeTrue();
        (d.NodeStatus, d.ClusterId, d.Role).Should().Be(("1", "k1", "master"));
        d.Occupy("k2", DeviceRoles.Worker).Ok.Should().BeFalse();
        d.Release();
        (d.NodeStatus, d.ClusterId, d.Role).Should().Be(("0", (string?)null, ""));
        d.Occupy("k1", "").Ok.Should().BeFalse();
    }

    [Fact]
    public void Symbol_and_rendering_follow_the_label_type()
    {
        new Label { LabelType = LabelTypes.Node, LabelKey = "kyy-gpu", LabelValue = "false" }.Rendered.Should().Be("kyy-gpu=false");
        new Label { LabelType = LabelTypes.Instance, LabelKey = "app", LabelValue = "ubuntu3" }.Rendered.Should().Be("app:ubuntu3");
    }

    [Fact]
    public void Derived_names_follow_the_spec_example_and_stay_valid_for_odd_ids()
    {
        var n = InstanceNaming.Derive("4hBm8atruISOU2bs24t_N", "mIWUHBeeDM8mwAFPIQ8pS", "evfldtxjkr3jd8zxnfhd5", "StatefulSet");
        n.Should().Be(new InstanceNames("4hbm8atruisou2bs24t-n-miwuhbeedm8mwafpiq8ps",
            "4hbm8atruisou2bs24t-n-miwuhbeedm8mwafpiq8ps-serviceaccount", "evfldtxjkr3jd8zxnfhd5-statefulset", "evfldtxjkr3jd8zxnfhd5-service"));
        var odd = InstanceNaming.Derive("-z2r4CFb-7rcfugNn2wIr", "abc_", "q2aodptfquogblu5nzblt", "Deployment");
        odd.Namespace.Should().Be("c-z2r4cfb-7rcfugnn2wir-abc-0");
        odd.Controller.Should().Be("q2aodptfquogblu5nzblt-deployment");
        Enumerable.Range(0, 2000).Select(_ => NanoId.NewKubernetesName())
            .Should().OnlyContain(x => x.Length == 21 && char.IsAsciiLetterLower(x[0]) && x.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch)));
        new InstanceConfig().Id.Should().MatchRegex("^[a-z][a-z0-9]{20}$");
    }
}
