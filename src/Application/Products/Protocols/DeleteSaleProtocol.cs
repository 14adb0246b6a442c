using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Mediator;

namespace Kboss.Application.Products.Protocols;

/// <summary>
/// <c>GET /product/sale_protocol_delete.dspy</c> 协议删除 (analysis/catalog.md §3.7.3): soft delete of the protocol
/// <c>id</c> by an operator who may act on one of its parties; an unknown or already deleted id is not_found.
/// </summary>
public sealed record DeleteSaleProtocol : ICommand<Reply<IdData>>, IByIdRequest
{
    /// <summary>协议表id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteSaleProtocolValidator() : ByIdValidator<DeleteSaleProtocol>(100);

public sealed class DeleteSaleProtocolHandler(SoftDelete delete, SaleProtocolAccess protocols)
    : ICommandHandler<DeleteSaleProtocol, Reply<IdData>>
{
    private static readonly SoftDeletion<SaleProtocol> Rows = new(db => db.SaleProtocols,
        SaleProtocolTermsValidator.NotFound, "sale_protocol.delete", "sale_protocol",
        p => new { p.OfferOrgid, p.BidOrgid });

    public async ValueTask<Reply<IdData>> Handle(DeleteSaleProtocol c, CancellationToken ct) =>
        Reply.Ok("删除成功", new IdData(await delete.RunAsync(Rows, c.Id, protocols.EnsureCanManageAsync, ct)));
}
