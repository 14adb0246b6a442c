using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Identity.Accounts;

/// <summary>
/// <c>GET /user/list_orgs.dspy</c> (kboss addition for the admin console, not in the legacy document; ADR 0025): the
/// orgs the caller may see — every org for an admin, its own org and the orgs it owns for an operator or reseller,
/// its own org otherwise (<see cref="OrgAccess.ScopeAsync"/>). Filters: <c>name</c> (part of the name), <c>kind</c>,
/// <c>owner_orgid</c>. Paged by <c>page</c> (1-based) / <c>rows</c> (default 10) / <c>sort</c> (id, name, kind,
/// create_at, optionally <c>" desc"</c> or a leading <c>-</c>; default name).
/// </summary>
public sealed record ListOrganizations : IQuery<Reply<Paged<OrgRowDto>>>
{
    /// <summary>Part of the org name.</summary>
    public string? Name { get; init; }
    /// <summary>operator / customer / provider / reseller.</summary>
    public string? Kind { get; init; }
    /// <summary>Only orgs owned by this org.</summary>
    public string? OwnerOrgid { get; init; }
    /// <summary>Page, 1-based.</summary>
    public string? Page { get; init; }
    /// <summary>Rows per page (1–1000).</summary>
    public string? Rows { get; init; }
    /// <summary>Sort field: id, name, kind, create_at.</summary>
    public string? Sort { get; init; }
}

public sealed class ListOrganizationsValidator : AbstractValidator<ListOrganizations>
{
    /// <summary>Sortable fields of an org row.</summary>
    public static readonly SortMap<Organization> Sorts = new SortMap<Organization>()
        .Add("id", o => o.Id).Add("name", o => o.Name).Add("kind", o => o.Kind).Add("create_at", o => o.CreateAt);

    public ListOrganizationsValidator()
    {
        RuleFor(x => x.Name).MaxChars(100);
        RuleFor(x => x.Kind).OneOf(OrgKinds.ByName.Keys);
        RuleFor(x => x.OwnerOrgid).MaxChars(64);
        RuleFor(x => x.Page).OptionalInt(1, 1_000_000);
        RuleFor(x => x.Rows).OptionalInt(1, PageSpec.MaxRows);
        RuleFor(x => x.Sort).Must(s => Sorts.Supports(PageSpec.ParseSort(s, "name").Field))
            .WithMessage($"sort 不支持该排序字段,可选: {string.Join("/", Sorts.Fields)}");
    }
}

public sealed class ListOrganizationsHandler(IKbossDbContext db, OrgAccess orgs)
    : IQueryHandler<ListOrganizations, Reply<Paged<OrgRowDto>>>
{
    public async ValueTask<Reply<Paged<OrgRowDto>>> Handle(ListOrganizations q, CancellationToken ct)
    {
        var page = PageSpec.Parse(q.Page, q.Rows, q.Sort, "name");
        var scope = await orgs.ScopeAsync(ct);
        var query = db.Organizations.AsNoTracking();
        if (scope is not null) query = query.Where(o => scope.Contains(o.Id));
        if (q.Name.TrimmedOrNull() is { } name) query = query.Where(o => o.Name.Contains(name));
        if (q.Kind.TrimmedOrNull() is { } kindName)
        {
            var kind = OrgKinds.ByName[kindName];
            query = query.Where(o => o.Kind == kind);
        }
        if (q.OwnerOrgid.TrimmedOrNull() is { } owner) query = query.Where(o => o.OwnerOrgId == owner);
        var total = await query.CountAsync(ct);
        var rows = await ListOrganizationsValidator.Sorts.Apply(query, page, o => o.Id).Skip(page.Skip).Take(page.Rows)
            .Select(o => new
            {
                Org = o,
                Owner = db.Organizations.Where(x => x.Id == o.OwnerOrgId).Select(x => x.Name).FirstOrDefault(),
                Users = db.Users.Count(u => u.OrgId == o.Id),
            })
            .ToListAsync(ct);
        var dtos = rows.Select((r, i) => new OrgRowDto(r.Org.Id, r.Org.Name, OrgKinds.Name(r.Org.Kind),
            r.Org.OwnerOrgId, r.Owner, r.Users, r.Org.CreateAt, page.Skip + i + 1)).ToList();
        return Reply.Ok("获取组织列表成功", new Paged<OrgRowDto>(total, dtos));
    }
}
