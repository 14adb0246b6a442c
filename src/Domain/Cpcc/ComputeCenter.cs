using Kboss.Domain.Common;

namespace Kboss.Domain.Cpcc;

/// <summary>
/// 算力中心: a compute-power centre fronted by its pcapi executor. spec: 37-cpcc-centers.md; analysis/cpcc.md §2.1.
/// Dates are informational and not enforced (§2.1).
/// </summary>
public sealed class ComputeCenter : Entity, ISoftDeletable
{
    /// <summary>算力中心名称.</summary>
    public string Name { get; set; } = "";
    /// <summary>Owning operator org.</summary>
    public string OrgId { get; set; } = "";
    /// <summary>算力中心API总址: absolute http(s) base URL of the centre's pcapi.</summary>
    public string PcapiUrl { get; set; } = "";
    /// <summary>pcapi Basic-auth user.</summary>
    public string ApiUser { get; set; } = "";
    /// <summary>pcapi password, encrypted at rest (Data Protection); never returned.</summary>
    public string ApiPwdProtected { get; set; } = "";
    /// <summary>启用日期.</summary>
    public DateOnly? EnableDate { get; set; }
    /// <summary>停用日期.</summary>
    public DateOnly? ExpireDate { get; set; }
    /// <summary>联系人.</summary>
    public string ContactName { get; set; } = "";
    /// <summary>手机号 (may be empty in legacy rows).</summary>
    public string ContactPhone { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}
