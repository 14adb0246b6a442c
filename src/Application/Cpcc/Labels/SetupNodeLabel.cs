using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.Boards;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Labels;

/// <summary>
/// L4 <c>POST /dev/cpcc/cpclabel/setup_cpclabel.dspy</c> 集群节点绑定/解绑标签: binds (<c>opt=label</c>, adds or
/// overwrites <c>key=value</c>) or unbinds (<c>opt=unlabel</c>, removes <c>key</c>; the value is ignored) one node label
/// on node <c>worker_node</c> through the cluster's Kubernetes API, and audits it. Binding needs the label in the org's
/// node-label catalogue (L2), so the node board shows it. Echo as in the spec: <c>{clusterid, cpcid, label, opt,
/// orgid, worker_node}</c>. spec: 39-cpcc-labels.md; analysis/cpcc.md §3.C L4, §4.5.
/// </summary>
public sealed record SetupNodeLabel : ICommand<Reply<NodeLabelEcho>>, IOrgScoped
{
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
    /// <summary>算力集群id.</summary>
    public string? Clusterid { get; init; }
    /// <summary>单个标签内容 <c>key=value</c> (<c>key</c> alone is enough to unbind).</summary>
    public string? Label { get; init; }
    /// <summary>集群某节点 (the node name of the node board).</summary>
    public string? WorkerNode { get; init; }
    /// <summary><c>label</c> 绑定 / <c>unlabel</c> 解绑.</summary>
    public string? Opt { get; init; }
    /// <inheritdoc />
    public string? Orgid { get; set; }
}

/// <summary>The L4 echo.</summary>
/// <param name="Clusterid">算力集群id.</param>
/// <param name="Cpcid">算力中心id.</param>
/// <param name="Label">The label as sent.</param>
/// <param name="Opt">label / unlabel.</param>
/// <param name="Orgid">The effective org.</param>
/// <param name="WorkerNode">The node.</param>
public sealed record NodeLabelEcho(string Clusterid, string Cpcid, string Label, string Opt, string Orgid, string WorkerNode);

/// <summary>Parsing of the <c>label</c> parameter shared by L4 and pcapi P1.</summary>
public static class NodeLabelText
{
    /// <summary>Message of a malformed label.</summary>
    public const string BadFormat = "标签格式错误,应为 key=value (解绑时可只写 key)";

    /// <summary>Splits <paramref name="label"/> for <paramref name="opt"/>: bind needs a valid <c>key=value</c>; unbind a valid key
    /// (<c>key</c>, <c>key=value</c> or kubectl's <c>key-</c>). Null when malformed.</summary>
    public static (string Key, string? Value)? Parse(string? label, string? opt)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        label = label.Trim();
        var i = label.IndexOf('=');
        if (opt?.Trim() == "unlabel")
        {
            var key = i >= 0 ? label[..i] : label.EndsWith('-') ? label[..^1] : label;
            return KubeLabelSyntax.IsKey(key) ? (key, null) : null;
        }
        return KubeLabelSyntax.IsRendered(label, '=') ? (label[..i], label[(i + 1)..]) : null;
    }

    /// <summary>Message of an unknown <c>opt</c>.</summary>
    public static string BadOpt(string? opt) => $"无效的标签操作: {opt}";
}

public sealed class SetupNodeLabelValidator : AbstractValidator<SetupNodeLabel>
{
    public SetupNodeLabelValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Clusterid).Required();
        RuleFor(x => x.WorkerNode).Required().MaxChars(253);
        RuleFor(x => x.Opt).Required().Must(o => string.IsNullOrWhiteSpace(o) || o.Trim() is "label" or "unlabel")
            .WithMessage(x => NodeLabelText.BadOpt(x.Opt));
        RuleFor(x => x.Label).Required().Must((x, l) => string.IsNullOrWhiteSpace(l) || NodeLabelText.Parse(l, x.Opt) is not null)
            .WithMessage(NodeLabelText.BadFormat);
    }
}

public sealed class SetupNodeLabelHandler(IKbossDbContext db, CenterGuard guard, ICurrentUser user, ISecretProtector secrets, IKubernetesGateway kube)
    : ICommandHandler<SetupNodeLabel, Reply<NodeLabelEcho>>
{
    /// <summary>Message when binding a label that is not in the org's node-label catalogue.</summary>
    public const string NotInCatalogue = "该节点标签不在组织的标签库中,请先新增资源标签(节点标签)";

    public async ValueTask<Reply<NodeLabelEcho>> Handle(SetupNodeLabel c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Cpcid!, track: false, ct);
        var cluster = await LiveCluster.LoadAsync(db, center.Id, c.Clusterid!, ct);
        var opt = c.Opt!.Trim();
        var (key, value) = NodeLabelText.Parse(c.Label, opt)!.Value;
        if (value is not null && !await db.Labels.AnyAsync(l => (l.OrgId == c.Orgid || l.OrgId == center.OrgId) && l.LabelType == LabelTypes.Node
                                                               && l.LabelKey == key && l.LabelValue == value, ct))
            throw BusinessException.NotFound(NotInCatalogue);
        var kubeconfig = LiveCluster.Kubeconfig(cluster, secrets);
        var node = c.WorkerNode!.Trim();
        await LiveCluster.CallAsync(async () => { await kube.SetNodeLabelAsync(kubeconfig, node, key, value, ct); return true; });

        db.AuditEntries.Add(Audit.Entry(user, opt == "label" ? "cpcc.node.labeled" : "cpcc.node.unlabeled", "cluster", cluster.Id,
            new { cpcid = center.Id, worker_node = node, label = c.Label!.Trim(), opt }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("设置节点标签成功", new NodeLabelEcho(cluster.Id, center.Id, c.Label!.Trim(), opt, c.Orgid!, node));
    }
}
