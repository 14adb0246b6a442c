using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Protocols;

/// <summary>
/// <c>GET /product/sale_protocol_update.dspy</c> 协议更新 (analysis/catalog.md §3.7.4): a partial update of the terms of
/// the protocol <c>protocolid</c> (the <c>id</c> of search/delete), with the rules of add, by an operator who may act on
/// one of its parties. <c>provider_table_id</c> ("供应商修改协议时填写") asks to keep a provider record in sync; the
/// provider module (10) does not exist yet, so such a request is refused with <c>not_implemented</c> instead of being
/// half done (ADR 0007).
/// </summary>
public sealed record UpdateSaleProtocol : ICommand<Reply<SaleProtocolView>>, ISaleProtocolTerms
{
    /// <summary>协议id (required).</summary>
    public string? Protocolid { get; init; }
    /// <inheritdoc />
    public string? Salemode { get; init; }
    /// <inheritdoc />
    public string? StartDate { get; init; }
    /// <inheritdoc />
    public string? EndDate { get; init; }
    /// <inheritdoc />
    public string? Protocolfile { get; init; }
    /// <inheritdoc />
    public string? Settlemode { get; init; }
    /// <inheritdoc />
    public string? SettleDp { get; init; }
    /// <summary>供应商修改协议时填写 (not available yet).</summary>
    public string? ProviderTableId { get; init; }
}

public sealed class UpdateSaleProtocolValidator : AbstractValidator<UpdateSaleProtocol>
{
    public UpdateSaleProtocolValidator()
    {
        RuleFor(x => x.Protocolid).Required().MaxChars(100);
        RuleFor(x => x.ProviderTableId).MaxChars(100);
        Include(new SaleProtocolTermsValidator());
    }
}

public sealed class UpdateSaleProtocolHandler(IKbossDbContext db, SaleProtocolAccess protocols, ICurrentUser user)
    : ICommandHandler<UpdateSaleProtocol, Reply<SaleProtocolView>>
{
    public async ValueTask<Reply<SaleProtocolView>> Handle(UpdateSaleProtocol c, CancellationToken ct)
    {
        var p = await protocols.LoadManageableAsync(c.Protocolid, ct);
        if (MarketplaceValues.Clean(c.ProviderTableId) is not null)
            throw new BusinessException("供应商协议同步暂未开放 (provider_table_id)", ErrorCodes.NotImplemented);
        SaleProtocolMapper.Apply(c, p);
        db.AuditEntries.Add(Audit.Entry(user, "sale_protocol.update", "sale_protocol", p.Id,
            new { p.Salemode, p.Settlemode, p.SettleDp, p.StartDate, p.EndDate }));
        await db.SaveChangesAsync(ct);
        var names = await db.Organizations.AsNoTracking().Where(o => o.Id == p.OfferOrgid || o.Id == p.BidOrgid)
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return Reply.Ok("更新成功",
            SaleProtocolView.From(p, names.GetValueOrDefault(p.OfferOrgid), names.GetValueOrDefault(p.BidOrgid)));
    }
}
