using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/get_store_list.dspy</c> 获取仓库列表: the stores of the orgs the caller manages, paged
/// (<c>page</c>, <c>rows</c> ≤ 100, <c>sort</c> create_at/name/location [asc|desc], default <c>create_at desc</c>).
/// spec: 15-server-lease.md; lease.md §3A.17.
/// </summary>
public sealed record ListStores : LeaseBodyRequest, IQuery<Reply<Paged<LeaseStoreRow>>>
{
    /// <summary>Page, 1-based.</summary>
    public string? Page { get; init; }
    /// <summary>Rows per page (1–100).</summary>
    public string? Rows { get; init; }
    /// <summary><c>"create_at desc"</c> form.</summary>
    public string? Sort { get; init; }
}

public sealed class ListStoresValidator : AbstractValidator<ListStores>
{
    /// <summary>Sortable fields.</summary>
    public static readonly SortMap<LeaseStore> Sorts = new SortMap<LeaseStore>()
        .Add("create_at", s => s.CreateAt).Add("name", s => s.Name).Add("location", s => s.Location);

    public ListStoresValidator() => LeasePaging.Rules(this, x => x.Page, x => x.Rows, x => x.Sort, Sorts.Fields);
}

public sealed class ListStoresHandler(IKbossDbContext db, LeaseAccess access)
    : IQueryHandler<ListStores, Reply<Paged<LeaseStoreRow>>>
{
    public async ValueTask<Reply<Paged<LeaseStoreRow>>> Handle(ListStores q, CancellationToken ct)
    {
        var orgs = await access.ManagedOrgsAsync(ct);
        var rows = db.LeaseStores.AsNoTracking().Where(s => orgs == null || orgs.Contains(s.OrgId));
        var page = LeasePaging.Parse(q.Page, q.Rows, q.Sort);
        var total = await rows.CountAsync(ct);
        var list = await ListStoresValidator.Sorts.Apply(rows, page, s => s.Id).Skip(page.Skip).Take(page.Rows)
            .ToListAsync(ct);
        return Reply.Ok("获取仓库列表成功", new Paged<LeaseStoreRow>(total, list.Select(LeaseStoreRow.From).ToList()));
    }
}
