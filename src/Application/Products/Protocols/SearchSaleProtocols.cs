using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Protocols;

/// <summary>
/// <c>GET /product/sale_protocol_search.dspy</c> 协议查找 (analysis/catalog.md §3.7.2): the live protocols whose buyer or
/// seller is an org the caller may act on (its org; operators and resellers also the orgs they own; admin: all),
/// filtered by <c>bid_orgid</c> and/or <c>offer_orgid</c> (AND), newest first, as a list with both org names.
/// </summary>
public sealed record SearchSaleProtocols : IQuery<Reply<IReadOnlyList<SaleProtocolView>>>
{
    /// <summary>买方orgid filter.</summary>
    public string? BidOrgid { get; init; }
    /// <summary>卖方orgid filter.</summary>
    public string? OfferOrgid { get; init; }
}

public sealed class SearchSaleProtocolsValidator : AbstractValidator<SearchSaleProtocols>
{
    public SearchSaleProtocolsValidator()
    {
        RuleFor(x => x.BidOrgid).MaxChars(100);
        RuleFor(x => x.OfferOrgid).MaxChars(100);
    }
}

public sealed class SearchSaleProtocolsHandler(IKbossDbContext db, ICurrentUser user)
    : IQueryHandler<SearchSaleProtocols, Reply<IReadOnlyList<SaleProtocolView>>>
{
    /// <summary>Most rows returned (the list is not paged in the spec).</summary>
    public const int MaxRows = 1000;

    public async ValueTask<Reply<IReadOnlyList<SaleProtocolView>>> Handle(SearchSaleProtocols q, CancellationToken ct)
    {
        var org = user.OrgId ?? throw new Common.UnauthenticatedException();
        var protocols = db.SaleProtocols.AsNoTracking();
        if (!user.IsInRole(Roles.Admin))
        {
            var owns = user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Reseller);
            var scope = db.Organizations.Where(o => o.Id == org || (owns && o.OwnerOrgId == org)).Select(o => o.Id);
            protocols = protocols.Where(p => scope.Contains(p.OfferOrgid) || scope.Contains(p.BidOrgid));
        }
        if (MarketplaceValues.Clean(q.BidOrgid) is { } bid) protocols = protocols.Where(p => p.BidOrgid == bid);
        if (MarketplaceValues.Clean(q.OfferOrgid) is { } offer) protocols = protocols.Where(p => p.OfferOrgid == offer);
        var rows = await protocols.OrderByDescending(p => p.CreateAt).ThenBy(p => p.Id).Take(MaxRows)
            .Select(p => new
            {
                P = p,
                Offer = db.Organizations.Where(o => o.Id == p.OfferOrgid).Select(o => o.Name).FirstOrDefault(),
                Bid = db.Organizations.Where(o => o.Id == p.BidOrgid).Select(o => o.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return Reply.Ok("查找成功", (IReadOnlyList<SaleProtocolView>)rows.Select(x => SaleProtocolView.From(x.P, x.Offer, x.Bid)).ToList());
    }
}
