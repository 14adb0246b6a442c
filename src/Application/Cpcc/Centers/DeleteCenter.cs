using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Centers;

/// <summary>Reply data of C4: <c>{"id", "orgid"}</c>.</summary>
/// <param name="Id">Deleted centre id.</param>
/// <param name="Orgid">Its org.</param>
public sealed record DeletedCenter(string Id, string Orgid);

/// <summary>
/// C4 <c>POST /dev/cpcc/cpclist/delete_cpclist.dspy</c>: soft-deletes a centre. Refused while it still has clusters
/// or widgets (analysis/cpcc.md §6.4 #45). spec: 37-cpcc-centers.md.
/// </summary>
public sealed record DeleteCenter : ICommand<Reply<DeletedCenter>>, IOrgScoped
{
    /// <summary>Centre id (required, despite the doc's 否).</summary>
    public string? Id { get; init; }
    /// <inheritdoc />
    public string? Orgid { get; set; }
}

public sealed class DeleteCenterValidator : AbstractValidator<DeleteCenter>
{
    public DeleteCenterValidator() => RuleFor(x => x.Id).Required("无算力中心ID");
}

public sealed class DeleteCenterHandler(IKbossDbContext db, CenterGuard guard, ICurrentUser user)
    : ICommandHandler<DeleteCenter, Reply<DeletedCenter>>
{
    public async ValueTask<Reply<DeletedCenter>> Handle(DeleteCenter c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Id!, track: true, ct);
        if (await db.Clusters.AnyAsync(k => k.Cpcid == center.Id, ct) || await db.Widgets.AnyAsync(w => w.Cpcid == center.Id, ct))
            throw BusinessException.Conflict("该算力中心下仍有算力集群或算力部件,请先移除后再删除");
        center.MarkDeleted();
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.center.deleted", "compute_center", center.Id, new { center.Name }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除算力中心成功", new DeletedCenter(center.Id, center.OrgId));
    }
}
