using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/search_user_inquiry.dspy</c> 立即咨询查找 (operators and sales): the live leads of the orgs the caller
/// may act on (admin: all, including leads of no org), of one site when <c>url_link</c> is given, newest first, each
/// with <c>relate_name</c>. <c>to_excel=1</c> answers the same leads (at most <see cref="SearchUserInquiriesHandler.MaxRows"/>)
/// as an xlsx file <c>立即咨询导出_yyyyMMddHHmmss.xlsx</c> with the columns of analysis §4.10 (姓名, 电话, 公司, 邮箱, 咨询内容,
/// 发布类型, 关联商品, 咨询类型, 是否回访, 创建时间). analysis §3.1.15, §4.10.
/// </summary>
public sealed record SearchUserInquiries : IQuery<Reply<IReadOnlyList<UserInquiryDto>>>
{
    /// <summary>Site.</summary>
    public string? UrlLink { get; init; }
    /// <summary><c>1</c>: answer an xlsx file instead of JSON.</summary>
    public string? ToExcel { get; init; }
}

/// <summary>A lead as the back office sees it.</summary>
public sealed record UserInquiryDto
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Site.</summary>
    public string UrlLink { get; init; } = "";
    /// <summary>1 商品 / 2 需求.</summary>
    public string? PublishType { get; init; }
    /// <summary>Related item id.</summary>
    public string? RelateId { get; init; }
    /// <summary>Related item's name (null when gone).</summary>
    public string? RelateName { get; init; }
    /// <summary>Message.</summary>
    public string? Content { get; init; }
    /// <summary>Inquiry type.</summary>
    public string? CustomType { get; init; }
    /// <summary>Contact name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Phone.</summary>
    public string Phone { get; init; } = "";
    /// <summary>Company.</summary>
    public string? Company { get; init; }
    /// <summary>Email.</summary>
    public string? Email { get; init; }
    /// <summary>0 not followed up, 1 followed up.</summary>
    public string Feedback { get; init; } = "0";
    /// <summary>Logged-in visitor, if any.</summary>
    public string? Userid { get; init; }
    /// <summary>Created (platform time).</summary>
    public DateTime CreateAt { get; init; }
}

public sealed class SearchUserInquiriesValidator : AbstractValidator<SearchUserInquiries>
{
    public SearchUserInquiriesValidator()
    {
        RuleFor(x => x.UrlLink).MaxChars(500);
        RuleFor(x => x.ToExcel).OneOf(["0", "1"]);
    }
}

/// <summary>Handles <see cref="SearchUserInquiries"/>: one query (related names joined in SQL).</summary>
public sealed class SearchUserInquiriesHandler(IKbossDbContext db, CatalogAccess access, ISpreadsheetWriter writer,
    IPlatformSettings settings, TimeProvider clock) : IQueryHandler<SearchUserInquiries, Reply<IReadOnlyList<UserInquiryDto>>>
{
    /// <summary>Most rows of one export.</summary>
    public const int MaxRows = 10_000;

    /// <summary>Columns of the export, in order.</summary>
    public static readonly IReadOnlyList<SpreadsheetColumn> Columns =
    [
        new("姓名", 12), new("电话", 16), new("公司", 28), new("邮箱", 24), new("咨询内容", 40), new("发布类型", 10),
        new("关联商品", 28), new("咨询类型", 12), new("是否回访", 10), new("创建时间", 20),
    ];

    public async ValueTask<Reply<IReadOnlyList<UserInquiryDto>>> Handle(SearchUserInquiries q, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        var leads = db.UserInquiries.AsNoTracking();
        if (scope is not null) leads = leads.Where(l => l.OrgId != null && scope.Contains(l.OrgId));
        if (CatalogAccess.Clean(q.UrlLink) is { } site) leads = leads.Where(l => l.UrlLink == site);
        var toExcel = q.ToExcel?.Trim() == "1";
        var ordered = leads.OrderByDescending(l => l.CreateAt).ThenBy(l => l.Id);
        var rows = await (toExcel ? ordered.Take(MaxRows) : ordered).Select(l => new UserInquiryDto
        {
            Id = l.Id, UrlLink = l.UrlLink, PublishType = l.PublishType, RelateId = l.RelateId,
            RelateName = db.PublishProducts.Where(p => p.Id == l.RelateId).Select(p => p.ProductName).FirstOrDefault(),
            Content = l.Content, CustomType = l.CustomType, Name = l.Name, Phone = l.Phone, Company = l.Company, Email = l.Email,
            Feedback = l.Feedback, Userid = l.UserId, CreateAt = l.CreateAt,
        }).ToListAsync(ct);
        if (toExcel) return Reply.WithFile<IReadOnlyList<UserInquiryDto>>(Export(rows));
        return Reply.Ok<IReadOnlyList<UserInquiryDto>>("查找成功", rows);
    }

    private FileDownload Export(IReadOnlyList<UserInquiryDto> rows)
    {
        if (rows.Count == 0) throw BusinessException.NotFound("无可导出数据");
        DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), settings.TimeZone);
        var bytes = writer.Write("立即咨询", Columns, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Name, r.Phone, r.Company, r.Email, r.Content,
            r.PublishType switch { "1" => "商品", "2" => "需求", _ => r.PublishType }, r.RelateName, r.CustomType,
            r.Feedback == "1" ? "是" : "否", Local(r.CreateAt),
        ]));
        var stamp = Local(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return new FileDownload($"立即咨询导出_{stamp}.xlsx", FileDownload.Xlsx, bytes);
    }
}
