using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Marketplace;

/// <summary>
/// <c>GET /product/publish_product_update.dspy</c> (商品|需求)更新: edit, audit, list/delist or delete an item through
/// <see cref="PublishWorkflow"/> (analysis/catalog.md §3.2.13, §4.2). The request is classified in this order:
/// <c>del_flg=1</c> → delete; <c>listing_status=delisting</c> → delist; <c>audit_status=approved|rejected</c> by an
/// operator on someone else's item → approve / reject (with <c>reject_reason</c>), by a customer → 403;
/// <c>listing_status=listing</c> → list (operators); otherwise → edit with the given fields (customer: back to pending
/// and unlisted; operator on its own item: approved and listed; moderator: states unchanged).
/// The caller must own the item or moderate it (the managers of its site; without a registered site, operators of its
/// org); others get 403. An operator author counts as an operator only on a site its org manages, and a new
/// <c>url_link</c> must be a site the operator manages (else: the author's edit goes back to pending, a moderator
/// gets 403) (ADR 0017). The junk body field <c>sdsd</c> is ignored.
/// </summary>
public sealed record UpdatePublishProduct : PublishProductFieldsRequest, ICommand<Reply<PublishStateDto>>
{
    /// <summary>需求/商品 id (required).</summary>
    public string? Id { get; init; }
    /// <summary>不是必填 (ignored; the session user acts).</summary>
    public string? Userid { get; init; }
    /// <summary>pending/approved/rejected.</summary>
    public string? AuditStatus { get; init; }
    /// <summary>listing/delisting.</summary>
    public string? ListingStatus { get; init; }
    /// <summary>Required with <c>audit_status=rejected</c>.</summary>
    public string? RejectReason { get; init; }
    /// <summary>1: delete.</summary>
    public string? DelFlg { get; init; }
    /// <summary>The doc's body object (<c>{"sdsd": ""}</c>, a junk test field): accepted and ignored.</summary>
    public string? Body { get; init; }
}

public sealed class UpdatePublishProductValidator : AbstractValidator<UpdatePublishProduct>
{
    public UpdatePublishProductValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(100);
        RuleFor(x => x.AuditStatus).OneOf(AuditStatuses.All);
        RuleFor(x => x.ListingStatus).OneOf(ListingStatuses.All);
        RuleFor(x => x.RejectReason).MaxChars(500);
        RuleFor(x => x.DelFlg).OneOf(MarketplaceValues.Flags);
        Include(new PublishProductFieldsValidator(adding: false));
    }
}

public sealed class UpdatePublishProductHandler(
    IKbossDbContext db, MarketplaceAccess access, ICurrentUser user, SiteAccess sites)
    : ICommandHandler<UpdatePublishProduct, Reply<PublishStateDto>>
{
    public async ValueTask<Reply<PublishStateDto>> Handle(UpdatePublishProduct c, CancellationToken ct)
    {
        var me = access.RequireUserId();
        var id = c.Id.Trimmed();
        var item = await db.PublishProducts.Include(p => p.Categories).FirstOrDefaultAsync(p => p.Id == id, ct)
                   ?? throw BusinessException.NotFound(MarketplaceAccess.NotFoundMessage);
        var moderates = await access.CanModerateAsync(item.UrlLink, item.OrgId, ct);
        PublishActor actor;
        if (item.UserId == me) actor = moderates ? PublishActor.OperatorOwner : PublishActor.Customer;
        else if (moderates) actor = PublishActor.Moderator;
        else throw new ForbiddenException(MarketplaceAccess.ForbiddenMessage);
        var newSite = MarketplaceValues.Clean(c.UrlLink);
        if (newSite is not null && newSite != item.UrlLink && actor != PublishActor.Customer
            && !await sites.CanManageAsync(newSite, claim: true, ct)) // before any change: a claim saves at once
        {
            if (actor == PublishActor.Moderator) throw new ForbiddenException(SiteAccess.ForbiddenMessage);
            actor = PublishActor.Customer;
        }

        var audit = MarketplaceValues.Clean(c.AuditStatus);
        var listing = MarketplaceValues.Clean(c.ListingStatus);
        var action = MarketplaceValues.Clean(c.DelFlg) == "1" ? PublishAction.Delete
            : listing == ListingStatuses.Delisting ? PublishAction.Delist
            : audit == AuditStatuses.Approved && actor != PublishActor.OperatorOwner ? PublishAction.Approve
            : audit == AuditStatuses.Rejected && actor != PublishActor.OperatorOwner ? PublishAction.Reject
            : listing == ListingStatuses.Listing ? PublishAction.List
            : PublishAction.Edit;

        var before = PublishStateDto.From(item);
        item.Decide(actor, action, c.RejectReason).OrThrow();
        if (action == PublishAction.Edit)
        {
            IReadOnlyList<string>? categories = null;
            var asOperator = actor != PublishActor.Customer;
            if (!string.IsNullOrWhiteSpace(c.ProductCategory))
                categories = await access.CheckCategoriesAsync(c.ProductCategory, asOperator, ct);
            PublishProductMapper.Apply(c, item, categories, asOperator);
        }
        var auditAction = "marketplace.product." + action.ToString().ToLowerInvariant();
        db.AuditEntries.Add(Audit.Entry(user, auditAction, "publish_product", item.Id,
            new { actor = actor.ToString(), before, after = PublishStateDto.From(item) }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok(action == PublishAction.Delete ? "删除成功" : "更新成功", PublishStateDto.From(item));
    }
}
