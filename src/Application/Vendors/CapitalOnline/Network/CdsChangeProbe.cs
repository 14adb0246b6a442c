using System.Text.Json.Nodes;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Vendors.Charges;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// The probe of a paid change of a live CDS resource (a Qos raise, a bandwidth bought for EIPs; ADR 0041): the
/// change happened when the resource's describe shows the new value. Subject = <see cref="Subject"/>.
/// </summary>
public sealed class CdsChangeProbe(IKbossDbContext db, ICdsClient client, VendorKeys keys) : IVendorChargeProbe
{
    public const string ProbeName = "cds_change";
    public string Name => ProbeName;

    /// <summary>The subject of a change of <paramref name="row"/> that sets <paramref name="path"/> (dot-separated
    /// members of the describe item) to <paramref name="value"/>.</summary>
    public static VendorChargeSubject Subject(CdsResource row, string path, string value) =>
        new(ProbeName, $"{row.Id}|{path}|{value}", Domain.Common.OutsideOperations.Update);

    public async Task<bool> HappenedAsync(VendorCharge charge, CancellationToken ct)
    {
        var parts = charge.SubjectId.Split('|', 3);
        var row = await db.CdsResources.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == parts[0], ct);
        if (row is null || parts.Length < 3 || CdsKinds.Of(row.ResourceType) is not { } kind) return false;
        var key = await keys.ForOperatorAsync(VendorCodes.CapitalOnline, CdsService.System, row.OperatorOrgId, ct);
        var answer = await client.SendAsync(key, kind.Describe, new JsonObject { ["RegionCode"] = row.RegionCode }, ct);
        if (!answer.Success) throw answer.ToOutsideCall(CdsService.System);
        var item = kind.Items(answer.Data!.Data).FirstOrDefault(i => kind.IdOf(i) == row.VendorId);
        if (item is null) return false;
        var value = parts[1].Split('.').Aggregate((JsonNode?)item, (node, member) => VendorJson.Get(node, member));
        return VendorJson.Text(value) == parts[2];
    }
}
