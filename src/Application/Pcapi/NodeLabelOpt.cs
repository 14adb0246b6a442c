using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.Boards;
using Kboss.Application.Cpcc.Labels;
using Mediator;

namespace Kboss.Application.Pcapi;

/// <summary>
/// P1 <c>POST /pcapi/api/v1/cluster/common/node_label_opt</c> 集群节点绑定/解绑标签: <c>opt=label</c> sets
/// <c>key=value</c> on <c>worker_node</c>, <c>opt=unlabel</c> removes <c>key</c>, through the cluster's Kubernetes API.
/// Success <c>{"status": true, "info": "节点绑定标签成功" | "节点解绑标签成功", "data": {}}</c>; failure info starts with
/// <c>节点绑定标签失败</c> / <c>节点解绑标签失败</c>. Audited. spec: 36-cpcc-pcapi.md; analysis/cpcc.md §3.H P1.
/// </summary>
public sealed record NodeLabelOpt : ICommand<PcapiReply<object>>, IPcapiSshRequest
{
    /// <inheritdoc />
    public string? Host { get; init; }
    /// <inheritdoc />
    public string? Port { get; init; }
    /// <inheritdoc />
    public string? User { get; init; }
    /// <inheritdoc />
    public string? Psssword { get; init; }
    /// <summary>目标节点.</summary>
    public string? WorkerNode { get; init; }
    /// <summary>目标标签 <c>key=value</c>.</summary>
    public string? Label { get; init; }
    /// <summary>label 绑定 / unlabel 解绑.</summary>
    public string? Opt { get; init; }
}

public sealed class NodeLabelOptValidator : AbstractValidator<NodeLabelOpt>
{
    public NodeLabelOptValidator()
    {
        this.AddSshRules();
        RuleFor(x => x.WorkerNode).Required().MaxChars(253);
        RuleFor(x => x.Opt).Required().Must(o => string.IsNullOrWhiteSpace(o) || o.Trim() is "label" or "unlabel")
            .WithMessage(x => NodeLabelText.BadOpt(x.Opt));
        RuleFor(x => x.Label).Required().Must((x, l) => string.IsNullOrWhiteSpace(l) || NodeLabelText.Parse(l, x.Opt) is not null)
            .WithMessage(NodeLabelText.BadFormat);
    }
}

public sealed class NodeLabelOptHandler(IKbossDbContext db, ISecretProtector secrets, PcapiCaller caller, IKubernetesGateway kube, ICurrentUser user)
    : ICommandHandler<NodeLabelOpt, PcapiReply<object>>
{
    public async ValueTask<PcapiReply<object>> Handle(NodeLabelOpt c, CancellationToken ct)
    {
        var bind = c.Opt!.Trim() == "label";
        var (key, value) = NodeLabelText.Parse(c.Label, c.Opt)!.Value;
        var node = c.WorkerNode!.Trim();
        try
        {
            var target = await PcapiTarget.ResolveAsync(db, secrets, caller, c, ct);
            await LiveCluster.CallAsync(async () => { await kube.SetNodeLabelAsync(target.Kubeconfig, node, key, value, ct); return true; });
            db.AuditEntries.Add(Audit.Entry(user, bind ? "pcapi.node.labeled" : "pcapi.node.unlabeled", "cluster", target.Cluster.Id,
                new { api_user = caller.ApiUser, worker_node = node, label = c.Label!.Trim() }));
            await db.SaveChangesAsync(ct);
        }
        catch (BusinessException e)
        {
            return PcapiReply.Fail<object>(bind ? "节点绑定标签失败" : "节点解绑标签失败", e.Message, e.Code, new { });
        }
        return PcapiReply.Ok<object>(bind ? "节点绑定标签成功" : "节点解绑标签成功", new { });
    }
}
