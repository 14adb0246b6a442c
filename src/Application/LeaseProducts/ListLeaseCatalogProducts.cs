using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/get_product.dspy</c> 获取产品list: the catalogue products of a provider the caller manages
/// (else <c>供应商不存在</c>), each with <c>has_server</c> and the id of its lease record, paged by name.
/// spec: 20-lease-productization.md; lease.md §3B.2.
/// </summary>
public sealed record ListLeaseCatalogProducts : LeaseBodyRequest, IQuery<Reply<Paged<LeaseCatalogProductRow>>>
{
    /// <summary>供应商id.</summary>
    public string? Providerid { get; init; }
    /// <summary>Page.</summary>
    public string? Page { get; init; }
    /// <summary>Rows (1–100).</summary>
    public string? Rows { get; init; }
}

public sealed class ListLeaseCatalogProductsValidator : AbstractValidator<ListLeaseCatalogProducts>
{
    public ListLeaseCatalogProductsValidator()
    {
        RuleFor(x => x.Providerid).Required().MaxChars(32);
        LeasePaging.Rules(this, x => x.Page, x => x.Rows);
    }
}

public sealed class ListLeaseCatalogProductsHandler(IKbossDbContext db, LeaseRecords records)
    : IQueryHandler<ListLeaseCatalogProducts, Reply<Paged<LeaseCatalogProductRow>>>
{
    public async ValueTask<Reply<Paged<LeaseCatalogProductRow>>> Handle(ListLeaseCatalogProducts q,
        CancellationToken ct)
    {
        var provider = await records.ProviderAsync(q.Providerid!.Trim(), ct);
        var page = LeasePaging.Parse(q.Page, q.Rows, null);
        var rows = db.Products.AsNoTracking().Where(p => p.ProviderId == provider.Id);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(page.Skip).Take(page.Rows)
            .Select(p => new
            {
                p.Id, p.Name,
                ServerId = db.LeaseDevices.Where(d => d.ProductId == p.Id).Select(d => d.Id).FirstOrDefault(),
            }).ToListAsync(ct);
        return Reply.Ok("获取产品成功", new Paged<LeaseCatalogProductRow>(total,
            list.Select(p => new LeaseCatalogProductRow(p.Id, p.Name, p.ServerId is not null, p.ServerId)).ToList()));
    }
}
