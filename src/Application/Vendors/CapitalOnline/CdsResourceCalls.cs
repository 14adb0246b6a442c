using System.Text.Json.Nodes;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.CapitalOnline;

/// <summary>
/// The outside-call kind of <see cref="CdsResource"/> (ADR 0015, 0037). The reconciler asks CDS's describe of the
/// row's kind in its region whether the object exists — by its id, or, when the create's answer was lost, by the
/// name it was created with and not owned by another row (then the id found is recorded). A plain resource holds no
/// money, so nothing is released here.
/// </summary>
public sealed class CdsResourceCalls(IKbossDbContext db, ICdsClient client, VendorKeys keys)
    : IOutsideEffectKind<CdsResource>
{
    public string Name => "cds_resource";
    public string System => CdsService.System;
    public IQueryable<CdsResource> Rows => db.CdsResources;

    public Task ReleaseAsync(CdsResource row, CancellationToken ct) => Task.CompletedTask;

    public async Task<bool> ExistsAsync(CdsResource row, CancellationToken ct)
    {
        var kind = CdsKinds.Of(row.ResourceType)
                   ?? throw new OutsideCallException($"{System}: {row.ResourceType} 无法核对", ErrorCodes.UpstreamFailed,
                       outcomeUnknown: true);
        var key = await keys.ForOperatorAsync(VendorCodes.CapitalOnline, System, row.OperatorOrgId, ct);
        var body = new JsonObject { ["RegionCode"] = row.RegionCode };
        if (row.ResourceType == CdsResourceTypes.Subnet && row.ParentVendorId is { } vpc) body["VPCId"] = vpc;
        if (kind.ByZone) body["AvailableZoneCode"] = row.ZoneCode; // ECS/GPU hosts (issue 14)
        var answer = await client.SendAsync(key, kind.Describe, body, ct);
        if (!answer.Success) throw answer.ToOutsideCall(System);
        var items = kind.Items(answer.Data!.Data);
        if (row.VendorId is { } id) return items.Any(i => kind.IdOf(i) == id);
        var named = items.Where(i => kind.NameOf(i) == row.Name).Select(kind.IdOf).OfType<string>().ToList();
        var taken = await db.CdsResources.Where(r => r.VendorId != null && named.Contains(r.VendorId))
            .Select(r => r.VendorId!).ToListAsync(ct);
        var found = named.FirstOrDefault(i => !taken.Contains(i));
        if (found is null) return false;
        row.Created(found, null);
        return true;
    }
}
