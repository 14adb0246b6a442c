using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Products.Protocols;

/// <summary>
/// <c>GET /product/sale_protocol_delete.dspy</c> 协议删除 (analysis/catalog.md §3.7.3): soft delete of the protocol
/// <c>id</c> by an operator who may act on one of its parties; an unknown or already deleted id is not_found.
/// </summary>
public sealed record DeleteSaleProtocol : ICommand<Reply<IdData>>
{
    /// <summary>协议表id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteSaleProtocolValidator : AbstractValidator<DeleteSaleProtocol>
{
    public DeleteSaleProtocolValidator() => RuleFor(x => x.Id).Required().MaxChars(100);
}

public sealed class DeleteSaleProtocolHandler(IKbossDbContext db, OrgAccess orgs, ICurrentUser user)
    : ICommandHandler<DeleteSaleProtocol, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(DeleteSaleProtocol c, CancellationToken ct)
    {
        var p = await SaleProtocolTermsValidator.LoadManageableAsync(db, orgs, c.Id!, ct);
        p.DelFlg = DelFlag.Deleted;
        db.AuditEntries.Add(Audit.Entry(user, "sale_protocol.delete", "sale_protocol", p.Id, new { p.OfferOrgid, p.BidOrgid }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除成功", new IdData(p.Id));
    }
}
