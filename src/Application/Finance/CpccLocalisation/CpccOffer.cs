using System.Text.Json;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Application.Cpcc.Widgets;
using Kboss.Application.Finance.Pricing;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.CpccLocalisation;

/// <summary>
/// The bundle of a combination product (<c>spec_note</c>, CPC-04): a JSON object with optional <c>cpu</c>,
/// <c>memory</c>, <c>gpu</c> and <c>disk</c> entries <c>{"model": "…", "num": n}</c> (or a list of them for
/// <c>disk</c>); cpu in 核, memory in Gi, gpu in 卡, disk in Gi (model <c>SYS</c> system disk, <c>DATA</c> data disk).
/// Example <c>{"cpu":{"model":"STANDARD","num":8},"memory":{"model":"STANDARD","num":32}}</c>.
/// </summary>
/// <param name="Cpu">CPU model and cores.</param>
/// <param name="MemoryGi">Memory in Gi.</param>
/// <param name="Gpu">GPU model and cards (null: none).</param>
/// <param name="SystemDiskGi">System disk Gi.</param>
/// <param name="DataDiskGi">Data disk Gi.</param>
public sealed record CpccBundle((string Model, int Num) Cpu, int MemoryGi, (string Model, int Num)? Gpu,
    int SystemDiskGi, int DataDiskGi)
{
    /// <summary>Message of a spec_note that is not such an object.</summary>
    public const string BadSpecMessage = "spec_note 格式错误,应为 {\"cpu\":{\"model\":\"STANDARD\",\"num\":8},…}";

    /// <summary>Parses <paramref name="json"/>; null when malformed, a number is not in 1…100000, or no cpu.</summary>
    public static CpccBundle? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > 2000) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var cpu = Entry(root, "cpu");
            if (cpu is null) return null;
            var memory = Entry(root, "memory");
            var gpu = Entry(root, "gpu");
            int sys = 0, data = 0;
            if (root.TryGetProperty("disk", out var disk))
            {
                var disks = disk.ValueKind == JsonValueKind.Array ? disk.EnumerateArray().ToList() : [disk];
                foreach (var d in disks)
                {
                    if (Item(d) is not { } e) return null;
                    if (e.Model == InstanceStock.SystemDiskModel) sys += e.Num;
                    else if (e.Model == InstanceStock.DataDiskModel) data += e.Num;
                    else return null;
                }
            }
            if (root.EnumerateObject().Any(p => p.Name is not ("cpu" or "memory" or "gpu" or "disk"))) return null;
            return new CpccBundle(cpu.Value, memory?.Num ?? 0, gpu, sys, data);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A readable name: <c>A100-80G×1 / 8核 / 32Gi</c>.</summary>
    public string Name() => string.Join(" / ", new[]
    {
        Gpu is { } g ? $"{g.Model}×{g.Num}" : null, $"{Cpu.Num}核", MemoryGi > 0 ? $"{MemoryGi}Gi" : null,
    }.Where(s => s is not null));

    /// <summary>Puts the bundle's resources on <paramref name="config"/> (one replica).</summary>
    public void ApplyTo(InstanceConfig config)
    {
        config.CpuModel = Cpu.Model;
        config.SourceCpurate = Cpu.Num.ToString(System.Globalization.CultureInfo.InvariantCulture);
        config.SourceMemrate = $"{MemoryGi}Gi";
        config.SourceGpu = Gpu?.Num ?? 0;
        config.GpuModel = Gpu?.Model ?? "";
        config.DiskSysLimit = $"{SystemDiskGi}Gi";
        config.SourceStoragelimits = $"{DataDiskGi}Gi";
        config.SourceReplicasetnum = 1;
    }

    private static (string Model, int Num)? Entry(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? Item(v) ?? throw new JsonException(name) : null;

    private static (string Model, int Num)? Item(JsonElement v)
    {
        if (v.ValueKind != JsonValueKind.Object) return null;
        var model = v.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()!.Trim() : WidgetTypes.DefaultModel;
        if (model.Length is 0 or > 100) return null;
        if (!v.TryGetProperty("num", out var n)) return null;
        int num;
        var ok = n.ValueKind switch
        {
            JsonValueKind.Number => n.TryGetInt32(out num),
            JsonValueKind.String => int.TryParse(n.GetString(), out num),
            _ => (num = 0) != 0,
        };
        return ok && num is >= 1 and <= 100_000 ? (model, num) : null;
    }
}

/// <summary>A priced offer: list price, the sale price in force and whether the cluster has the stock.</summary>
/// <param name="ListAmount">原价 for the duration, 元.</param>
/// <param name="Price">Sale price (<see cref="SalePricing"/>).</param>
/// <param name="StockOk">Every need fits the cluster's available stock.</param>
public sealed record CpccQuote(decimal ListAmount, SalePrice Price, bool StockOk);

/// <summary>
/// Shared rules of compute-centre products (module 11): the storefront org of a <c>domain_url</c>, the live cpcc
/// products of an org at a cluster, and their price for a duration — list = Σ widget subtotals of what the instance
/// takes from stock (<see cref="InstanceStock.Needs"/>, formula of <see cref="PricingRules"/>), sale price through
/// <see cref="PriceResolver"/> and <see cref="SalePricing"/> (finance.md §3.3 CPC-05 step 3).
/// </summary>
public sealed class CpccOffer(IKbossDbContext db, WidgetCatalog widgets, PriceResolver prices, ICurrentUser user)
{
    /// <summary>Unknown product or not a cpcc product of the provider.</summary>
    public const string ProductNotFoundMessage = "产品不存在";
    /// <summary>A domain_url that no site is registered for (and no signed-in org to fall back on).</summary>
    public const string SiteNotFoundMessage = "站点不存在";

