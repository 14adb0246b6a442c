using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.CpccLocalisation;

/// <summary>A widget's price for one unit over the duration (customize products).</summary>
/// <param name="Type">cpu / memory / disk / gpu.</param>
/// <param name="Model">Model.</param>
/// <param name="Unit">Unit priced (核, Mi, Gi, 卡).</param>
/// <param name="ListPrice">原价 of one unit for the duration, 元.</param>
/// <param name="Price">Sale price of one unit for the duration, 元.</param>
public sealed record CpccUnitPrice(string Type, string Model, string Unit, decimal ListPrice, decimal Price);

/// <summary>One product as a customer sees it (CPC-05).</summary>
/// <param name="Productid">产品id.</param>
/// <param name="Providerid">供应商id.</param>
/// <param name="Name">Name.</param>
/// <param name="ProductType">customize / combination.</param>
/// <param name="SpecNote">Bundle JSON (combination).</param>
/// <param name="Clusterid">Cluster.</param>
/// <param name="ListPrice">原价 for the duration (combination; null for customize).</param>
/// <param name="Discount">Discount in force (null: list price).</param>
/// <param name="Price">Sale price for the duration (combination; null for customize).</param>
/// <param name="Duration">Duration.</param>
/// <param name="DurationUnit">Duration unit.</param>
/// <param name="StockOk">The cluster has the stock (combination; customize: true).</param>
/// <param name="UnitPrices">Per-widget prices (customize; empty for combination).</param>
public sealed record CpccProductView(string Productid, string Providerid, string Name, string ProductType,
    string SpecNote, string Clusterid, decimal? ListPrice, decimal? Discount, decimal? Price, int Duration,
    string DurationUnit, bool StockOk, IReadOnlyList<CpccUnitPrice> UnitPrices);

/// <summary>
/// CPC-05 <c>GET /provider/cpcc_kehu_kan_chanpin.dspy</c> 客户查看产品: the cpcc products the storefront of
/// <c>domain_url</c> sells at cluster <c>clusterid</c> (<c>resource_type</c> gpu: bundles with a GPU, cpu: without;
/// customize products always), priced for <c>duration</c> <c>duration_unit</c> (小时/天/周/月 or hour/day/week/month)
/// for the customer org of <c>userid</c> (default the caller; anonymous: the storefront's unified discount) through
/// <see cref="SalePricing"/>. spec: 11-provider-cpcc-localization.md; finance.md §3.3 CPC-05.
/// </summary>
public sealed record ViewCpccProducts : IQuery<Reply<IReadOnlyList<CpccProductView>>>
{
    /// <summary>当前域名链接.</summary>
    public string? DomainUrl { get; init; }
    /// <summary>时长 (integer 1…100000).</summary>
    public string? Duration { get; init; }
    /// <summary>时长单位.</summary>
    public string? DurationUnit { get; init; }
    /// <summary>Buyer user (不是必传).</summary>
    public string? Userid { get; init; }
    /// <summary>Cluster.</summary>
    public string? Clusterid { get; init; }
    /// <summary>gpu / cpu.</summary>
    public string? ResourceType { get; init; }
}

public sealed class ViewCpccProductsValidator : AbstractValidator<ViewCpccProducts>
{
    public ViewCpccProductsValidator()
    {
        RuleFor(x => x.DomainUrl).MaxChars(300);
        RuleFor(x => x.Duration).Required().OptionalInt(1, 100_000);
        RuleFor(x => x.DurationUnit).Required().Must(u => string.IsNullOrWhiteSpace(u) || CpccOffer.Unit(u) is not null)
            .WithMessage(x => $"无效的时长单位: {x.DurationUnit}");
        RuleFor(x => x.Userid).MaxChars(32);
        RuleFor(x => x.Clusterid).Required().MaxChars(32);
        RuleFor(x => x.ResourceType)
            .Must(t => string.IsNullOrWhiteSpace(t) || t.Trim() is WidgetTypes.Gpu or WidgetTypes.Cpu)
            .WithMessage("resource_type参数错误");
    }
}

