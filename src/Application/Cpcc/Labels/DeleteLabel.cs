using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Labels;

/// <summary>Reply data of L3: <c>{"id"}</c>.</summary>
/// <param name="Id">Deleted label id.</param>
public sealed record DeletedLabel(string Id);

/// <summary>
/// L3 <c>POST /dev/cpcc/cpclabel/delete_cpclabel.dspy</c>: soft-deletes a catalogue label of the org. Refused while an
/// instance config of the org, or one running in a centre of the org, uses it as <c>source_selflabel</c> (instance
/// label) or <c>source_nodeselector</c> (node label) (§6.4 #45). Kubernetes nodes are not touched (§4.5).
/// spec: 39-cpcc-labels.md; analysis/cpcc.md §3.C L3.
/// </summary>
public sealed record DeleteLabel : ICommand<Reply<DeletedLabel>>, IOrgScoped
{
    /// <summary>Label id.</summary>
    public string? Id { get; init; }
    /// <inheritdoc />
    public string? Orgid { get; set; }
}

public sealed class DeleteLabelValidator : AbstractValidator<DeleteLabel>
{
    public DeleteLabelValidator() => RuleFor(x => x.Id).Required();
}

public sealed class DeleteLabelHandler(IKbossDbContext db, ICurrentUser user) : ICommandHandler<DeleteLabel, Reply<DeletedLabel>>
{
    /// <summary>Message when the label is unknown (or belongs to another org).</summary>
    public const string NotFound = "资源标签不存在";
    /// <summary>Message when an instance config uses the label.</summary>
    public const string InUse = "该标签正被资源实例配置使用,无法删除";

    public async ValueTask<Reply<DeletedLabel>> Handle(DeleteLabel c, CancellationToken ct)
    {
        var label = await db.Labels.FirstOrDefaultAsync(l => l.Id == c.Id.Trimmed() && l.OrgId == c.Orgid, ct)
                    ?? throw BusinessException.NotFound(NotFound);
        var rendered = label.Rendered;
        var configs = db.InstanceConfigs.AsNoTracking().Where(i =>
            i.OrgId == label.OrgId || db.ComputeCenters.Any(cc => cc.Id == i.Cpcid && cc.OrgId == label.OrgId));
        var inUse = label.LabelType == LabelTypes.Node
            ? await configs.AnyAsync(i => i.SourceNodeselector == rendered, ct)
            : await configs.AnyAsync(i => i.SourceSelflabel == rendered, ct);
        if (inUse) throw BusinessException.Conflict(InUse);
        label.MarkDeleted();
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.label.deleted", "label", label.Id, new { orgid = label.OrgId, label = rendered }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除资源标签成功", new DeletedLabel(label.Id));
    }
}
