using System.Text.Json.Nodes;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.CapitalOnline;

/// <summary>
/// The outside-call kind of <see cref="CdsResource"/> (ADR 0015, 0037). The reconciler asks CDS's describe of the
/// row's kind in its region whether the object exists — by its id, or, when the create's answer was lost, by the
/// name it was created with and not owned by another row (then the id found is recorded, and for an order of several
/// objects — its charge's quantity — the others of the order, found by their names, become live rows too). A plain
/// resource holds no money, so nothing is released here.
/// </summary>
public sealed class CdsResourceCalls(IKbossDbContext db, ICdsClient client, VendorKeys keys, TimeProvider clock)
    : IOutsideEffectKind<CdsResource>
{
    /// <summary>Objects of a lost order found by <see cref="ExistsAsync"/>: first row's id → (CDS id, name).</summary>
    private readonly Dictionary<string, IReadOnlyList<(string Id, string Name)>> _found = [];

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
        var answer = await client.SendAsync(key, kind.Describe, kind.DescribeBody(row), ct);
        if (!answer.Success) throw answer.ToOutsideCall(System);
        var items = kind.Items(answer.Data!.Data);
        if (row.VendorId is { } id) return items.Any(i => kind.IdOf(i) == id);
        var quantity = await db.VendorCharges.Where(v => v.Probe == Name && v.SubjectId == row.Id)
            .Select(v => v.Quantity).FirstOrDefaultAsync(ct) ?? 1;
        var names = kind.SiblingNames(row.Name, quantity).Prepend(row.Name).ToList();
        var candidates = items.Select(i => (Id: kind.IdOf(i), Name: kind.NameOf(i)))
            .Where(i => i.Id is not null && i.Name is not null && names.Contains(i.Name))
            .Select(i => (Id: i.Id!, Name: i.Name!)).ToList();
        var ids = candidates.Select(c => c.Id).ToList();
        var taken = await db.CdsResources.Where(r => r.VendorId != null && ids.Contains(r.VendorId))
            .Select(r => r.VendorId!).ToListAsync(ct);
        var free = candidates.Where(c => !taken.Contains(c.Id)).ToList();
        var order = new List<(string Id, string Name)>();
        foreach (var name in names)
            if (free.FirstOrDefault(c => c.Name == name && !order.Contains(c)) is { Id: not null } next)
                order.Add(next);
        if (order.Count == 0 || order[0].Name != row.Name) return false;
        row.Created(order[0].Id, null);
        _found[row.Id] = order.Skip(1).ToList();
        return true;
    }

    /// <summary>A lost order confirmed: rows for the other objects of the order, live, in the settling
    /// transaction.</summary>
    public Task AfterTransitionAsync(CdsResource row, CancellationToken ct)
    {
        if (!_found.Remove(row.Id, out var others) || row.State != OutsideStates.Live) return Task.CompletedTask;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, name) in others)
            db.CdsResources.Add(CdsResource.AlongWith(row, row.ResourceType, id, row.ZoneCode, name, now));
        return Task.CompletedTask;
    }
}
