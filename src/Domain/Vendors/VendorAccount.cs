using Kboss.Domain.Common;

namespace Kboss.Domain.Vendors;

/// <summary>
/// A kboss user's account at a vendor kboss resells in the "account sync + single sign-on" style (analysis/vendors.md
/// §1 style A, §2.2 E-ALI-1, §2.3 E-BD-1, §2.4 E-JD-1): the Baidu sub-account, the JD Cloud customer, the Jiajie
/// account. One per (vendor, user); <see cref="VendorAccountId"/> is the vendor's id (Baidu <c>accountid</c>/
/// <c>baidu_id</c>). The operator org whose key created it is the key used for every later call.
/// </summary>
public sealed class VendorAccount : Entity
{
    /// <summary>Longest vendor account id.</summary>
    public const int VendorIdLength = 100;

    /// <summary><see cref="VendorCodes"/> (<c>baidu</c>, <c>jdcloud</c>, <c>jiajie</c>).</summary>
    public string Vendor { get; init; } = "";
    /// <summary>kboss user.</summary>
    public string UserId { get; init; } = "";
    /// <summary>The user's name when linked (BD-03 <c>username</c>).</summary>
    public string Username { get; init; } = "";
    /// <summary>The user's (customer) org.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Operator org whose key created the account.</summary>
    public string OperatorOrgId { get; init; } = "";
    /// <summary>The vendor's account id.</summary>
    public string VendorAccountId { get; init; } = "";
    /// <summary>Mobile the account was registered with (JD Cloud), or null.</summary>
    public string? Mobile { get; init; }
}
