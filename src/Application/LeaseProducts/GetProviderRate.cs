using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>
/// <c>POST /lease_product/provider_rate.dspy</c> 供应商-空闲率-租售率: idle, locked and rented units of every record of
/// a provider the caller manages (else <c>供应商不存在</c>) and their rates (lease.md §4.7): per product, and for the
/// provider summed over units (not an average of rates). Locked and rented units come from one GROUP BY over the
/// orders' (server_id, status) index. spec: 20-lease-productization.md; lease.md §3B.16.
/// </summary>
public sealed record GetProviderRate : LeaseBodyRequest, IQuery<Reply<LeaseProviderRate>>
{
    /// <summary>供应商id.</summary>
    public string? Providerid { get; init; }
}

/// <summary>A provider's units and rates, and those of each of its products.</summary>
public sealed record LeaseProviderRate(string Providerid, long Total, long Idle, long Locked, long Rented,
    decimal IdleRate, decimal RentRate, decimal LockedRate, IReadOnlyList<LeaseRateRow> Products);

public sealed class GetProviderRateValidator : AbstractValidator<GetProviderRate>
{
    public GetProviderRateValidator() => RuleFor(x => x.Providerid).Required().MaxChars(32);
}

public sealed class GetProviderRateHandler(LeaseRecords records)
    : IQueryHandler<GetProviderRate, Reply<LeaseProviderRate>>
{
    public async ValueTask<Reply<LeaseProviderRate>> Handle(GetProviderRate q, CancellationToken ct)
    {
        var provider = await records.ProviderAsync(q.Providerid!.Trim(), ct);
        var devices = (await records.ManagedAsync(ct)).Where(d => d.ProviderId == provider.Id);
        var list = await devices.OrderBy(d => d.ProductName).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.ProductId, d.ProductName, d.Stock }).ToListAsync(ct);
        var held = await records.HeldAsync(devices, ct);
        var products = list.Select(d => LeaseRateRow.From(d.ProductId, d.ProductName,
            LeaseRecords.Counts(d.Id, d.Stock, held))).ToList();
        var all = list.Aggregate(LeaseUnitCounts.None, (sum, d) => sum + LeaseRecords.Counts(d.Id, d.Stock, held));
        return Reply.Ok("获取空闲率租售率成功", new LeaseProviderRate(provider.Id, all.Total, all.Idle, all.Locked,
            all.Rented, all.IdleRate, all.RentRate, all.LockedRate, products));
    }
}
