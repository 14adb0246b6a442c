using Kboss.Domain.Common;

namespace Kboss.Domain.Finance;

/// <summary>
/// Profile fields of an organisation that PRV-02 maintains (finance.md §2.2: contact, address, licence images,
/// organisation code, account) — one row per org, kept beside <c>organization</c> so the identity table stays small.
/// Values are free text as documented; empty clears.
/// </summary>
public sealed class OrgProfile : Entity
{
    /// <summary>The org (unique).</summary>
    public string OrgId { get; set; } = "";
    /// <summary>联系人.</summary>
    public string? Contactor { get; set; }
    /// <summary>联系电话.</summary>
    public string? ContactorPhone { get; set; }
    /// <summary>省id.</summary>
    public string? ProvinceId { get; set; }
    /// <summary>市id.</summary>
    public string? CityId { get; set; }
    /// <summary>区id (documented as <c>distinct_id</c>).</summary>
    public string? DistinctId { get; set; }
    /// <summary>邮箱.</summary>
    public string? Emailaddress { get; set; }
    /// <summary>地址.</summary>
    public string? Address { get; set; }
    /// <summary>主营业务描述.</summary>
    public string? MainBusiness { get; set; }
    /// <summary>组织机构代码 (a compute-centre provider: its cpccid).</summary>
    public string? Orgcode { get; set; }
    /// <summary>营业执照 URL.</summary>
    public string? LicenseImg { get; set; }
    /// <summary>身份证 URL.</summary>
    public string? IdImg { get; set; }
    /// <summary>账号.</summary>
    public string? Accountid { get; set; }
}

/// <summary>
/// Account and settlement settings of a provider (finance.md §2.3): API application id and key (the key encrypted at
/// rest, shown as <c>******</c>), 销售结算方式, 结算流程 and 结算日期模版 — one row per provider.
/// </summary>
public sealed class ProviderAccount : Entity
{
    /// <summary>The provider (unique).</summary>
    public string ProviderId { get; set; } = "";
    /// <summary>应用id.</summary>
    public string? Appid { get; set; }
    /// <summary>应用key, encrypted.</summary>
    public string? ProviderkeyProtected { get; set; }
    /// <summary>销售结算方式.</summary>
    public string? SettleMode { get; set; }
    /// <summary>结算流程 (approval flow id).</summary>
    public string? SettleFlowid { get; set; }
    /// <summary>结算日期模版.</summary>
    public string? SettleDatep { get; set; }
}
