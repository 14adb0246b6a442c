using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/product_rate.dspy</c> 商品-空闲率-租售率: idle, locked and rented units of the record of
/// product <c>productid</c> and their rates (lease.md §4.7). A product without a record the caller manages answers all
/// zeros with <c>status</c> true (§3B.17), so it reveals nothing of other orgs.
/// spec: 20-lease-productization.md; lease.md §3B.17.
/// </summary>
public sealed record GetProductRate : LeaseBodyRequest, IQuery<Reply<LeaseRateRow>>
{
    /// <summary>产品id.</summary>
    public string? Productid { get; init; }
}

public sealed class GetProductRateValidator : AbstractValidator<GetProductRate>
{
    public GetProductRateValidator() => RuleFor(x => x.Productid).Required().MaxChars(32);
}

public sealed class GetProductRateHandler(LeaseRecords records) : IQueryHandler<GetProductRate, Reply<LeaseRateRow>>
{
    public async ValueTask<Reply<LeaseRateRow>> Handle(GetProductRate q, CancellationToken ct)
    {
        var product = q.Productid.Trimmed();
        var devices = (await records.ManagedAsync(ct)).Where(d => d.ProductId == product);
        var list = await devices.Select(d => new { d.Id, d.ProductName, d.Stock }).ToListAsync(ct);
        var held = await records.HeldAsync(devices, ct);
        var counts = list.Aggregate(LeaseUnitCounts.None, (sum, d) => sum + LeaseRecords.Counts(d.Id, d.Stock, held));
        return Reply.Ok("获取空闲率租售率成功",
            LeaseRateRow.From(product, list.Select(d => d.ProductName).FirstOrDefault() ?? "", counts));
    }
}
