using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Identity;
using Kboss.Domain.Marketplace;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Users.Qualification;

/// <summary>
/// <c>GET /user/enterprise_audit_info_search.dspy</c> 资质查询 (analysis/catalog.md §3.3.2): a customer sees its own
/// record; an operator the records of the orgs it manages (admin: all), optionally one user's (<c>userid</c>).
/// <c>audit_status</c> filters; newest change first; page size default 10. <c>url_link</c> is required as documented
/// but does not scope (no site → org table yet; the scope comes from the session, ADR 0007).
/// </summary>
public sealed record SearchEnterpriseAuditInfos : IQuery<Reply<PageResult<QualificationView>>>
{
    /// <summary>Site (required).</summary>
    public string? UrlLink { get; init; }
    /// <summary>不是必填: one owner's record (operators; a customer always sees its own).</summary>
    public string? Userid { get; init; }
    /// <summary>pending/approved/rejected.</summary>
    public string? AuditStatus { get; init; }
    /// <summary>默认1.</summary>
    public string? CurrentPage { get; init; }
    /// <summary>默认10.</summary>
    public string? PageSize { get; init; }
}

public sealed class SearchEnterpriseAuditInfosValidator : AbstractValidator<SearchEnterpriseAuditInfos>
{
    public SearchEnterpriseAuditInfosValidator()
    {
        RuleFor(x => x.UrlLink).Required().MaxChars(500);
        RuleFor(x => x.Userid).MaxChars(100);
        RuleFor(x => x.AuditStatus).OneOf(AuditStatuses.All);
    }
}

public sealed class SearchEnterpriseAuditInfosHandler(IKbossDbContext db, MarketplaceAccess access, ICurrentUser user)
    : IQueryHandler<SearchEnterpriseAuditInfos, Reply<PageResult<QualificationView>>>
{
    /// <summary>Default page size (documented).</summary>
    public const int DefaultPageSize = 10;

    public async ValueTask<Reply<PageResult<QualificationView>>> Handle(SearchEnterpriseAuditInfos q, CancellationToken ct)
    {
        var me = access.RequireUserId();
        var page = CurrentPage.Parse(q.CurrentPage, q.PageSize, DefaultPageSize);
        var records = db.EnterpriseAuditInfos.AsNoTracking();
        if (!access.IsOperator) records = records.Where(r => r.UserId == me);
        else
        {
            if (!user.IsInRole(Roles.Admin))
            {
                var org = user.OrgId ?? "";
                records = records.Where(r => r.OrgId == org || db.Organizations.Any(o => o.Id == r.OrgId && o.OwnerOrgId == org));
            }
            if (MarketplaceValues.Clean(q.Userid) is { } owner) records = records.Where(r => r.UserId == owner);
        }
        if (MarketplaceValues.Clean(q.AuditStatus) is { } status) records = records.Where(r => r.AuditStatus == status);
        var total = await records.CountAsync(ct);
        var rows = await records.OrderByDescending(r => r.UpdateTime).ThenBy(r => r.Id).Skip(page.Skip).Take(page.Size)
            .Select(r => new { Record = r, Username = db.Users.Where(u => u.Id == r.UserId).Select(u => u.Username).FirstOrDefault() })
            .ToListAsync(ct);
        var views = rows.Select((x, i) => QualificationView.From(x.Record, x.Username, page.Skip + i + 1)).ToList();
        return Reply.Ok("查找成功", page.Result<QualificationView>(total, views));
    }
}
