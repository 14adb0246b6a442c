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

/// <summary><c>GET /product/specification_template_delete.dspy</c> 产品模板删除: soft delete. analysis §3.1.3.</summary>
public sealed record DeleteSpecificationTemplate : ICommand<Reply<IdData>>
{
    /// <summary>产品模板查找时返回的id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteSpecificationTemplateValidator : AbstractValidator<DeleteSpecificationTemplate>
{
    public DeleteSpecificationTemplateValidator() => RuleFor(x => x.Id).Required().MaxChars(32);
}

public sealed class DeleteSpecificationTemplateHandler(IKbossDbContext db, CatalogAccess access, ICurrentUser user)
    : ICommandHandler<DeleteSpecificationTemplate, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(DeleteSpecificationTemplate c, CancellationToken ct)
    {
        var t = await db.SpecificationTemplates.FirstOrDefaultAsync(x => x.Id == c.Id!.Trim(), ct) ?? throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
        await access.EnsureAsync(t.OrgId, ct);
        t.DelFlg = DelFlag.Deleted;
        db.AuditEntries.Add(Audit.Entry(user, "catalog.template.deleted", "specification_template", t.Id, new { t.OrgId }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除成功", new IdData(t.Id));
    }
}
