using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Marketplace;
using Mediator;

namespace Kboss.Application.Products.Marketplace;

/// <summary>
/// <c>GET /product/publish_product_add.dspy</c> (商品|需求)发布增加. Login required. A customer's item starts pending and
/// unlisted (its <c>audit_status</c>, <c>status</c>, <c>first_page</c> and <c>priority</c> are ignored); an operator's is
/// approved and listed at once when its org manages the item's site (an unregistered site is claimed; no site: always),
/// otherwise it is treated like a customer's and waits for the site's moderators (ADR 0017; analysis/catalog.md §3.2.9,
/// §4.2 S1/S2). <c>status</c> is derived from the listing state.
/// </summary>
public sealed record AddPublishProduct : PublishProductFieldsRequest, ICommand<Reply<PublishStateDto>>
{
    /// <summary>Publisher (the session user is used).</summary>
    public string? Userid { get; init; }
    /// <summary>上架状态 0/1: accepted for compatibility, derived from the workflow instead.</summary>
    [JsonPropertyOrder(AfterPriority - 1)]
    public string? Status { get; init; }
    /// <summary>审核状态: accepted for compatibility and ignored (the workflow decides).</summary>
    [JsonPropertyOrder(AfterPriority + 1)]
    public string? AuditStatus { get; init; }
}

public sealed class AddPublishProductValidator : AbstractValidator<AddPublishProduct>
{
    public AddPublishProductValidator()
    {
        Include(new PublishProductFieldsValidator(adding: true));
        RuleFor(x => x.Status).OneOf(MarketplaceValues.Flags);
        RuleFor(x => x.AuditStatus).OneOf(AuditStatuses.All);
    }
}

public sealed class AddPublishProductHandler(
    IKbossDbContext db, MarketplaceAccess access, ICurrentUser user, SiteAccess sites)
    : ICommandHandler<AddPublishProduct, Reply<PublishStateDto>>
{
    public async ValueTask<Reply<PublishStateDto>> Handle(AddPublishProduct c, CancellationToken ct)
    {
        var me = access.RequireUserId();
        var site = SiteAccess.Key(c.UrlLink);
        var isOperator = access.IsOperator && (site.Length == 0 || await sites.CanManageAsync(site, claim: true, ct));
        var categories = await access.CheckCategoriesAsync(c.ProductCategory!, isOperator, ct);
        var item = PublishProduct.Publish(me, user.OrgId ?? "", isOperator);
        PublishProductMapper.Apply(c, item, categories, isOperator);
        db.PublishProducts.Add(item);
        db.AuditEntries.Add(Audit.Entry(user, "marketplace.product.published", "publish_product", item.Id,
            new { item.PublishType, item.ProductName, item.AuditStatus, item.ListingStatus }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("发布成功", PublishStateDto.From(item));
    }
}