public sealed class ViewCpccProductsHandler(IKbossDbContext db, CpccOffer offer, OrgAccess access, ICurrentUser user)
    : IQueryHandler<ViewCpccProducts, Reply<IReadOnlyList<CpccProductView>>>
{
    public async ValueTask<Reply<IReadOnlyList<CpccProductView>>> Handle(ViewCpccProducts q, CancellationToken ct)
    {
        var customer = await CustomerOrgAsync(q.Userid, ct);
        var seller = await offer.StorefrontAsync(q.DomainUrl, customer, ct);
        var clusterId = q.Clusterid.Trimmed();
        var cpcid = await db.Clusters.AsNoTracking().Where(k => k.Id == clusterId).Select(k => k.Cpcid)
                        .FirstOrDefaultAsync(ct) ?? throw BusinessException.NotFound("算力集群不存在");
        var duration = InstanceConfigFieldsValidator.Int(q.Duration);
        var unit = CpccOffer.Unit(q.DurationUnit)!;
        var products = await offer.Products(seller).Where(p => p.ProductArea == clusterId)
            .OrderBy(p => p.CreateAt).ThenBy(p => p.Id).ToListAsync(ct);
        var gpuWanted = q.ResourceType.TrimmedOrNull() switch
        {
            WidgetTypes.Gpu => true, WidgetTypes.Cpu => false, _ => (bool?)null,
        };
        var rows = new List<CpccProductView>();
        foreach (var p in products)
        {
            if (p.PType == CpccProductTypes.Combination)
            {
                if (CpccBundle.TryParse(p.SpecNote) is not { } bundle) continue;
                if (gpuWanted is { } g && (bundle.Gpu is not null) != g) continue;
                var config = new InstanceConfig();
                bundle.ApplyTo(config);
                var quote = await offer.QuoteAsync(p, cpcid, clusterId, InstanceStock.Needs(config), duration, unit,
                    customer, seller, ct);
                rows.Add(new CpccProductView(p.Id, p.ProviderId, p.Name, p.PType, p.SpecNote, clusterId,
                    quote.ListAmount, Discount(quote.Price), quote.Price.Amount, duration, unit, quote.StockOk, []));
                continue;
            }
            var units = new List<CpccUnitPrice>();
            decimal? discount = null;
            foreach (var need in await UnitNeedsAsync(cpcid, gpuWanted, ct))
            {
                var quote = await offer.QuoteAsync(p, cpcid, clusterId, [need], duration, unit, customer, seller, ct);
                discount = Discount(quote.Price);
                units.Add(new CpccUnitPrice(need.Type, need.Model, WidgetTypes.QuoteUnit(need.Type), quote.ListAmount,
                    quote.Price.Amount));
            }
            rows.Add(new CpccProductView(p.Id, p.ProviderId, p.Name, p.PType, "", clusterId, null, discount, null,
                duration, unit, true, units));
        }
        return Reply.Ok("查询成功", (IReadOnlyList<CpccProductView>)rows);
    }

    private static decimal? Discount(SalePrice price) => price.Rate.Value;

    private async Task<IReadOnlyList<StockNeed>> UnitNeedsAsync(string cpcid, bool? gpuWanted, CancellationToken ct) =>
        await db.Widgets.AsNoTracking()
            .Where(w => w.Cpcid == cpcid && (gpuWanted != false || w.Type != WidgetTypes.Gpu))
            .OrderBy(w => w.Type).ThenBy(w => w.Model).Select(w => new StockNeed(w.Type, w.Model, 1)).ToListAsync(ct);

    /// <summary>The customer org priced for: <c>userid</c>'s (when the caller may act on it), else the caller's
    /// customer org, else null (anonymous or staff: the storefront's unified layer).</summary>
    private async Task<string?> CustomerOrgAsync(string? userid, CancellationToken ct)
    {
        if (userid.TrimmedOrNull() is { } id)
        {
            var org = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.OrgId).FirstOrDefaultAsync(ct)
                      ?? throw BusinessException.NotFound("用户不存在");
            await access.EnsureCanActOnAsync(org, "无权查看该用户的价格", ct);
            return org;
        }
        if (user.OrgId is null) return null;
        var kind = await db.Organizations.AsNoTracking().Where(o => o.Id == user.OrgId).Select(o => (OrgKind?)o.Kind)
            .FirstOrDefaultAsync(ct);
        return kind == OrgKind.Customer ? user.OrgId : null;
    }
}