    /// <summary>English spellings of the duration units accepted besides 小时/天/周/月.</summary>
    private static readonly Dictionary<string, string> UnitAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hour"] = "小时", ["day"] = "天", ["week"] = "周", ["month"] = "月",
    };

    /// <summary>The duration unit as <see cref="PricingRules"/> knows it, or null.</summary>
    public static string? Unit(string? unit)
    {
        var u = unit?.Trim() ?? "";
        if (UnitAliases.TryGetValue(u, out var zh)) return zh;
        return PricingRules.DurationUnitHours.ContainsKey(u) ? u : null;
    }

    /// <summary>A customer asked for another org's storefront (ADR 0040).</summary>
    public const string OtherSellerMessage = "只能查看和购买所属运营机构的产品";

    /// <summary>
    /// The org selling on <paramref name="domainUrl"/> to <paramref name="customerOrgId"/>. A customer buys only from
    /// the org that owns it (its operator, or its reseller): that org, and a <paramref name="domainUrl"/> of another
    /// org is refused (forbidden, ADR 0040). Without a customer (anonymous or staff browsing): the registered site's
    /// org; else the signed-in caller's owner org (a customer) or own org. not_found when neither.
    /// </summary>
    public async Task<string> StorefrontAsync(string? domainUrl, string? customerOrgId, CancellationToken ct)
    {
        var url = domainUrl.TrimmedOrNull();
        var site = url is null ? null : await db.Sites.AsNoTracking().Where(s => s.UrlLink == url)
            .Select(s => s.OrgId).FirstOrDefaultAsync(ct);
        if (customerOrgId is not null && await OwnerOfCustomerAsync(customerOrgId, ct) is { } owner)
            return site is null || site == owner ? owner : throw new ForbiddenException(OtherSellerMessage);
        if (site is not null) return site;
        if (user.OrgId is null) throw BusinessException.NotFound(SiteNotFoundMessage);
        return await OwnerOfCustomerAsync(user.OrgId, ct) ?? user.OrgId;
    }

    private Task<string?> OwnerOfCustomerAsync(string orgId, CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == orgId && o.Kind == Domain.Identity.OrgKind.Customer)
            .Select(o => o.OwnerOrgId).FirstOrDefaultAsync(ct);

    /// <summary>The cpcc products of the centres' providers sold by <paramref name="sellerOrgId"/>.</summary>
    public IQueryable<Product> Products(string sellerOrgId) =>
        from p in db.Products.AsNoTracking()
        join l in db.CpccProviderLinks.AsNoTracking() on p.ProviderId equals l.ProviderId
        where p.ResellerOrgId == sellerOrgId && CpccProductTypes.All.Contains(p.PType)
        select p;

    /// <summary>
    /// Prices <paramref name="needs"/> on centre <paramref name="cpcid"/> for the customer org
    /// <paramref name="customerOrgId"/> (null: anonymous, the seller's unified layer of
    /// <paramref name="sellerOrgId"/>).
    /// </summary> <exception cref="BusinessException">A widget missing on the centre (insufficient_stock) or a
    /// price that overflows (invalid_argument).</exception>
    public async Task<CpccQuote> QuoteAsync(Product product, string cpcid, string clusterId,
        IReadOnlyList<StockNeed> needs, int duration, string unit, string? customerOrgId, string sellerOrgId,
        CancellationToken ct)
    {
        var snapshot = await widgets.GetAsync(cpcid, ct);
        decimal list = 0;
        var stockOk = true;
        foreach (var n in needs)
        {
            var w = snapshot.FirstOrDefault(x => x.Type == n.Type && x.Model == n.Model)
                    ?? throw new BusinessException($"该算力中心没有 {n.Type} 部件 {n.Model}", ErrorCodes.InsufficientStock);
            stockOk &= w.Available(clusterId) >= n.Amount;
            try
            {
                list = checked(list + PricingRules.Subtotal(n.Amount, w.UnitPrice, duration, unit, w.ChargeUnit,
                    w.AccountUnit));
            }
            catch (OverflowException)
            {
                throw new Failure(FailureKind.InvalidArgument, "价格超出范围").ToException();
            }
        }
        var layers = customerOrgId is null
            ? await AnonymousLayersAsync(sellerOrgId, product, ct)
            : await prices.LayersAsync(customerOrgId, product, ct);
        var price = SalePricing.Price(layers, PricingRules.Round2(list), 1).OrThrow();
        return new CpccQuote(PricingRules.Round2(list), price, stockOk);
    }

    private async Task<PriceLayers> AnonymousLayersAsync(string sellerOrgId, Product product, CancellationToken ct)
    {
        var byUnit = SalePricing.IsPricedByUnit(product.SaleMode);
        var unified = await db.UnifiedPriceConfigs.AsNoTracking()
            .Where(u => u.BidOrgid == sellerOrgId && u.ProductId == product.Id)
            .Select(u => byUnit ? u.Price : u.Discount).FirstOrDefaultAsync(ct);
        return new PriceLayers(product.SaleMode, unified, []);
    }
}
