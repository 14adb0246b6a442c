using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Protocols;

/// <summary>
/// <c>GET /product/sale_protocol_add.dspy</c> 协议添加 (analysis/catalog.md §3.7.1): operators and admins. Both orgs are
/// required, must exist and differ, and the caller must be able to act on one of them; <c>offer_salemanid</c>, when
/// given, names an existing user; <c>salemode</c> ∈ 0/1/2; dates <c>yyyy-MM-dd</c> with start ≤ end.
/// </summary>
public sealed record AddSaleProtocol : ICommand<Reply<IdData>>, ISaleProtocolTerms
{
    /// <summary>销售人员id.</summary>
    public string? OfferSalemanid { get; init; }
    /// <summary>卖方orgid (required).</summary>
    public string? OfferOrgid { get; init; }
    /// <summary>买方orgid (required).</summary>
    public string? BidOrgid { get; init; }
    /// <inheritdoc />
    public string? Salemode { get; init; }
    /// <inheritdoc />
    public string? Settlemode { get; init; }
    /// <inheritdoc />
    public string? SettleDp { get; init; }
    /// <inheritdoc />
    public string? Protocolfile { get; init; }
    /// <inheritdoc />
    public string? StartDate { get; init; }
    /// <inheritdoc />
    public string? EndDate { get; init; }
}

public sealed class AddSaleProtocolValidator : AbstractValidator<AddSaleProtocol>
{
    public AddSaleProtocolValidator()
    {
        RuleFor(x => x.OfferOrgid).Required().MaxChars(100);
        RuleFor(x => x.BidOrgid).Required().MaxChars(100);
        RuleFor(x => x.OfferSalemanid).MaxChars(100);
        RuleFor(x => x.BidOrgid).Must((x, bid) => string.IsNullOrWhiteSpace(bid) || bid.Trim() != x.OfferOrgid?.Trim())
            .WithMessage("买方与卖方不能是同一机构");
        Include(new SaleProtocolTermsValidator());
    }
}

public sealed class AddSaleProtocolHandler(IKbossDbContext db, OrgAccess orgs, ICurrentUser user)
    : ICommandHandler<AddSaleProtocol, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(AddSaleProtocol c, CancellationToken ct)
    {
        var offer = c.OfferOrgid.Trimmed();
        var bid = c.BidOrgid.Trimmed();
        var found = await db.Organizations.AsNoTracking().Where(o => o.Id == offer || o.Id == bid).Select(o => o.Id).ToListAsync(ct);
        if (!found.Contains(offer)) throw BusinessException.NotFound("卖方机构不存在");
        if (!found.Contains(bid)) throw BusinessException.NotFound("买方机构不存在");
        if (!await orgs.CanActOnAsync(offer, ct) && !await orgs.CanActOnAsync(bid, ct))
            throw new ForbiddenException(SaleProtocolTermsValidator.Forbidden);
        var saleman = MarketplaceValues.Clean(c.OfferSalemanid);
        if (saleman is not null && !await db.Users.AnyAsync(u => u.Id == saleman, ct)) throw BusinessException.NotFound("销售人员不存在");

        var p = new SaleProtocol { OfferOrgid = offer, BidOrgid = bid, OfferSalemanid = saleman, UserId = user.UserId ?? "" };
        SaleProtocolMapper.Apply(c, p);
        db.SaleProtocols.Add(p);
        db.AuditEntries.Add(Audit.Entry(user, "sale_protocol.add", "sale_protocol", p.Id, new { offer, bid, p.Salemode }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("添加成功", new IdData(p.Id));
    }
}
