using k8s;
using k8s.Models;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Kubernetes;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>Manifest generation of instance configs (analysis/cpcc.md §4.8, §6.4 #36). Pure: no server.</summary>
public sealed class InstanceManifestTests
{
    /// <summary>The spec's K6 example as a stored config.</summary>
    internal static InstanceConfig SpecConfig(string engine = "StatefulSet", string policy = "Always", int gpu = 0)
    {
        var c = new InstanceConfig
        {
            Cpcid = "AROU9udKtPNyh0AZtO_WY", ClusterId = "4hBm8atruISOU2bs24t_N", OrgId = "mIWUHBeeDM8mwAFPIQ8pS",
            SourceName = "kyy-new5090gpu-ubuntu2204", SourceAuthuser = "root", SourcePodengine = engine, SourceReplicasetnum = 2,
            InstanceType = "LinuxOS", PodImagepath = "docker.io/library/ubuntu:22.04", SourceMemrate = "512Mi", SourceCpurate = "1000m",
            SourceSelflabel = "app:ubuntu3", SourceGpu = gpu, SourcePortmode = "NodePort", SourceRestartpolicy = policy,
            SourceApiport = 6035, SourceInsideport = 3306, SourceOutsideport = 30063, SourceMountpath = "/mnt/data",
            SourceStoragelimits = "49Gi", SourceNodeselector = "kyy-gpu=false", CpuModel = "INTEL", GpuModel = gpu > 0 ? "RTX5090-32G" : "",
            DiskSysLimit = "20Gi",
        };
        var names = InstanceNaming.Derive(c.ClusterId, c.OrgId, c.Id, engine);
        c.NamespaceName = names.Namespace;
        c.ServiceaccountName = names.ServiceAccount;
        c.PodcdName = names.Controller;
        c.ServiceName = names.Service;
        return c;
    }

    [Fact]
    public void StatefulSet_has_the_spec_names_resources_labels_selector_volume_and_nodeport_service()
    {
        var c = SpecConfig(gpu: 1);
        var o = InstanceManifests.Build(c, "kyycloud");
        o.Namespace.Metadata.Name.Should().Be("4hbm8atruisou2bs24t-n-miwuhbeedm8mwafpiq8ps");
        o.ServiceAccount.Metadata.Name.Should().Be("4hbm8atruisou2bs24t-n-miwuhbeedm8mwafpiq8ps-serviceaccount");
        o.ServiceAccount.Metadata.NamespaceProperty.Should().Be(o.Namespace.Metadata.Name);
        var s = o.Controller.Should().BeOfType<V1StatefulSet>().Subject;
        s.ApiVersion.Should().Be("apps/v1");
        s.Kind.Should().Be("StatefulSet");
        s.Metadata.Name.Should().Be(c.Id + "-statefulset");
        s.Metadata.NamespaceProperty.Should().Be(c.NamespaceName);
        s.Spec.Replicas.Should().Be(2);
        s.Spec.ServiceName.Should().Be(c.Id + "-service");
        s.Spec.Selector.MatchLabels.Should().Equal(new Dictionary<string, string> { ["kboss.io/instance"] = c.Id });
        var pod = s.Spec.Template;
        pod.Metadata.Labels["app"].Should().Be("ubuntu3");
        pod.Metadata.Labels["kboss.io/instance"].Should().Be(c.Id);
        pod.Spec.NodeSelector.Should().Equal(new Dictionary<string, string> { ["kyy-gpu"] = "false" });
        pod.Spec.RestartPolicy.Should().Be("Always");
        pod.Spec.ServiceAccountName.Should().Be(c.ServiceaccountName);
        var main = pod.Spec.Containers.Single();
        main.Image.Should().Be("docker.io/library/ubuntu:22.04");
        main.Ports.Single().ContainerPort.Should().Be(3306);
        main.Resources.Limits.ToDictionary(k => k.Key, k => k.Value.ToString()).Should().Equal(new Dictionary<string, string>
            { ["cpu"] = "1", ["memory"] = "512Mi", ["nvidia.com/gpu"] = "1" });
        main.Resources.Requests.ToDictionary(k => k.Key, k => k.Value.ToString()).Should().Equal(main.Resources.Limits.ToDictionary(k => k.Key, k => k.Value.ToString()));
        main.VolumeMounts.Single().MountPath.Should().Be("/mnt/data");
        main.Env.Should().Contain(e => e.Name == "KBOSS_AUTH_USER" && e.Value == "root");
        main.Env.Should().Contain(e => e.Name == "KBOSS_AUTH_PASSWORD" && e.Value == "kyycloud");
        pod.Spec.Volumes.Single().PersistentVolumeClaim.ClaimName.Should().Be(c.Id + "-pvc");

        o.Volume.Metadata.Name.Should().Be(c.Id + "-pvc");
        o.Volume.Spec.AccessModes.Should().Equal("ReadWriteOnce");
        o.Volume.Spec.Resources.Requests["storage"].ToString().Should().Be("49Gi");

        o.Service.Metadata.Name.Should().Be(c.Id + "-service");
        o.Service.Spec.Type.Should().Be("NodePort");
        var port = o.Service.Spec.Ports.Single();
        port.Port.Should().Be(6035);
        port.TargetPort.Value.Should().Be("3306");
        port.NodePort.Should().Be(30063);
        o.Service.Spec.Selector.Should().Equal(new Dictionary<string, string> { ["kboss.io/instance"] = c.Id });
    }

    [Theory]
    [InlineData("Deployment", "Always", typeof(V1Deployment), "apps/v1")]
    [InlineData("DaemonSet", "Always", typeof(V1DaemonSet), "apps/v1")]
    [InlineData("Job", "OnFailure", typeof(V1Job), "batch/v1")]
    [InlineData("CronJob", "Never", typeof(V1CronJob), "batch/v1")]
    [InlineData("Standalone", "Always", typeof(V1Pod), "v1")]
    public void Every_controller_kind_maps_to_its_object(string engine, string policy, Type type, string apiVersion)
    {
        var c = SpecConfig(engine, policy);
        var o = InstanceManifests.Build(c, "pw");
        o.Controller.Should().BeOfType(type);
        o.Controller.ApiVersion.Should().Be(apiVersion);
        o.Controller.Kind.Should().Be(type == typeof(V1Pod) ? "Pod" : engine);
        o.Controller.Metadata.Name.Should().Be(c.Id + "-" + engine.ToLowerInvariant());
        var spec = o.Controller switch
        {
            V1Deployment d => d.Spec.Template.Spec,
            V1DaemonSet d => d.Spec.Template.Spec,
            V1Job j => j.Spec.Template.Spec,
            V1CronJob j => j.Spec.JobTemplate.Spec.Template.Spec,
            V1Pod p => p.Spec,
            _ => throw new InvalidOperationException(),
        };
        spec.RestartPolicy.Should().Be(policy);
        spec.Containers.Single().Resources.Limits.Should().NotContainKey("nvidia.com/gpu");
        if (o.Controller is V1Deployment dep) dep.Spec.Replicas.Should().Be(2);
        if (o.Controller is V1Job job) job.Spec.Completions.Should().Be(2);
        if (o.Controller is V1CronJob cron) cron.Spec.Schedule.Should().Be(InstanceManifests.CronSchedule);
        if (o.Controller is V1Pod bare) bare.Metadata.Labels["kboss.io/instance"].Should().Be(c.Id);
    }

    [Fact]
    public void Ingress_mode_gives_a_cluster_ip_service_without_node_port_and_mysql_gets_its_root_password()
    {
        var c = SpecConfig();
        c.SourcePortmode = "Ingress";
        c.PodImagepath = "docker.io/library/mysql:8.0";
        c.InstanceType = "RelationalDB";
        c.SourceNodeselector = "";
        var o = InstanceManifests.Build(c, "s3cret");
        o.Service.Spec.Type.Should().Be("ClusterIP");
        o.Service.Spec.Ports.Single().NodePort.Should().BeNull();
        var pod = ((V1StatefulSet)o.Controller).Spec.Template.Spec;
        pod.NodeSelector.Should().BeNull();
        pod.Containers.Single().Env.Should().Contain(e => e.Name == "MYSQL_ROOT_PASSWORD" && e.Value == "s3cret");
        pod.Containers.Single().Command.Should().BeNull();
        KubernetesJson.Serialize(o.Controller).Should().Contain("\"mysql:8.0\"".Replace("\"mysql", "\"docker.io/library/mysql"));
    }
}
