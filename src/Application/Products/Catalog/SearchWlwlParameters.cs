using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Catalog;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/wlwl_parameter_search.dspy</c> 未来网络产品查找 (public). No lookup parameter: every row of the price
/// table in stored order. All four (<c>high_school</c>, <c>chaosuan_center</c>, <c>route_num</c>, <c>broadband</c>):
/// <c>{"price", "distance"}</c> of that combination (<c>未找到对应价格</c> when none). Some of them: the matching rows.
/// <c>discount</c> in (0, 1] adds <c>discount_price</c>. Values come from the table, never from code.
/// analysis/catalog.md §3.1.5, §4.9.
/// </summary>
public sealed record SearchWlwlParameters : IQuery<Reply<object>>
{
    /// <summary>高校 (doc name <c>high_school </c> with a stray space).</summary>
    public string? HighSchool { get; init; }
    /// <summary>路由数.</summary>
    public string? RouteNum { get; init; }
    /// <summary>宽带.</summary>
    public string? Broadband { get; init; }
    /// <summary>超算中心 (doc name <c>chaosuan_center </c>).</summary>
    public string? ChaosuanCenter { get; init; }
    /// <summary>折扣, a decimal in (0, 1].</summary>
    public string? Discount { get; init; }
}

public sealed class SearchWlwlParametersValidator : AbstractValidator<SearchWlwlParameters>
{
    public SearchWlwlParametersValidator()
    {
        RuleFor(x => x.HighSchool).MaxChars(100);
        RuleFor(x => x.ChaosuanCenter).MaxChars(100);
        RuleFor(x => x.RouteNum).MaxChars(50);
        RuleFor(x => x.Broadband).MaxChars(50);
        RuleFor(x => x.Discount).Must(v => string.IsNullOrWhiteSpace(v) || (RuleExtensions.TryDecimal(v, out var d) && d > 0 && d <= 1))
            .WithMessage("参数错误: discount 应为 0 到 1 之间的小数");
    }
}

/// <summary>A row of the 未来网络 price table.</summary>
public sealed record WlwlRowDto
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>高校.</summary>
    public string HighSchool { get; init; } = "";
    /// <summary>超算中心.</summary>
    public string ChaosuanCenter { get; init; } = "";
    /// <summary>路由数.</summary>
    public string RouteNum { get; init; } = "";
    /// <summary>宽带.</summary>
    public string Broadband { get; init; } = "";
    /// <summary>Price as a string (<c>"350000"</c>), as the doc shows.</summary>
    public string Price { get; init; } = "";
    /// <summary>Distance class.</summary>
    public string Distance { get; init; } = "";
    /// <summary>Price × discount (only with <c>discount</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? DiscountPrice { get; init; }
}

/// <summary>The lookup answer <c>{"price", "distance"}</c> (plus <c>discount_price</c> with a discount).</summary>
public sealed record WlwlPriceDto
{
    /// <summary>Price as a string.</summary>
    public string Price { get; init; } = "";
    /// <summary>Distance class.</summary>
    public string Distance { get; init; } = "";
    /// <summary>Price × discount (only with <c>discount</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? DiscountPrice { get; init; }
}

/// <summary>Handles <see cref="SearchWlwlParameters"/>: one query.</summary>
public sealed class SearchWlwlParametersHandler(IKbossDbContext db) : IQueryHandler<SearchWlwlParameters, Reply<object>>
{
    /// <summary>Message when the four-way lookup has no row.</summary>
    public const string NoPrice = "未找到对应价格";

    /// <summary>Money as the doc writes it: invariant, no trailing zeros.</summary>
    public static string Text(decimal d) => RuleExtensions.Normalized(d).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask<Reply<object>> Handle(SearchWlwlParameters q, CancellationToken ct)
    {
        var school = CatalogAccess.Clean(q.HighSchool);
        var center = CatalogAccess.Clean(q.ChaosuanCenter);
        var routes = CatalogAccess.Clean(q.RouteNum);
        var band = CatalogAccess.Clean(q.Broadband);
        decimal? discount = RuleExtensions.TryDecimal(q.Discount, out var d) ? d : null;
        var rows = db.WlwlParameters.AsNoTracking();
        if (school is not null) rows = rows.Where(r => r.HighSchool == school);
        if (center is not null) rows = rows.Where(r => r.ChaosuanCenter == center);
        if (routes is not null) rows = rows.Where(r => r.RouteNum == routes);
        if (band is not null) rows = rows.Where(r => r.Broadband == band);
        string? Discounted(decimal price) => discount is { } x ? Text(CatalogRules.DiscountPrice(price, x)) : null;
        if (school is not null && center is not null && routes is not null && band is not null)
        {
            var hit = await rows.FirstOrDefaultAsync(ct) ?? throw BusinessException.NotFound(NoPrice);
            return Reply.Ok<object>("查找成功", new WlwlPriceDto { Price = Text(hit.Price), Distance = hit.Distance, DiscountPrice = Discounted(hit.Price) });
        }
        var list = await rows.OrderBy(r => r.Sort).ThenBy(r => r.CreateAt).ThenBy(r => r.Id).ToListAsync(ct);
        return Reply.Ok<object>("查找成功", list.Select(r => new WlwlRowDto
        {
            Id = r.Id, HighSchool = r.HighSchool, ChaosuanCenter = r.ChaosuanCenter, RouteNum = r.RouteNum, Broadband = r.Broadband,
            Price = Text(r.Price), Distance = r.Distance, DiscountPrice = Discounted(r.Price),
        }).ToList());
    }
}
