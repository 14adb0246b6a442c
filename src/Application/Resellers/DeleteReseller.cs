using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Resellers;

/// <summary>What RSL-07 deleted.</summary>
/// <param name="Orgid">The reseller org.</param>
/// <param name="Protocols">Seller→reseller protocols deleted.</param>
/// <param name="Products">Their product rows deleted.</param>
public sealed record ResellerDeleted(string Orgid, int Protocols, int Products);

/// <summary>
/// RSL-07 <c>GET /reseller/reseller_org_delete.dspy</c> 分销商删除 (spec 16-reseller.md; finance.md §3.4): in one
/// transaction soft-deletes the reseller's white-label row (its domain is freed: RSL-05 no longer resolves it) and
/// every live protocol selling to it with their product rows. The org, its users, customers and bills stay (history;
/// the identity endpoints disable accounts). <c>id</c>: <c>reseller_table_id</c> or org id; nothing left to delete →
/// not found. Admin or operators of the owner org.
/// </summary>
public sealed record DeleteReseller : ICommand<Reply<ResellerDeleted>>, IByIdRequest
{
    /// <summary>分销商表id (or the reseller org id).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteResellerValidator() : ByIdValidator<DeleteReseller>(32);

public sealed class DeleteResellerHandler(IKbossDbContext db, ICurrentUser user, ResellerAccess resellers)
    : ICommandHandler<DeleteReseller, Reply<ResellerDeleted>>
{
    public async ValueTask<Reply<ResellerDeleted>> Handle(DeleteReseller c, CancellationToken ct)
    {
        var (org, row) = await resellers.FindAsync(c.Id, ct);
        resellers.EnsureCanOwn(org);
        await using var tx = await db.BeginTransactionAsync(ct);
        var protocols = await db.SaleProtocols.Where(p => p.BidOrgid == org.Id).ToListAsync(ct);
        var ids = protocols.Select(p => p.Id).ToList();
        var products = await db.ProductSaleConfigs.Where(r => ids.Contains(r.ProtocolId)).ToListAsync(ct);
        if (row is null && protocols.Count == 0) throw BusinessException.NotFound(ResellerAccess.NotFoundMessage);
        row?.Delete();
        protocols.ForEach(p => p.MarkDeleted());
        products.ForEach(r => r.MarkDeleted());
        db.AuditEntries.Add(Audit.Entry(user, "reseller.deleted", "reseller", row?.Id ?? org.Id,
            new { orgid = org.Id, protocols = ids, products = products.Count }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Reply.Ok("删除成功", new ResellerDeleted(org.Id, protocols.Count, products.Count));
    }
}
