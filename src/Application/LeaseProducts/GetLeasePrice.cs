using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/get_price.dspy</c> 根据产品id获取价格: the unit price, sellable stock and last leasable day of
/// the product's record the caller may buy from. Message: <c>该产品暂无可租设备</c>.
/// spec: 20-lease-productization.md; lease.md §3B.7, §4.8.
/// </summary>
public sealed record GetLeasePrice : LeaseBodyRequest, IQuery<Reply<LeasePrice>>
{
    /// <summary>产品id.</summary>
    public string? Productid { get; init; }
}

/// <summary>A price quote.</summary>
public sealed record LeasePrice(string Productid, decimal Price, int Stock, DateOnly EndDate);

public sealed class GetLeasePriceValidator : AbstractValidator<GetLeasePrice>
{
    public GetLeasePriceValidator() => RuleFor(x => x.Productid).Required().MaxChars(32);
}

public sealed class GetLeasePriceHandler(LeaseUnits units) : IQueryHandler<GetLeasePrice, Reply<LeasePrice>>
{
    public async ValueTask<Reply<LeasePrice>> Handle(GetLeasePrice q, CancellationToken ct)
    {
        var d = await units.SellableAsync(q.Productid.Trimmed(), ct);
        return Reply.Ok("获取价格成功", new LeasePrice(d.ProductId, d.Price, d.Stock, d.EndDate));
    }
}
