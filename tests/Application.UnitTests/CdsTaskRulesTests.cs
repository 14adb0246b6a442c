using Kboss.Application.Vendors.CapitalOnline;
using Kboss.Application.Vendors.CapitalOnline.Tasks;

namespace Kboss.Application.UnitTests;

/// <summary>How the CDS task poller reads a status word and how the reconciler names the other objects of a lost
/// order (analysis/vendors.md §5.5; ADR 0043 addendum).</summary>
public sealed class CdsTaskRulesTests
{
    [Theory]
    [InlineData("doing", null)]
    [InlineData(" Building ", null)]
    [InlineData("pending", null)]
    [InlineData("success", true)]
    [InlineData("running", true)]
    [InlineData("ok", true)]
    [InlineData("", true)]
    [InlineData(null, true)]
    [InlineData("failed", false)]
    [InlineData("ERROR", false)]
    [InlineData("create_failed", false)]
    public void A_status_word_is_running_finished_or_failed(string? status, bool? outcome) =>
        CdsDescribeTaskProbe.Outcome(status).Should().Be(outcome);

    [Fact]
    public void The_hosts_of_one_order_are_numbered_from_the_first_host()
    {
        CdsKinds.Ecs.SiblingNames("gpu-3", 3).Should().Equal("gpu-4", "gpu-5");
        CdsKinds.Ecs.SiblingNames("web-a-1", 2).Should().Equal("web-a-2");
        CdsKinds.Ecs.SiblingNames("gpu", 2).Should().BeEmpty("a name without a number has no siblings to find");
        CdsKinds.Ecs.SiblingNames("gpu-1", 1).Should().BeEmpty();
    }

    [Fact]
    public void The_eips_of_one_order_share_its_name() =>
        CdsKinds.Eip.SiblingNames("office", 3).Should().Equal("office", "office");
}
