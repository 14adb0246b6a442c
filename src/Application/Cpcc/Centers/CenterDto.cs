using System.Text.Json.Serialization;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.Centers;

/// <summary>
/// A centre as the wire shows it (C1 rows and the C2/C3 echoes). <c>api_pwd</c> is always the mask
/// <c>"******"</c> (analysis/cpcc.md §4.10). spec: 37-cpcc-centers.md.
/// </summary>
public sealed record CenterDto
{
    /// <summary>Centre id.</summary>
    public string Id { get; init; } = "";
    /// <summary>算力中心名称.</summary>
    public string Name { get; init; } = "";
    /// <summary>Owning org.</summary>
    public string Orgid { get; init; } = "";
    /// <summary>Org name (lists only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OrgidText { get; init; }
    /// <summary>pcapi base URL.</summary>
    public string PcapiUrl { get; init; } = "";
    /// <summary>pcapi account.</summary>
    public string ApiUser { get; init; } = "";
    /// <summary>Always <c>"******"</c>.</summary>
    public string ApiPwd { get; init; } = SecretMask.Value;
    /// <summary>启用日期 <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? EnableDate { get; init; }
    /// <summary>停用日期 <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? ExpireDate { get; init; }
    /// <summary>联系人.</summary>
    public string Contactname { get; init; } = "";
    /// <summary>手机号.</summary>
    public string Contactphone { get; init; } = "";
    /// <summary>1-based row number (lists only).</summary>
    [JsonPropertyName("row_num_")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RowNum { get; init; }

    /// <summary>Maps an entity (secret masked).</summary>
    public static CenterDto From(ComputeCenter c, string? orgName = null, int? rowNum = null) => new()
    {
        Id = c.Id, Name = c.Name, Orgid = c.OrgId, OrgidText = orgName, PcapiUrl = c.PcapiUrl, ApiUser = c.ApiUser,
        EnableDate = c.EnableDate, ExpireDate = c.ExpireDate, Contactname = c.ContactName,
        Contactphone = c.ContactPhone, RowNum = rowNum,
    };
}
