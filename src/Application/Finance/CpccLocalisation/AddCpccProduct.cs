using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.CpccLocalisation;

/// <summary>The product CPC-04 configured.</summary>
/// <param name="Productid">产品id.</param>
/// <param name="Name">Generated name.</param>
public sealed record CpccProductCreated(string Productid, string Name);

/// <summary>
/// CPC-04 <c>GET /provider/cpcc_product_add.dspy</c> 配置产品: operator org <c>reseller_orgid</c> configures a product
/// of its converted centre's provider <c>providerid</c> at cluster <c>clusterid</c> (a cluster of that centre):
/// <c>customize</c> (the customer picks the resources, priced per widget) or <c>combination</c> (the bundle in
/// <c>spec_note</c>, see <see cref="CpccBundle"/>; required for combination, its widgets must exist on the centre).
/// Adds the product (salemode 0, state 1, <c>product_area</c> = clusterid) and its protocol child row (cost discount
/// 1.0, §3.3 CPC-02). spec: 11-provider-cpcc-localization.md; finance.md §3.3 CPC-04.
/// </summary>
public sealed record AddCpccProduct : ICommand<Reply<CpccProductCreated>>
{
    /// <summary>=orgid 运营所在机构id.</summary>
    public string? ResellerOrgid { get; init; }
    /// <summary>供应商id.</summary>
    public string? Providerid { get; init; }
    /// <summary>customize / combination.</summary>
    public string? ProductType { get; init; }
    /// <summary>Bundle JSON (combination).</summary>
    public string? SpecNote { get; init; }
    /// <summary>站点ID (cluster).</summary>
    public string? Clusterid { get; init; }
}

public sealed class AddCpccProductValidator : AbstractValidator<AddCpccProduct>
{
    public AddCpccProductValidator()
    {
        RuleFor(x => x.ResellerOrgid).Required().MaxChars(32);
        RuleFor(x => x.Providerid).Required().MaxChars(32);
        RuleFor(x => x.ProductType).Required().OneOf(CpccProductTypes.All);
        RuleFor(x => x.SpecNote).MaxChars(2000)
            .Must((x, v) => x.ProductType?.Trim() != CpccProductTypes.Combination || CpccBundle.TryParse(v) is not null)
            .WithMessage(CpccBundle.BadSpecMessage);
        RuleFor(x => x.Clusterid).Required().MaxChars(32);
    }
}

public sealed class AddCpccProductHandler(IKbossDbContext db, OrgAccess access, ICurrentUser user,
    Cpcc.Widgets.WidgetCatalog widgets) : ICommandHandler<AddCpccProduct, Reply<CpccProductCreated>>
{
    /// <summary>The provider is not a converted centre of the org.</summary>
    public const string ProviderNotFoundMessage = "算力中心供应商不存在";

    public async ValueTask<Reply<CpccProductCreated>> Handle(AddCpccProduct c, CancellationToken ct)
    {
        var orgId = c.ResellerOrgid.Trimmed();
        await access.EnsureCanActOnAsync(orgId, "无权为该机构配置产品", ct);
        var providerId = c.Providerid.Trimmed();
        var link = await db.CpccProviderLinks.AsNoTracking()
                       .FirstOrDefaultAsync(l => l.ProviderId == providerId && l.OrgId == orgId, ct)
                   ?? throw BusinessException.NotFound(ProviderNotFoundMessage);
        var clusterId = c.Clusterid.Trimmed();
        if (!await db.Clusters.AsNoTracking().AnyAsync(k => k.Id == clusterId && k.Cpcid == link.Cpcid, ct))
            throw BusinessException.NotFound("算力集群不存在");
        var type = c.ProductType.Trimmed();
        var bundle = type == CpccProductTypes.Combination ? CpccBundle.TryParse(c.SpecNote) : null;
        if (bundle is not null) await EnsureWidgetsAsync(link.Cpcid, bundle, ct);
        var name = bundle?.Name() ?? "自定义配置";
        var product = new Product
        {
            ProviderId = providerId, ProviderPid = link.Cpcid, Name = name, ProductGroup = "算力中心", PType = type,
            Classify = "", State = "1", SaleMode = SaleModes.Discount,
            SpecNote = bundle is null ? "" : c.SpecNote!.Trim(),
            ProductArea = clusterId, ResellerOrgId = orgId,
        };
        db.Products.Add(product);
        db.ProductSaleConfigs.Add(new ProductSaleConfig
        {
            ProtocolId = link.ProtocolId, ProductId = product.Id, Discount = 1m,
        });
        db.AuditEntries.Add(Audit.Entry(user, "finance.cpcc_product.created", "product", product.Id,
            new { providerid = providerId, product_type = type, clusterid = clusterId, spec_note = product.SpecNote }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("操作成功", new CpccProductCreated(product.Id, name));
    }

    private async Task EnsureWidgetsAsync(string cpcid, CpccBundle bundle, CancellationToken ct)
    {
        var have = await widgets.GetAsync(cpcid, ct);
        var wanted = new List<(string Type, string Model)> { (WidgetTypes.Cpu, bundle.Cpu.Model) };
        if (bundle.Gpu is { } g) wanted.Add((WidgetTypes.Gpu, g.Model));
        foreach (var (type, model) in wanted.Where(w => !have.Any(h => h.Type == w.Type && h.Model == w.Model)))
            throw RequestValidationException.For("spec_note", $"该算力中心没有 {type} 部件 {model}");
    }
}
