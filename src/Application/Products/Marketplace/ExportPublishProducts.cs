using System.Globalization;
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
/// <c>GET /product/publish_product_to_excel.dspy</c> (商品|需求) 导出 单条/多条 (analysis/catalog.md §3.2.14, §4.10):
/// operators export the items <c>ids</c> (a JSON array of ids, "注意双引号"; a bare single id is accepted) among the items
/// they manage, as an xlsx file (<see cref="PublishProductExcel"/>); ids outside the scope or deleted are skipped; none
/// left → <c>无可导出数据</c>.
/// </summary>
public sealed record ExportPublishProducts : IQuery<Reply<IdData>>
{
    /// <summary>单条或多条 id数组 (required), e.g. <c>["id1","id2"]</c>.</summary>
    public string? Ids { get; init; }
}

public sealed class ExportPublishProductsValidator : AbstractValidator<ExportPublishProducts>
{
    public ExportPublishProductsValidator() =>
        RuleFor(x => x.Ids).Required().MaxChars(100_000)
            .Must(v => string.IsNullOrWhiteSpace(v) || PublishProductExcel.ParseIds(v) is not null)
            .WithMessage("ids 必须是 id 的 JSON 数组 (双引号), 如 [\"id1\",\"id2\"]");
}

public sealed class ExportPublishProductsHandler(IKbossDbContext db, MarketplaceAccess access, PublishProductExcel excel)
    : IQueryHandler<ExportPublishProducts, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(ExportPublishProducts q, CancellationToken ct)
    {
        if (!access.IsOperator) throw new ForbiddenException(MarketplaceAccess.ForbiddenMessage);
        var ids = PublishProductExcel.ParseIds(q.Ids)!;
        var items = await access.Managed(db.PublishProducts.AsNoTracking()).Where(p => ids.Contains(p.Id))
            .OrderByDescending(p => p.CreateAt).ThenBy(p => p.Id).ToListAsync(ct);
        return Reply.WithFile<IdData>(await excel.BuildAsync(items, ct));
    }
}

/// <summary>
/// The xlsx of published items (analysis §3.2.14 step 4, §4.10): one row per item, Chinese headers of the add fields plus
/// 审核状态, 上架状态, 驳回原因, 发布人 and 创建时间; categories by name; times in the platform zone. File name
/// <c>供需发布导出_yyyyMMddHHmmss.xlsx</c>.
/// </summary>
public sealed class PublishProductExcel(IKbossDbContext db, ISpreadsheetWriter writer, IPlatformSettings settings, TimeProvider clock)
{
    /// <summary>Most rows of one export.</summary>
    public const int MaxRows = 10_000;
    /// <summary>Message when nothing is left to export.</summary>
    public const string Nothing = "无可导出数据";

    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<SpreadsheetColumn> Columns =
    [
        new("ID", 26), new("发布类型", 10), new("产品名称", 30), new("所属类别", 24), new("公司名称", 28), new("公司类别", 14),
        new("联系人", 12), new("职务", 12), new("联系电话", 16), new("邮箱", 24), new("CPU", 18), new("内存", 14), new("GPU", 18),
        new("系统盘", 14), new("数据盘", 14), new("网络配置", 18), new("价格", 12), new("价格单位", 10), new("折扣", 8),
        new("折扣后价格", 12), new("服务费", 10), new("是否短租", 10), new("优先级", 8), new("首页标签", 12),
        new("是否推送到首页", 14), new("商品概述", 40), new("相关参数", 40), new("应用场景", 40), new("审核状态", 10),
        new("上架状态", 10), new("驳回原因", 24), new("发布人", 16), new("创建时间", 20),
    ];

    /// <summary>Parses <c>ids</c>: a JSON array of ids, or a bare single id. Null when malformed.</summary>
    public static IReadOnlyList<string>? ParseIds(string? ids)
    {
        if (string.IsNullOrWhiteSpace(ids)) return null;
        var text = ids.Trim();
        if (text.StartsWith('[')) return MarketplaceValues.ParseIdArray(text);
        return text.Any(ch => ch is '"' or '\'' or ',' or ']' || char.IsWhiteSpace(ch)) ? null : [text];
    }

    /// <summary>The file of <paramref name="items"/>.</summary>
    /// <exception cref="BusinessException">not_found: no item.</exception>
    public async Task<FileDownload> BuildAsync(IReadOnlyList<PublishProduct> items, CancellationToken ct)
    {
        if (items.Count == 0) throw BusinessException.NotFound(Nothing);
        var categoryIds = items.SelectMany(i => MarketplaceValues.ParseIdArray(i.ProductCategory) ?? []).Distinct().ToList();
        var names = await db.ProductCategories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var userIds = items.Select(i => i.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Username, ct);
        var rows = items.Select(p => (IReadOnlyList<object?>)
        [
            p.Id, p.PublishType == PublishTypes.Goods ? "商品" : "需求", p.ProductName,
            string.Join("/", (MarketplaceValues.ParseIdArray(p.ProductCategory) ?? []).Select(id => names.GetValueOrDefault(id, id))),
            p.CompanyName, p.CompanyType, p.ContactPerson, p.JobTitle, p.PhoneNumber, p.Email, p.Cpu, p.Memeory, p.Gpu,
            p.SysDisk, p.DataDisk, p.NetCard, p.Price, p.Unit, p.Discount, p.DiscountPrice, p.ServiceCharge,
            p.ShortTerm switch { "1" => "是", "0" => "否", _ => null }, p.Priority, p.Label, p.FirstPage == "1" ? "是" : "否",
            p.RequirementSummary, p.RelatedParameters, p.ApplicationScenario, AuditName(p.AuditStatus), ListingName(p.ListingStatus),
            p.RejectReason, users.GetValueOrDefault(p.UserId, p.UserId), Local(p.CreateAt),
        ]);
        var bytes = writer.Write("商品需求", Columns, rows);
        var stamp = Local(clock.GetUtcNow().UtcDateTime).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        return new FileDownload($"供需发布导出_{stamp}.xlsx", FileDownload.Xlsx, bytes);
    }

    private DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), settings.TimeZone);

    /// <summary>Chinese name of an audit status.</summary>
    public static string AuditName(string status) => status switch
    {
        AuditStatuses.Pending => "待审",
        AuditStatuses.Approved => "通过",
        AuditStatuses.Rejected => "拒绝",
        _ => status,
    };

    /// <summary>Chinese name of a listing status (空 when none).</summary>
    public static string ListingName(string? status) => status switch
    {
        ListingStatuses.Listing => "上架",
        ListingStatuses.Delisting => "下架",
        _ => "空",
    };
}
