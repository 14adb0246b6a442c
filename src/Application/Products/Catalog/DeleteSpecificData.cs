using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Mediator;

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

public sealed class DeleteSpecificDataHandler(SoftDelete delete, CatalogAccess access) : ICommandHandler<DeleteSpecificData, Reply<IdData>>
{
    private static readonly SoftDeletion<SpecificData> What = new(db => db.SpecificDatas, CatalogAccess.NotFoundMessage,
        "catalog.spec_data.deleted", "specific_data", x => new { x.ProductId });

    public async ValueTask<Reply<IdData>> Handle(DeleteSpecificData c, CancellationToken ct) =>
        Reply.Ok("删除成功", new IdData(await delete.RunAsync(What, c.Id, (x, t) => access.EnsureAsync(x.OrgId, t), ct)));
}
