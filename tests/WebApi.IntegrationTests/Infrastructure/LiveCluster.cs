using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>A centre whose 朝阳区 cluster is installed, controlled by a device and reachable through a fake Kubernetes API.</summary>
/// <param name="Center">The centre (朝阳区 live, 通州区 without kubeconfig).</param>
/// <param name="ApiUser">The centre's pcapi user (password <see cref="LiveClusterSeed.ApiPassword"/>).</param>
/// <param name="Host">The controller device's IP.</param>
public sealed record LiveCenter(SeededCenter Center, string ApiUser, string Host);

public static class LiveClusterSeed
{
    public const string ApiPassword = "pcapi-secret";
    public const string SshUser = "root";
    public const string SshPassword = "Kyy@123456";

    /// <summary>A new centre of <paramref name="orgId"/> with its 朝阳区 cluster on <paramref name="kube"/>.</summary>
    public static async Task<LiveCenter> CenterAsync(KbossFactory f, FakeKubeApi kube, string orgId = DemoData.OrgId)
    {
        var c = await Seed.CenterAsync(f, orgId, withWidgets: false);
        var apiUser = "api-" + Guid.NewGuid().ToString("N")[..8];
        var host = $"10.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}";
        await ConnectAsync(f, c.Id, c.Chaoyang, kube.Kubeconfig, host, apiUser);
        return new LiveCenter(c, apiUser, host);
    }

    /// <summary>Makes <paramref name="clusterId"/> installed with <paramref name="kubeconfig"/> and a controller at <paramref name="host"/>.</summary>
    public static Task ConnectAsync(KbossFactory f, string cpcid, string clusterId, string kubeconfig, string host, string? apiUser = null) =>
        f.WithDbAsync(async db =>
        {
            var secrets = f.Service<ISecretProtector>();
            if (apiUser is not null) (await db.ComputeCenters.SingleAsync(x => x.Id == cpcid)).ApiUser = apiUser;
            var master = new Device { Cpcid = cpcid, Name = "k8s-master", Ip = host, SshPort = 22, AdminUser = SshUser, AdminPwdProtected = secrets.Protect(SshPassword) };
            master.Occupy(clusterId, DeviceRoles.Master).Ok.Should().BeTrue();
            db.Devices.Add(master);
            var k = await db.Clusters.SingleAsync(x => x.Id == clusterId);
            k.ControllerId = master.Id;
            k.Ready = ClusterReady.Installed;
            k.KubeconfigProtected = secrets.Protect(kubeconfig);
            await db.SaveChangesAsync();
        });

    /// <summary>Replaces the stored kubeconfig of <paramref name="clusterId"/> (or sets ready).</summary>
    public static Task SetAsync(KbossFactory f, string clusterId, string? kubeconfig = null, int? ready = null) =>
        f.WithDbAsync(async db =>
        {
            var k = await db.Clusters.SingleAsync(x => x.Id == clusterId);
            if (kubeconfig is not null) k.KubeconfigProtected = kubeconfig.Length == 0 ? "" : f.Service<ISecretProtector>().Protect(kubeconfig);
            if (ready is not null) k.Ready = ready.Value;
            await db.SaveChangesAsync();
        });
}
