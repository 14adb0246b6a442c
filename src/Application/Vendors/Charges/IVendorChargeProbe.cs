using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.Charges;

/// <summary>
/// Tells the reconciler whether the paid operation of a <see cref="VendorCharge"/> left open happened (ADR 0041).
/// Every outside-call kind is a probe already (<see cref="OutsideRowProbe{TRow}"/>, registered with the kind); an
/// operation with no outside row (a vendor order paid directly) registers its own probe that asks the vendor.
/// </summary>
public interface IVendorChargeProbe
{
    /// <summary>The name a charge's <see cref="VendorCharge.Probe"/> gives.</summary>
    string Name { get; }

    /// <summary>True: it happened (charge once); false: it did not (release).</summary>
    /// <exception cref="OutsideCallException">Can't tell yet (the charge stays open).</exception>
    Task<bool> HappenedAsync(VendorCharge charge, CancellationToken ct);
}

/// <summary>
/// The probe of an outside-call kind: the charge follows its subject row, which that kind's own reconciler settles.
/// Open row → undecided; a create happened unless the row failed; a delete happened when the row is deleted; an
/// unknown row (the charge's process stopped before reserving it) → did not happen.
/// </summary>
public sealed class OutsideRowProbe<TRow>(IOutsideEffectKind<TRow> kind) : IVendorChargeProbe
    where TRow : OutsideEffectEntity
{
    public string Name => kind.Name;

    public async Task<bool> HappenedAsync(VendorCharge charge, CancellationToken ct)
    {
        var row = await kind.Rows.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == charge.SubjectId, ct);
        if (row is null) return false;
        if (row.IsOpen)
            throw new OutsideCallException($"{kind.System}: {kind.Name} {row.Id} 仍在处理中", ErrorCodes.UpstreamFailed,
                outcomeUnknown: true);
        return charge.SubjectOperation switch
        {
            OutsideOperations.Create => row.State != OutsideStates.Failed,
            OutsideOperations.Delete => row.State == OutsideStates.Deleted,
            _ => throw new OutsideCallException($"{kind.Name}: 变更类费用需要自己的核对方式", ErrorCodes.UpstreamFailed,
                outcomeUnknown: true),
        };
    }
}
