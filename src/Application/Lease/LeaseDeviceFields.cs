using System.Linq.Expressions;
using Kboss.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// The text fields of module 15 devices that <c>get_server_data</c> groups by and <c>get_distinct</c> lists (lease.md
/// §3A.14, §3A.18, whitelists of §0.2 item 8: never a column name from the request), and the device ⋈ product query
/// the lists read.
/// </summary>
public static class LeaseDeviceFields
{
    /// <summary>Field name → its value.</summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<DeviceWithProduct, string?>>> Text =
        new Dictionary<string, Expression<Func<DeviceWithProduct, string?>>>(StringComparer.Ordinal)
        {
            ["product_name"] = x => x.Product.ProductName, ["store_name"] = x => x.Device.StoreName,
            ["device_type"] = x => x.Device.DeviceType, ["device_brand"] = x => x.Device.DeviceBrand,
            ["resource_type"] = x => x.Device.ResourceType, ["card_type"] = x => x.Device.CardType,
            ["card_interface"] = x => x.Device.CardInterface, ["cpu"] = x => x.Device.Cpu,
            ["memory"] = x => x.Device.Memory, ["system_disk"] = x => x.Device.SystemDisk,
            ["data_disk"] = x => x.Device.DataDisk, ["net_card1"] = x => x.Device.NetCard1,
            ["net_card2"] = x => x.Device.NetCard2,
        };

    /// <summary>A field outside the whitelist.</summary>
    public static string Unsupported(string field) => $"不支持的字段: {field}";

    /// <summary>Live devices of the seller orgs <paramref name="orgs"/> (null: all) with their live product.</summary>
    public static IQueryable<DeviceWithProduct> Join(IKbossDbContext db, List<string>? orgs) =>
        db.LeaseServers.AsNoTracking().Where(s => orgs == null || orgs.Contains(s.OrgId))
            .Join(db.LeaseProducts.AsNoTracking(), s => s.ProductId, p => p.Id,
                (s, p) => new DeviceWithProduct { Device = s, Product = p });
}
