using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E10 <c>POST /apv/delete_apv_business.dspy</c> 删除审批业务: soft-deletes the live business (审批业务不存在
/// otherwise) with its template, flows and senders; <c>del_flg</c> is ignored. Records already sent keep their
/// callbacks (the URL is read from the deleted row); new sends fail. spec: analysis/platform.md §3.1 E10.
/// </summary>
public sealed record DeleteApvBusiness : ApvBodyRequest, ICommand<Reply<string>>, IByIdRequest
{
    /// <summary>Business id (required).</summary>
    public string? Id { get; init; }
    /// <summary>Ignored (a delete always sets <c>1</c>).</summary>
    public string? DelFlg { get; init; }
}

public sealed class DeleteApvBusinessValidator() : ByIdValidator<DeleteApvBusiness>(64);

public sealed class DeleteApvBusinessHandler(IKbossDbContext db, ICurrentUser user)
    : ICommandHandler<DeleteApvBusiness, Reply<string>>
{
    public async ValueTask<Reply<string>> Handle(DeleteApvBusiness c, CancellationToken ct)
    {
        var id = c.Id.Trimmed();
        var business = await db.ApvBusinesses.FirstOrDefaultAsync(b => b.Id == id, ct)
                       ?? throw BusinessException.NotFound(ApprovalConfig.NoBusinessMessage);
        business.MarkDeleted();
        foreach (var t in await db.ApvTemplates.Where(t => t.BusinessId == id).ToListAsync(ct)) t.MarkDeleted();
        foreach (var f in await db.ApvFlows.Where(f => f.BusinessId == id).ToListAsync(ct)) f.MarkDeleted();
        foreach (var s in await db.ApvSendKeys.Where(s => s.BusinessId == id).ToListAsync(ct)) s.MarkDeleted();
        db.AuditEntries.Add(Audit.Entry(user, "apv.business.deleted", "apv_business", id,
            new { business_name = business.BusinessName }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("success", id);
    }
}
