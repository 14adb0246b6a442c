using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Users.BrowseHistory;

/// <summary>
/// A browse-history row: <c>{"id", "userid", "product_id", "browse_time", "ip_address", "user_agent", "priority", "tag",
/// "product_info"}</c>; <c>product_info</c> is null when the item is gone, delisted or not approved (显示产品已下架).
/// </summary>
public sealed record BrowseHistoryRow
{
    /// <summary>Record id (for delete).</summary>
    public string Id { get; init; } = "";
    /// <summary>Viewer.</summary>
    public string Userid { get; init; } = "";
    /// <summary>Viewed item.</summary>
    public string ProductId { get; init; } = "";
    /// <summary>Last view (platform time).</summary>
    public DateTime BrowseTime { get; init; }
    /// <summary>来源IP.</summary>
    public string IpAddress { get; init; } = "";
    /// <summary>代理.</summary>
    public string UserAgent { get; init; } = "";
    /// <summary>优先级.</summary>
    public string Priority { get; init; } = "";
    /// <summary>标签.</summary>
    public string Tag { get; init; } = "";
    /// <summary>The item's public fields, or null.</summary>
    public PublishProductView? ProductInfo { get; init; }
    /// <summary>1-based row number.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("row_num_")]
    public int RowNum { get; init; }
}

/// <summary>
/// <c>GET /user/user_browse_history_search.dspy</c> 浏览记录查找: the session user's history (operators may name a
/// <c>userid</c> of an org they manage), newest first, page size default 10; <c>start_time</c>/<c>end_time</c> inclusive
/// on <c>browse_time</c>; <c>publish_type</c> and <c>url_link</c> filter on the item (rows of vanished items then drop
/// out). Two queries (count, page joined with the items). analysis/catalog.md §3.4.1, §4.7.
/// </summary>
public sealed record SearchBrowseHistory : IQuery<Reply<PageResult<BrowseHistoryRow>>>
{
    /// <summary>用户id (不是必填).</summary>
    public string? Userid { get; init; }
    /// <summary>当前页.</summary>
    public string? CurrentPage { get; init; }
    /// <summary>页面数量.</summary>
    public string? PageSize { get; init; }
    /// <summary>开始时间.</summary>
    public string? StartTime { get; init; }
    /// <summary>结束时间.</summary>
    public string? EndTime { get; init; }
    /// <summary>发布类型 1/2.</summary>
    public string? PublishType { get; init; }
    /// <summary>Site of the item.</summary>
    public string? UrlLink { get; init; }
}

public sealed class SearchBrowseHistoryValidator : AbstractValidator<SearchBrowseHistory>
{
    public SearchBrowseHistoryValidator()
    {
        RuleFor(x => x.StartTime).OptionalDateTime();
        RuleFor(x => x.EndTime).OptionalDateTime();
        RuleFor(x => x.PublishType).OneOf(PublishTypes.All);
        RuleFor(x => x.UrlLink).MaxChars(500);
    }
}

public sealed class SearchBrowseHistoryHandler(IKbossDbContext db, MarketplaceAccess access, IPlatformSettings settings)
    : IQueryHandler<SearchBrowseHistory, Reply<PageResult<BrowseHistoryRow>>>
{
    public async ValueTask<Reply<PageResult<BrowseHistoryRow>>> Handle(SearchBrowseHistory q, CancellationToken ct)
    {
        var userId = await access.ResolveUserAsync(q.Userid, ct);
        var page = CurrentPage.Parse(q.CurrentPage, q.PageSize, 10);
        var rows = db.UserBrowseHistories.AsNoTracking().Where(h => h.UserId == userId);
        if (RuleExtensions.ToUtcBound(q.StartTime, settings.TimeZone, isEnd: false) is { } from) rows = rows.Where(h => h.BrowseTime >= from);
        if (RuleExtensions.ToUtcBound(q.EndTime, settings.TimeZone, isEnd: true) is { } to) rows = rows.Where(h => h.BrowseTime < to);
        var type = MarketplaceValues.Clean(q.PublishType);
        var site = MarketplaceValues.Clean(q.UrlLink);
        if (type is not null || site is not null)
            rows = rows.Where(h => db.PublishProducts.Any(p => p.Id == h.ProductId && (type == null || p.PublishType == type) && (site == null || p.UrlLink == site)));
        var total = await rows.CountAsync(ct);
        var visible = db.PublishProducts.AsNoTracking().Where(MarketplaceAccess.IsPublic);
        var pageRows = await (
            from h in rows.OrderByDescending(h => h.BrowseTime).ThenBy(h => h.Id).Skip(page.Skip).Take(page.Size)
            join p in visible on h.ProductId equals p.Id into joined
            from p in joined.DefaultIfEmpty()
            select new { h, p }).ToListAsync(ct);
        var result = pageRows
            .OrderByDescending(r => r.h.BrowseTime).ThenBy(r => r.h.Id, StringComparer.Ordinal)
            .Select((r, i) => new BrowseHistoryRow
            {
                Id = r.h.Id, Userid = r.h.UserId, ProductId = r.h.ProductId, BrowseTime = r.h.BrowseTime, IpAddress = r.h.IpAddress,
                UserAgent = r.h.UserAgent, Priority = r.h.Priority, Tag = r.h.Tag,
                ProductInfo = r.p is null ? null : PublishProductView.From(r.p), RowNum = page.Skip + i + 1,
            }).ToList();
        return Reply.Ok("查找成功", page.Result<BrowseHistoryRow>(total, result));
    }
}
