using System.Text.Json.Serialization;
using Kboss.Domain.Finance;

namespace Kboss.Application.Resellers;

/// <summary>
/// A reseller's white-label info (RSL-04/05). The anonymous domain lookup answers only the public fields (domain,
/// logo, ICP number, licence image); the ids appear only to callers who may manage the reseller.
/// </summary>
/// <param name="DomainName">分销商域名.</param>
/// <param name="Logo">Logo URL.</param>
/// <param name="LicenseNumber">icp备案号.</param>
/// <param name="License">生产许可证图片地址.</param>
/// <param name="ResellerTableId">分销商表id (managers only).</param>
/// <param name="Orgid">分销商机构id (managers only).</param>
public sealed record ResellerInfoView(
    string? DomainName, string? Logo, string? LicenseNumber, string? License,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ResellerTableId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Orgid = null)
{
    /// <summary>The public fields of <paramref name="row"/>.</summary>
    public static ResellerInfoView Public(Reseller row) => new(row.DomainName, row.Logo, row.LicenseNumber, row.License);

    /// <summary>Every field of <paramref name="row"/>.</summary>
    public static ResellerInfoView Full(Reseller row) =>
        Public(row) with { ResellerTableId = row.Id, Orgid = row.OrgId };
}
