using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Catalog;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/provider_product_group.dspy</c> 产品组查询: live products grouped by product group. <c>data</c> has
/// the 15 documented group keys in doc order (empty arrays included), then any other non-empty group; within a group
/// oldest first. <c>prefix</c> (供应商拼音前缀, case-insensitive) restricts to that provider's products. Admins see all
/// products; other callers those sold by their org or by the org that owns it. analysis/catalog.md §3.1.10, §6 #6.
/// </summary>
public sealed record ProviderProductGroup : IQuery<Reply<IReadOnlyDictionary<string, IReadOnlyList<ProductDto>>>>
{
    /// <summary>查找供应商拼音前缀.</summary>
    public string? Prefix { get; init; }
}

public sealed class ProviderProductGroupValidator : AbstractValidator<ProviderProductGroup>
{
    public ProviderProductGroupValidator() => RuleFor(x => x.Prefix).MaxChars(50);
}

/// <summary>Handles <see cref="ProviderProductGroup"/>: one query (join on the provider for <c>prefix</c>).</summary>
public sealed class ProviderProductGroupHandler(IKbossDbContext db, ICurrentUser user)
    : IQueryHandler<ProviderProductGroup, Reply<IReadOnlyDictionary<string, IReadOnlyList<ProductDto>>>>
{
    public async ValueTask<Reply<IReadOnlyDictionary<string, IReadOnlyList<ProductDto>>>> Handle(ProviderProductGroup q, CancellationToken ct)
    {
        var products = db.Products.AsNoTracking().Where(p => p.ProductGroup != "");
        if (!user.IsInRole(Roles.Admin))
        {
            var org = user.OrgId ?? "";
            products = products.Where(p => p.ResellerOrgId == org || db.Organizations.Any(o => o.Id == org && o.OwnerOrgId == p.ResellerOrgId));
        }
        if (CatalogAccess.Clean(q.Prefix) is { } prefix)
        {
            var lower = prefix.ToLowerInvariant();
            products = products.Where(p => p.Provider != null && p.Provider.Prefix == lower);
        }
        var rows = await products.OrderBy(p => p.CreateAt).ThenBy(p => p.Id).Select(p => new ProductDto
        {
            Id = p.Id, Providerid = p.ProviderId, Providerpid = p.ProviderPid, Name = p.Name, Description = p.Description,
            Label = p.Label, Productgroup = p.ProductGroup, Ptype = p.PType, Classify = p.Classify, State = p.State,
            EffectDate = p.EffectDate, ExpireDate = p.ExpireDate, Salemode = p.SaleMode, ProductCode = p.ProductCode,
            SpecNote = p.SpecNote, ProductArea = p.ProductArea, SpecificPattern = p.SpecificPattern,
            ResellerOrgid = p.ResellerOrgId, DelFlg = p.DelFlg, CreateAt = p.CreateAt,
        }).ToListAsync(ct);
        var groups = new OrderedDictionary<string, IReadOnlyList<ProductDto>>(StringComparer.Ordinal);
        foreach (var name in ProductGroups.All) groups[name] = [];
        foreach (var g in rows.GroupBy(r => r.Productgroup))
            groups[g.Key] = g.ToList();
        return Reply.Ok<IReadOnlyDictionary<string, IReadOnlyList<ProductDto>>>("查找成功", groups);
    }
}
