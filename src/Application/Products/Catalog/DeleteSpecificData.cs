using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary><c>GET /product/specific_data_delete.dspy</c> 规格数据删除: soft delete. analysis §3.1.8.</summary>
public sealed record DeleteSpecificData : ICommand<Reply<IdData>>
{
    /// <summary>Record id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteSpecificDataValidator : AbstractValidator<DeleteSpecificData>
{
    public DeleteSpecificDataValidator() => RuleFor(x => x.Id).Required().MaxChars(32);
}

public sealed class DeleteSpecificDataHandler(IKbossDbContext db, CatalogAccess access, ICurrentUser user) : ICommandHandler<DeleteSpecificData, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(DeleteSpecificData c, CancellationToken ct)
    {
        var d = await db.SpecificDatas.FirstOrDefaultAsync(x => x.Id == c.Id!.Trim(), ct) ?? throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
        await access.EnsureAsync(d.OrgId, ct);
        d.DelFlg = DelFlag.Deleted;
        db.AuditEntries.Add(Audit.Entry(user, "catalog.spec_data.deleted", "specific_data", d.Id, new { d.ProductId }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除成功", new IdData(d.Id));
    }
}
