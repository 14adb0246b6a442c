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
/// <c>GET /user/list_users.dspy</c> (kboss addition for the admin console; ADR 0025): the users of the orgs the caller
/// may see (as <see cref="ListOrganizations"/>); an <c>orgid</c> outside them is 403. Filters: <c>name</c> (part of
/// the login name, case-insensitive after NFKC, or of the display name), <c>orgid</c>, <c>role</c>, <c>state</c>
/// (active / disabled). Paged by <c>page</c> / <c>rows</c> / <c>sort</c> (username, display_name, orgid, create_at;
/// default username).
/// </summary>
public sealed record ListUsers : IQuery<Reply<Paged<AccountDto>>>
{
    /// <summary>Part of the login or display name.</summary>
    public string? Name { get; init; }
    /// <summary>Only users of this org.</summary>
    public string? Orgid { get; init; }
    /// <summary>Only users holding this role.</summary>
    public string? Role { get; init; }
    /// <summary>active / disabled.</summary>
    public string? State { get; init; }
    /// <summary>Page, 1-based.</summary>
    public string? Page { get; init; }
    /// <summary>Rows per page (1–1000).</summary>
    public string? Rows { get; init; }
    /// <summary>Sort field: username, display_name, orgid, create_at.</summary>
    public string? Sort { get; init; }
}

public sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    /// <summary>Sortable fields of a user row.</summary>
    public static readonly SortMap<User> Sorts = new SortMap<User>()
        .Add("username", u => u.NormalizedUsername ?? u.Username).Add("display_name", u => u.DisplayName)
        .Add("orgid", u => u.OrgId).Add("create_at", u => u.CreateAt);

    public ListUsersValidator()
    {
        RuleFor(x => x.Name).MaxChars(64);
        RuleFor(x => x.Orgid).MaxChars(64);
        RuleFor(x => x.Role).OneOf(Roles.All);
        RuleFor(x => x.State).OneOf(UserStates.All);
        RuleFor(x => x.Page).OptionalInt(1, 1_000_000);
        RuleFor(x => x.Rows).OptionalInt(1, PageSpec.MaxRows);
        RuleFor(x => x.Sort).Must(s => Sorts.Supports(PageSpec.ParseSort(s, "username").Field))
            .WithMessage($"sort 不支持该排序字段,可选: {string.Join("/", Sorts.Fields)}");
    }
}

public sealed class ListUsersHandler(IKbossDbContext db, OrgAccess orgs)
    : IQueryHandler<ListUsers, Reply<Paged<AccountDto>>>
{
    public async ValueTask<Reply<Paged<AccountDto>>> Handle(ListUsers q, CancellationToken ct)
    {
        var page = PageSpec.Parse(q.Page, q.Rows, q.Sort, "username");
        var query = db.Users.AsNoTracking();
        if (q.Orgid.TrimmedOrNull() is { } orgId)
        {
            await orgs.EnsureCanActOnAsync(orgId, "无权查看该组织的用户", ct);
            query = query.Where(u => u.OrgId == orgId);
        }
        else if (await orgs.ScopeAsync(ct) is { } scope)
        {
            query = query.Where(u => scope.Contains(u.OrgId));
        }
        if (q.Name.TrimmedOrNull() is { } name)
        {
            var normalized = UsernameRules.Normalize(name) ?? name;
            query = query.Where(u => (u.NormalizedUsername ?? u.Username).Contains(normalized)
                                     || u.DisplayName.Contains(name));
        }
        if (q.Role.TrimmedOrNull() is { } role)
        {
            var item = "," + role + ",";
            query = query.Where(u => ("," + u.Roles + ",").Contains(item));
        }
        if (q.State.TrimmedOrNull() is { } state)
        {
            var disabled = state == UserStates.Disabled;
            query = query.Where(u => u.Disabled == disabled);
        }
        var total = await query.CountAsync(ct);
        var rows = await ListUsersValidator.Sorts.Apply(query, page, u => u.Id).Skip(page.Skip).Take(page.Rows)
            .Select(u => new
            {
                User = u, Org = db.Organizations.Where(o => o.Id == u.OrgId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var dtos = rows.Select((r, i) => AccountDto.From(r.User, r.Org, page.Skip + i + 1)).ToList();
        return Reply.Ok("获取用户列表成功", new Paged<AccountDto>(total, dtos));
    }
}
