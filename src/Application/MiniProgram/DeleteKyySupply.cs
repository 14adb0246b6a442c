using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;

namespace Kboss.Application.MiniProgram;

/// <summary>
/// <c>GET /operation/delete_kyy_supply.dspy</c> 运维删除供应产品 (analysis/platform.md E50; ops, operators, admins):
/// soft delete of <c>delete_id</c>, a product of an org the caller may act on (else 403); unknown:
/// <c>供应产品不存在</c>.
/// </summary>
public sealed record DeleteKyySupply : ICommand<Reply<IdData>>
{
    /// <summary>Product id (required).</summary>
    public string? DeleteId { get; init; }
}

public sealed class DeleteKyySupplyValidator : FluentValidation.AbstractValidator<DeleteKyySupply>
{
    public DeleteKyySupplyValidator() => RuleFor(x => x.DeleteId).Required().MaxChars(64);
}

public sealed class DeleteKyySupplyHandler(SoftDelete delete, KyySupplyAccess access)
    : ICommandHandler<DeleteKyySupply, Reply<IdData>>
{
    private static readonly SoftDeletion<Domain.MiniProgram.KyySupply> Rows = new(db => db.KyySupplies,
        KyySupplyAccess.NotFoundMessage, "ops.kyy_supply.deleted", "kyy_supply", x => new { x.OrgId, x.FilePath });

    public async ValueTask<Reply<IdData>> Handle(DeleteKyySupply c, CancellationToken ct) =>
        Reply.Ok("删除成功", new IdData(await delete.RunAsync(Rows, c.DeleteId, access.EnsureCanManageAsync, ct)));
}
