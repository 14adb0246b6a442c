using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Catalog;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/get_provider.dspy</c> 获取供应商list: the providers of <c>orgid</c> (default the caller's org;
/// another org only if the caller manages it, else 403), paged by <c>create_at desc</c>. <c>org_type</c> 4 (provider,
/// §6 A-17) or absent lists them; any other type has no providers here, so the list is empty.
/// spec: 20-lease-productization.md; lease.md §3B.1.
/// </summary>
public sealed record ListLeaseProviders : LeaseBodyRequest, IQuery<Reply<Paged<LeaseProviderRow>>>
{
    /// <summary>Org type of a provider.</summary>
    public const int ProviderOrgType = 4;

    /// <summary>机构id (default the caller's).</summary>
    public string? Orgid { get; init; }
    /// <summary>Org type (4 provider).</summary>
    public string? OrgType { get; init; }
    /// <summary>Page.</summary>
    public string? Page { get; init; }
    /// <summary>Rows (1–100).</summary>
    public string? Rows { get; init; }
}

public sealed class ListLeaseProvidersValidator : AbstractValidator<ListLeaseProviders>
{
    public ListLeaseProvidersValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(32);
        RuleFor(x => x.OrgType).OptionalInt(0, 99);
        LeasePaging.Rules(this, x => x.Page, x => x.Rows);
    }
}

public sealed class ListLeaseProvidersHandler(IKbossDbContext db, OrgAccess orgs)
    : IQueryHandler<ListLeaseProviders, Reply<Paged<LeaseProviderRow>>>
{
    public async ValueTask<Reply<Paged<LeaseProviderRow>>> Handle(ListLeaseProviders q, CancellationToken ct)
    {
        var org = await orgs.ResolveAsync(q.Orgid, ct);
        var page = LeasePaging.Parse(q.Page, q.Rows, null);
        var type = RuleExtensions.TryInt(q.OrgType, out var t) ? t : ListLeaseProviders.ProviderOrgType;
        IQueryable<Provider> rows = db.Providers.AsNoTracking().Where(p => p.OrgId == org);
        if (type != ListLeaseProviders.ProviderOrgType) rows = rows.Where(_ => false);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(p => p.CreateAt).ThenBy(p => p.Id).Skip(page.Skip).Take(page.Rows)
            .Select(p => new LeaseProviderRow(p.Id, p.Name, p.CreateAt)).ToListAsync(ct);
        return Reply.Ok("获取供应商成功", new Paged<LeaseProviderRow>(total, list));
    }
}
