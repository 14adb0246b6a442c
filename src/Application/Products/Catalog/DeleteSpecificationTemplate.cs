using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Mediator;

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

public sealed class DeleteSpecificationTemplateHandler(SoftDelete delete, CatalogAccess access) : ICommandHandler<DeleteSpecificationTemplate, Reply<IdData>>
{
    private static readonly SoftDeletion<SpecificationTemplate> What = new(db => db.SpecificationTemplates, CatalogAccess.NotFoundMessage,
        "catalog.template.deleted", "specification_template", x => new { x.OrgId });

    public async ValueTask<Reply<IdData>> Handle(DeleteSpecificationTemplate c, CancellationToken ct) =>
        Reply.Ok("删除成功", new IdData(await delete.RunAsync(What, c.Id, (x, t) => access.EnsureAsync(x.OrgId, t), ct)));
}
