using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;

namespace Kboss.Domain.UnitTests;

/// <summary>IDLE ⇔ occupied of a device (analysis/cpcc.md §4.6), allowed and refused.</summary>
public sealed class DeviceTransitionTests
{
    private static readonly Func<Device, bool> CanOccupy = Device.CanOccupy.Compile();

    [Theory]
    [InlineData(DeviceRoles.Master)]
    [InlineData(DeviceRoles.Worker)]
    public void Occupy_makes_an_idle_device_the_node_of_a_cluster_and_release_frees_it(string role)
    {
        var d = new Device();
        d.IsIdle.Should().BeTrue();
        CanOccupy(d).Should().BeTrue();
        d.Occupy("c1", role).Ok.Should().BeTrue();
        (d.NodeStatus, d.ClusterId, d.Role, d.IsIdle).Should().Be((DeviceStatus.Occupied, "c1", role, false));
        CanOccupy(d).Should().BeFalse();
        d.Release();
        (d.NodeStatus, d.ClusterId, d.Role, d.IsIdle).Should().Be((DeviceStatus.Idle, (string?)null, "", true));
        CanOccupy(d).Should().BeTrue();
    }

    [Fact]
    public void Occupy_refuses_a_taken_device_and_leaves_it_unchanged()
    {
        var d = new Device();
        d.Occupy("c1", DeviceRoles.Master).Ok.Should().BeTrue();
        d.Occupy("c2", DeviceRoles.Worker).Failure.Should().Be(new Failure(FailureKind.Conflict, Device.NotIdleMessage));
        (d.ClusterId, d.Role).Should().Be(("c1", DeviceRoles.Master));
    }

    [Theory]
    [InlineData("c1", "")]
    [InlineData("c1", "boss")]
    [InlineData(" ", DeviceRoles.Worker)]
    public void Occupy_refuses_a_bad_role_or_cluster_and_leaves_the_device_idle(string cluster, string role)
    {
        var d = new Device();
        d.Occupy(cluster, role).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);
        (d.IsIdle, d.ClusterId, d.Role).Should().Be((true, (string?)null, ""));
    }
}
