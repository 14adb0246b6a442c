using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.Provisioning;
using Kboss.Domain.Cpcc;
using Mediator;

namespace Kboss.Application.Cpcc.Clusters;

/// <summary>Reply data of <see cref="ImportCluster"/>.</summary>
/// <param name="Id">Cluster id.</param>
/// <param name="Cpcid">Centre id.</param>
/// <param name="Name">集群名称.</param>
/// <param name="Ready">1 (installed).</param>
/// <param name="Nodes">Nodes the cluster's API listed.</param>
public sealed record ImportedCluster(string Id, string Cpcid, string Name, int Ready, int Nodes);

/// <summary>
/// kboss addition <c>POST /dev/cpcc/cpccluster/import_cluster.dspy</c> 导入已有集群 (ADR 0040): registers a running
/// Kubernetes cluster of centre <c>cpcid</c> by its admin <c>kubeconfig</c>, ready at once (no controller device, no
/// join command). Behind <c>Cpcc:Features:ImportCluster</c> (default off: <c>功能开发中</c>). The kubeconfig is data
/// (ADR 0014: inline credentials only, refused → invalid_argument naming the field); the cluster's API must answer a
/// node list (outside any transaction; no answer → upstream_failed, nothing stored); stored encrypted. Rights: who
/// may manage the centre (its org's operators, admin).
/// </summary>
public sealed record ImportCluster : ICommand<Reply<ImportedCluster>>
{
    /// <summary>所属算力中心ID.</summary>
    public string? Cpcid { get; init; }
    /// <summary>集群名称 (≤ 100 chars).</summary>
    public string? ClusterName { get; init; }
    /// <summary>Admin kubeconfig (YAML, inline credentials; ≤ 64 KiB).</summary>
    public string? Kubeconfig { get; init; }
}

public sealed class ImportClusterValidator : AbstractValidator<ImportCluster>
{
    public ImportClusterValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID").MaxChars(32);
        RuleFor(x => x.ClusterName).Required().MaxChars(100);
        RuleFor(x => x.Kubeconfig).Required().MaxChars(65_536);
    }
}

public sealed class ImportClusterHandler(IKbossDbContext db, CenterGuard guard, CpccFeatures features,
    IKubeconfigPolicy kubeconfigs, IKubernetesGateway kubernetes, ISecretProtector secrets, ICurrentUser user)
    : ICommandHandler<ImportCluster, Reply<ImportedCluster>>
{
    public async ValueTask<Reply<ImportedCluster>> Handle(ImportCluster c, CancellationToken ct)
    {
        if (!features.ImportCluster)
            return Reply.Fail<ImportedCluster>(CpccFeatures.InDevelopment, ErrorCodes.NotImplemented);
        var center = await guard.LoadManageableAsync(c.Cpcid!, track: false, ct);
        var kubeconfig = c.Kubeconfig!.Trim();
        int nodes;
        try
        {
            kubeconfigs.EnsureUsable(kubeconfig);
            nodes = (await kubernetes.ListNodesAsync(kubeconfig, ct)).Count;
        }
        catch (KubeGatewayException e)
            when (e.Failure is KubeFailure.RefusedKubeconfig or KubeFailure.InvalidKubeconfig)
        {
            throw RequestValidationException.For("kubeconfig", e.Message);
        }
        catch (KubeGatewayException e)
        {
            return Reply.Fail<ImportedCluster>(e.Message, ErrorCodes.UpstreamFailed);
        }
        var cluster = new Cluster { Name = c.ClusterName!.Trim(), Cpcid = center.Id };
        cluster.CompleteInstall("", secrets.Protect(kubeconfig));
        db.Clusters.Add(cluster);
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.cluster.imported", "cluster", cluster.Id,
            new { cluster.Cpcid, cluster.Name, nodes }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("导入算力集群成功", new ImportedCluster(cluster.Id, cluster.Cpcid, cluster.Name, cluster.Ready,
            nodes));
    }
}
