using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.UCloud;

/// <summary>
/// The outside-call kind of <see cref="UCloudResource"/> (ADR 0015, 0044). The reconciler asks the describe of the
/// row's kind in its region whether the object exists — by its id, or, when the create's answer was lost, by the
/// name it was created with and not owned by another row (then the id found is recorded). Money held for a paid
/// create is the charge flow's, not this kind's.
/// </summary>
public sealed class UCloudResourceCalls(IKbossDbContext db, IUCloudClient client, VendorKeys keys)
    : IOutsideEffectKind<UCloudResource>
{
    public string Name => "ucloud_resource";
    public string System => UCloudService.System;
    public IQueryable<UCloudResource> Rows => db.UCloudResources;

    public Task ReleaseAsync(UCloudResource row, CancellationToken ct) => Task.CompletedTask;

    public async Task<bool> ExistsAsync(UCloudResource row, CancellationToken ct)
    {
        var kind = UCloudKinds.Of(row.ResourceType);
        var key = await keys.ForOperatorAsync(VendorCodes.UCloud, System, row.OperatorOrgId, ct);
        var query = new UCloudParams().With("Region", row.RegionCode).With("ProjectId", row.ProjectId);
        if (row.VendorId is { } known && kind.IdParam is { } param) query.With(param, known);
        var answer = await client.SendAsync(key, kind.Describe, query, ct);
        if (!answer.Success)
        {
            if (answer.ErrorKind == Application.Vendors.VendorErrorKind.NotFound) return false;
            throw answer.ToOutsideCall(System);
        }
        var items = kind.Items(answer.Data);
        if (row.VendorId is { } id) return items.Any(i => kind.IdOf(i) == id);
        var named = items.Where(i => kind.NameOf(i) == row.Name).Select(kind.IdOf).OfType<string>().ToList();
        var taken = await db.UCloudResources.Where(r => r.VendorId != null && named.Contains(r.VendorId))
            .Select(r => r.VendorId!).ToListAsync(ct);
        var found = named.FirstOrDefault(i => !taken.Contains(i));
        if (found is null) return false;
        row.Created(found);
        return true;
    }
}
