using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.Boards;
using Mediator;

namespace Kboss.Application.Pcapi;

/// <summary>P7 data: <c>{"node_name", "force"}</c> (success and failure alike).</summary>
/// <param name="NodeName">The node.</param>
/// <param name="Force">Whether the delete was forced.</param>
public sealed record DeletedNode(string NodeName, bool Force);

/// <summary>
/// P7 <c>POST /pcapi/api/v1/cluster/common/delete_cluster_node</c> (开发中) 删除指定集群某工作节点. With
/// <c>force=true</c>: cordon, evict every pod (DaemonSet pods excepted, PodDisruptionBudgets honoured), then delete the
/// node object. Without force the node is deleted only when no pod other than DaemonSet pods runs on it. A control-plane
/// node is never deleted. Success <c>delete node success</c>, failure <c>delete node failed: …</c>, data
/// <c>{node_name, force}</c>. The machine itself is not reset. Audited. spec: 36-cpcc-pcapi.md; analysis/cpcc.md §3.H P7.
/// </summary>
public sealed record DeleteClusterNode : ICommand<PcapiReply<DeletedNode>>, IPcapiSshRequest
{
    /// <inheritdoc />
    public string? Host { get; init; }
    /// <inheritdoc />
    public string? Port { get; init; }
    /// <inheritdoc />
    public string? User { get; init; }
    /// <inheritdoc />
    public string? Psssword { get; init; }
    /// <summary>节点名称(主机名).</summary>
    public string? NodeName { get; init; }
    /// <summary>是否强制删除 (true/false, default false).</summary>
    public string? Force { get; init; }
}

public sealed class DeleteClusterNodeValidator : AbstractValidator<DeleteClusterNode>
{
    public DeleteClusterNodeValidator()
    {
        this.AddSshRules();
        RuleFor(x => x.NodeName).Required().MaxChars(253);
        RuleFor(x => x.Force).OptionalBool();
    }
}

public sealed class DeleteClusterNodeHandler(IKbossDbContext db, ISecretProtector secrets, PcapiCaller caller, IKubernetesGateway kube, ICurrentUser user)
    : ICommandHandler<DeleteClusterNode, PcapiReply<DeletedNode>>
{
    /// <summary>Message when the node is a control-plane node.</summary>
    public const string ControlPlane = "不能删除控制节点";
    /// <summary>Message when pods still run on the node and force is off.</summary>
    public const string HasPods = "节点上仍有资源实例在运行,请使用 force=true 强制删除(先驱逐再删除)";

    public async ValueTask<PcapiReply<DeletedNode>> Handle(DeleteClusterNode c, CancellationToken ct)
    {
        var node = c.NodeName!.Trim();
        var force = PcapiSshRules.ParseBool(c.Force) == true;
        var data = new DeletedNode(node, force);
        try
        {
            var target = await PcapiTarget.ResolveAsync(db, secrets, caller, c, ct);
            var nodes = await LiveCluster.CallAsync(() => kube.ListNodesAsync(target.Kubeconfig, ct));
            var found = nodes.FirstOrDefault(n => n.Name == node) ?? throw BusinessException.NotFound($"节点 {node} 不存在");
            if (NodeBoardFormatter.IsControlPlane(found)) throw BusinessException.Conflict(ControlPlane);
            int evicted;
            if (force)
            {
                evicted = await LiveCluster.CallAsync(() => kube.DrainNodeAsync(target.Kubeconfig, node, ct));
            }
            else
            {
                var pods = await LiveCluster.CallAsync(() => kube.ListPodsAsync(target.Kubeconfig, ct));
                if (pods.Any(p => p.NodeName == node && !p.OwnedByDaemonSet && p.Phase is not ("Succeeded" or "Failed")))
                    throw BusinessException.Conflict(HasPods);
                evicted = 0;
            }
            await LiveCluster.CallAsync(async () => { await kube.DeleteNodeAsync(target.Kubeconfig, node, ct); return true; });
            db.AuditEntries.Add(Audit.Entry(user, "pcapi.node.deleted", "cluster", target.Cluster.Id,
                new { api_user = caller.ApiUser, node_name = node, force, evicted }));
            await db.SaveChangesAsync(ct);
        }
        catch (BusinessException e)
        {
            return PcapiReply.Fail("delete node failed", e.Message, e.Code, data);
        }
        return PcapiReply.Ok("delete node success", data);
    }
}
