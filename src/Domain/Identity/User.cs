using Kboss.Domain.Common;

namespace Kboss.Domain.Identity;

/// <summary>
/// A login account. The password is stored only as a hash (ASP.NET Core Identity's PasswordHasher format).
/// Failed sign-ins are throttled by <see cref="SignInThrottle"/> rows (ADR 0018).
/// </summary>
public sealed class User : Entity, ISoftDeletable
{
    /// <summary>Login name as entered at creation.</summary>
    public string Username { get; set; } = "";

    /// <summary>
    /// <see cref="UsernameRules.Normalize"/> of <see cref="Username"/>, unique among alive users; null only for an
    /// account created before normalisation whose normal form clashed with an older account's (ADR 0018).
    /// </summary>
    public string? NormalizedUsername { get; set; }

    /// <summary>Display name.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Organisation the user belongs to.</summary>
    public string OrgId { get; set; } = "";

    /// <summary>Password hash; never the password.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Comma-separated roles, each one of <see cref="Roles"/>.</summary>
    public string Roles { get; set; } = "";

    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>The roles as a list.</summary>
    public IReadOnlyList<string> RoleList =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Role names (ARCHITECTURE.md §5).</summary>
public static class Roles
{
    /// <summary>Platform administrator: may act on every org.</summary>
    public const string Admin = "admin";
    /// <summary>Operator (运营): manages its org and the orgs it owns.</summary>
    public const string Operator = "operator";
    /// <summary>Sales (销售).</summary>
    public const string Sales = "sales";
    /// <summary>Operations/maintenance (运维).</summary>
    public const string Ops = "ops";
    /// <summary>Customer (客户).</summary>
    public const string Customer = "customer";
    /// <summary>Provider (供应商).</summary>
    public const string Provider = "provider";
    /// <summary>Reseller (分销商).</summary>
    public const string Reseller = "reseller";

    /// <summary>Every valid role.</summary>
    public static readonly IReadOnlySet<string> All =
        new HashSet<string>([Admin, Operator, Sales, Ops, Customer, Provider, Reseller], StringComparer.Ordinal);
}
