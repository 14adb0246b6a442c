using Kboss.Application.Common.Interfaces;
using Kboss.Domain.K8sCloud;
using Kboss.Infrastructure.Kubernetes;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>Manifests of users' container instances (analysis/platform.md §3.7 E53, §4.9). Pure: no server.</summary>
public sealed class CloudInstanceManifestTests
{
    [Fact]
    public void Names_resources_and_volume_follow_the_analysis()
    {
        var i = new CloudInstance { OrgId = "mIWUHBeeDM8mwAFPIQ8pS", Image = "docker.io/library/ubuntu:22.04", Cpu = 4, Memory = 16, Gpu = 2, Gpumem = 24000, Storage = 100 };
        i.DeriveNames();
        i.NamespaceName.Should().Be("kyy-miwuhbeedm8mwafpiq8ps");
        i.Podname.Should().Be(i.Id + "-pod");

        var o = InstanceManifests.BuildCloud(i, new CloudInstanceOptions("/work", "nvidia.com/gpumem", "fast"));
        o.Namespace.Metadata.Name.Should().Be(i.NamespaceName);
        o.Volume.Metadata.Name.Should().Be(i.Pvcname);
        o.Volume.Spec.StorageClassName.Should().Be("fast");
        o.Volume.Spec.Resources.Requests["storage"].ToString().Should().Be("100Gi");
        var c = o.Pod.Spec.Containers.Single();
        c.Resources.Limits.Should().BeEquivalentTo(c.Resources.Requests);
        c.Resources.Limits["cpu"].ToString().Should().Be("4");
        c.Resources.Limits["memory"].ToString().Should().Be("16Gi");
        c.Resources.Limits["nvidia.com/gpu"].ToString().Should().Be("2");
        c.Resources.Limits["nvidia.com/gpumem"].ToString().Should().Be("24k");
        c.VolumeMounts.Single().MountPath.Should().Be("/work");
        o.Pod.Spec.Volumes.Single().PersistentVolumeClaim.ClaimName.Should().Be(i.Pvcname);
        o.Pod.Metadata.Labels[InstanceManifests.InstanceLabel].Should().Be(i.Id);
    }

    [Theory]
    [InlineData("Org_ID.X", "org-id-x")]
    [InlineData("--a__b--", "a--b")]
    public void Sanitize_is_dns_1123(string raw, string expected) => CloudInstance.Sanitize(raw).Should().Be(expected);
}
