using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Marketplace;

/// <summary>
/// <c>GET /product/publish_product_search.dspy</c> (商品|需求)管理查找: the back office. A customer sees its own items
/// (whatever <c>manager_self</c> says); an operator with <c>manager_self=single</c> its own, otherwise every item of the
/// orgs it manages (<c>userid</c> narrows to one publisher). <c>id</c> returns that single record within the scope.
/// Filters combine with AND: <c>publish_type</c>, <c>audit_status</c> (no default), <c>listing_status</c>
/// (listing/delisting/none = 空), <c>start_date</c>/<c>end_date</c> inclusive on <c>create_at</c>, <c>keyword</c> over
/// name, company, contact, phone and summary. Newest first; page size default 10. <c>to_excel=1</c> (operators only)
/// answers the whole filtered set (no paging, at most <see cref="PublishProductExcel.MaxRows"/>) as an xlsx file.
/// analysis/catalog.md §3.2.11, §4.4.
/// </summary>
public sealed record SearchPublishProducts : IQuery<Reply<PageResult<PublishProductAdminView>>>
{
    /// <summary>Site.</summary>
    public string? UrlLink { get; init; }
    /// <summary>Publisher filter (operators only; a customer always sees its own).</summary>
    public string? Userid { get; init; }
    /// <summary>Default 10, at most 100.</summary>
    public string? PageSize { get; init; }
    /// <summary>Default 1.</summary>
    public string? CurrentPage { get; init; }
    /// <summary>1:商品 2:需求.</summary>
    public string? PublishType { get; init; }
    /// <summary>single: an operator's own items.</summary>
    public string? ManagerSelf { get; init; }
    /// <summary>单条查询.</summary>
    public string? Id { get; init; }
    /// <summary>pending/approved/rejected.</summary>
    public string? AuditStatus { get; init; }
    /// <summary>listing/delisting, or none for 空.</summary>
    public string? ListingStatus { get; init; }
    /// <summary>开始时间 yyyy-MM-dd [HH:mm:ss].</summary>
    public string? StartDate { get; init; }
    /// <summary>结束时间 yyyy-MM-dd [HH:mm:ss] (a date covers the whole day).</summary>
    public string? EndDate { get; init; }
    /// <summary>查询关键字.</summary>
    public string? Keyword { get; init; }
    /// <summary>1: 转换成excel (operators; the answer is the xlsx file).</summary>
    public string? ToExcel { get; init; }
}

public sealed class SearchPublishProductsValidator : AbstractValidator<SearchPublishProducts>
{
    public SearchPublishProductsValidator()
    {
        RuleFor(x => x.PublishType).OneOf(PublishTypes.All);
        RuleFor(x => x.ManagerSelf).OneOf(["single"]);
        RuleFor(x => x.AuditStatus).OneOf(AuditStatuses.All);
        RuleFor(x => x.ListingStatus).OneOf([.. ListingStatuses.All, "none"]);
        RuleFor(x => x.StartDate).OptionalDateTime();
        RuleFor(x => x.EndDate).OptionalDateTime();
        RuleFor(x => x.Keyword).MaxChars(100);
        RuleFor(x => x.UrlLink).MaxChars(500);
        RuleFor(x => x.ToExcel).OneOf(MarketplaceValues.Flags);
    }
}

/// <summary>Handles <see cref="SearchPublishProducts"/>: a count and a page query.</summary>
public sealed class SearchPublishProductsHandler(IKbossDbContext db, MarketplaceAccess access, IPlatformSettings settings, PublishProductExcel excel)
    : IQueryHandler<SearchPublishProducts, Reply<PageResult<PublishProductAdminView>>>
{
    /// <summary>Default page size.</summary>
    public const int DefaultPageSize = 10;

    public async ValueTask<Reply<PageResult<PublishProductAdminView>>> Handle(SearchPublishProducts q, CancellationToken ct)
    {
        var toExcel = q.ToExcel?.Trim() == "1";
        if (toExcel && !access.IsOperator) throw new ForbiddenException("无权限操作: 仅运营可导出");
        var me = access.RequireUserId();
        var page = CurrentPage.Parse(q.CurrentPage, q.PageSize, DefaultPageSize);
        var items = access.BackOffice(db.PublishProducts.AsNoTracking());
        if (access.IsOperator)
        {
            if (q.ManagerSelf?.Trim() == "single") items = items.Where(p => p.UserId == me);
            else if (MarketplaceValues.Clean(q.Userid) is { } publisher) items = items.Where(p => p.UserId == publisher);
        }
        if (MarketplaceValues.Clean(q.Id) is { } id) items = items.Where(p => p.Id == id);
        if (MarketplaceValues.Clean(q.UrlLink) is { } site) items = items.Where(p => p.UrlLink == site);
        if (MarketplaceValues.Clean(q.PublishType) is { } type) items = items.Where(p => p.PublishType == type);
        if (MarketplaceValues.Clean(q.AuditStatus) is { } audit) items = items.Where(p => p.AuditStatus == audit);
        switch (MarketplaceValues.Clean(q.ListingStatus))
        {
            case null: break;
            case "none": items = items.Where(p => p.ListingStatus == null); break;
            case var listing: items = items.Where(p => p.ListingStatus == listing); break;
        }
        if (RuleExtensions.ToUtcBound(q.StartDate, settings.TimeZone, isEnd: false) is { } from) items = items.Where(p => p.CreateAt >= from);
        if (RuleExtensions.ToUtcBound(q.EndDate, settings.TimeZone, isEnd: true) is { } to) items = items.Where(p => p.CreateAt < to);
        if (MarketplaceValues.Clean(q.Keyword) is { } keyword)
        {
            var like = "%" + keyword.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            items = items.Where(p => EF.Functions.Like(p.ProductName, like, "\\")
                || (p.CompanyName != null && EF.Functions.Like(p.CompanyName, like, "\\"))
                || (p.ContactPerson != null && EF.Functions.Like(p.ContactPerson, like, "\\"))
                || (p.PhoneNumber != null && EF.Functions.Like(p.PhoneNumber, like, "\\"))
                || (p.RequirementSummary != null && EF.Functions.Like(p.RequirementSummary, like, "\\")));
        }
        if (toExcel)
        {
            var all = await items.OrderByDescending(p => p.CreateAt).ThenBy(p => p.Id).Take(PublishProductExcel.MaxRows).ToListAsync(ct);
            return Reply.WithFile<PageResult<PublishProductAdminView>>(await excel.BuildAsync(all, ct));
        }
        var total = await items.CountAsync(ct);
        if (MarketplaceValues.Clean(q.Id) is not null && total == 0) throw BusinessException.NotFound(MarketplaceAccess.NotFoundMessage);
        var rows = await items.OrderByDescending(p => p.CreateAt).ThenBy(p => p.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var views = rows.Select((p, i) => PublishProductAdminView.FromAdmin(p, page.Skip + i + 1)).ToList();
        return Reply.Ok("查找成功", page.Result<PublishProductAdminView>(total, views));
    }
}
