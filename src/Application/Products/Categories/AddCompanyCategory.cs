using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Entity = Kboss.Domain.Marketplace.CompanyCategory;

namespace Kboss.Application.Products.Categories;

/// <summary>
/// <c>GET /product/company_category_add.dspy</c> 公司类别添加: an operator adds a company category to a site it manages
/// (the row belongs to the site's org, 403 for another org's site, ADR 0017) or, without <c>url_link</c>, to its org
/// (duplicate live name in the org and site → <c>该公司类别已存在</c>). spec: 04-marketplace.md; analysis/catalog.md §3.2.1.
/// </summary>
public sealed record AddCompanyCategory : ICommand<Reply<IdData>>
{
    /// <summary>Creator (非必填; the session user is used).</summary>
    public string? Userid { get; init; }
    /// <summary>公司类型 (required).</summary>
    public string? CompanyCategory { get; init; }
    /// <summary>Site.</summary>
    public string? UrlLink { get; init; }
}

public sealed class AddCompanyCategoryValidator : AbstractValidator<AddCompanyCategory>
{
    public AddCompanyCategoryValidator()
    {
        RuleFor(x => x.CompanyCategory).Required().MaxChars(100);
        RuleFor(x => x.UrlLink).MaxChars(500);
    }
}

public sealed class AddCompanyCategoryHandler(IKbossDbContext db, ICurrentUser user, SiteAccess sites)
    : ICommandHandler<AddCompanyCategory, Reply<IdData>>
{
    /// <summary>Message for a duplicate name.</summary>
    public const string Duplicate = "该公司类别已存在";

    public async ValueTask<Reply<IdData>> Handle(AddCompanyCategory c, CancellationToken ct)
    {
        var name = c.CompanyCategory!.Trim();
        var site = SiteAccess.Key(c.UrlLink);
        var org = site.Length > 0
            ? await sites.EnsureCanManageAsync(site, ct)
            : user.OrgId ?? throw new UnauthenticatedException();
        if (await db.CompanyCategories.AnyAsync(x => x.OrgId == org && x.UrlLink == site && x.Name == name, ct)) throw BusinessException.Conflict(Duplicate);
        var entity = new Entity { Name = name, OrgId = org, UserId = user.UserId, UrlLink = site };
        db.CompanyCategories.Add(entity);
        db.AuditEntries.Add(Audit.Entry(user, "marketplace.company_category.created", "company_category", entity.Id, new { entity.Name, entity.UrlLink }));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e)) { throw BusinessException.Conflict(Duplicate); }
        return Reply.Ok("添加成功", new IdData(entity.Id));
    }
}
