using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.Boards;
using Mediator;

namespace Kboss.Application.Pcapi;

/// <summary>P8 data: <c>{"state", "drain"}</c> (success and failure alike).</summary>
/// <param name="State">cordon / uncordon.</param>
/// <param name="Drain">Whether pods were evicted.</param>
public sealed record SwitchedNode(string State, bool Drain);

/// <summary>
/// P8 <c>POST /pcapi/api/v1/cluster/common/node_state_switch</c> (开发中) 切换某集群某工作节点状态: <c>state=cordon</c>
/// stops scheduling onto the node (with <c>darin=true</c>, sic for drain, its pods are evicted too, DaemonSet pods
/// excepted); <c>state=uncordon</c> resumes it (<c>darin</c> is ignored). The spec names no node: <c>node_name</c> is
/// added (analysis/cpcc.md §6.1, §6.4 #33) and required. Success <c>switch node success</c>, failure
/// <c>switch node failed: …</c>, data <c>{state, drain}</c>. Audited. spec: 36-cpcc-pcapi.md; analysis/cpcc.md §3.H P8.
/// </summary>
public sealed record NodeStateSwitch : ICommand<PcapiReply<SwitchedNode>>, IPcapiSshRequest
{
    /// <inheritdoc />
    public string? Host { get; init; }
    /// <inheritdoc />
    public string? Port { get; init; }
    /// <inheritdoc />
    public string? User { get; init; }
    /// <inheritdoc />
    public string? Psssword { get; init; }
    /// <summary>暂停还是恢复: cordon / uncordon.</summary>
    public string? State { get; init; }
    /// <summary>是否驱逐现有pod,默认不驱逐 (wire name <c>darin</c>, sic).</summary>
    public string? Darin { get; init; }
    /// <summary>The node to switch (not in the spec's parameter list; required).</summary>
    public string? NodeName { get; init; }
}

public sealed class NodeStateSwitchValidator : AbstractValidator<NodeStateSwitch>
{
    public NodeStateSwitchValidator()
    {
        this.AddSshRules();
        RuleFor(x => x.State).Required().OneOf(["cordon", "uncordon"]);
        RuleFor(x => x.Darin).OptionalBool();
        RuleFor(x => x.NodeName).Required().MaxChars(253);
    }
}

public sealed class NodeStateSwitchHandler(IKbossDbContext db, ISecretProtector secrets, PcapiCaller caller, IKubernetesGateway kube, ICurrentUser user)
    : ICommandHandler<NodeStateSwitch, PcapiReply<SwitchedNode>>
{
    public async ValueTask<PcapiReply<SwitchedNode>> Handle(NodeStateSwitch c, CancellationToken ct)
    {
        var state = c.State!.Trim();
        var cordon = state == "cordon";
        var drain = cordon && PcapiSshRules.ParseBool(c.Darin) == true;
        var data = new SwitchedNode(state, drain);
        var node = c.NodeName!.Trim();
        try
        {
            var target = await PcapiTarget.ResolveAsync(db, secrets, caller, c, ct);
            var evicted = 0;
            if (drain) evicted = await LiveCluster.CallAsync(() => kube.DrainNodeAsync(target.Kubeconfig, node, ct));
            else await LiveCluster.CallAsync(async () => { await kube.SetNodeSchedulableAsync(target.Kubeconfig, node, !cordon, ct); return true; });
            db.AuditEntries.Add(Audit.Entry(user, cordon ? "pcapi.node.cordoned" : "pcapi.node.uncordoned", "cluster", target.Cluster.Id,
                new { api_user = caller.ApiUser, node_name = node, drain, evicted }));
            await db.SaveChangesAsync(ct);
        }
        catch (BusinessException e)
        {
            return PcapiReply.Fail("switch node failed", e.Message, e.Code, data);
        }
        return PcapiReply.Ok("switch node success", data);
    }
}
