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

    private string _passwordHash = "";

    /// <summary>Password hash; never the password. Changed only by <see cref="SetPassword"/>.</summary>
    public string PasswordHash { get => _passwordHash; init => _passwordHash = value; }

    /// <summary>A disabled user can't sign in and its tokens are refused (<see cref="Disable"/>).</summary>
    public bool Disabled { get; private set; }

    /// <summary>
    /// Generation of the user's access tokens (claim <c>tv</c>): a token of an older generation is refused. Raised by
    /// every change that ends the user's sessions; also the row's concurrency token.
    /// </summary>
    public int TokenVersion { get; private set; }

    /// <summary>When <see cref="TokenVersion"/> was last raised (UTC); nodes re-read users raised within a token
    /// lifetime.</summary>
    public DateTime? TokensRevokedAtUtc { get; private set; }

    /// <summary>Comma-separated roles, each one of <see cref="Roles"/>.</summary>
    public string Roles { get; set; } = "";

    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>The roles as a list.</summary>
    public IReadOnlyList<string> RoleList =>
        Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Refusal of a disabled user's sign-in.</summary>
    public const string DisabledMessage = "账号已停用";

    /// <summary><c>active</c> or <c>disabled</c> (the wire form of <see cref="Disabled"/>).</summary>
    public string State => Disabled ? UserStates.Disabled : UserStates.Active;

    /// <summary>Stores a new password hash and ends every session issued so far.</summary>
    public Result SetPassword(string hash, DateTime nowUtc)
    {
        if (string.IsNullOrEmpty(hash)) return new Failure(FailureKind.InvalidArgument, "密码不能为空", "password");
        _passwordHash = hash;
        RevokeTokens(nowUtc);
        return Result.Done;
    }

    /// <summary>Refusal of disabling one's own account.</summary>
    public const string SelfDisableMessage = "不能停用自己的账号";

    /// <summary>Disables the account and ends its sessions (a disabled account stays as it is); nobody disables
    /// its own account (<paramref name="actorUserId"/>), so an org can't lose its last manager by a slip.</summary>
    public Result Disable(string? actorUserId, DateTime nowUtc)
    {
        if (actorUserId == Id) return new Failure(FailureKind.Conflict, SelfDisableMessage);
        if (Disabled) return Result.Done;
        Disabled = true;
        RevokeTokens(nowUtc);
        return Result.Done;
    }

    /// <summary>Enables the account again; its old sessions stay ended (the user signs in anew).</summary>
    public Result Enable()
    {
        Disabled = false;
        return Result.Done;
    }

    /// <summary>Refuses every token issued before now (their <c>tv</c> is older than the new generation).</summary>
    public void RevokeTokens(DateTime nowUtc)
    {
        TokenVersion++;
        TokensRevokedAtUtc = nowUtc;
    }
}

/// <summary>Wire names of a user's state.</summary>
public static class UserStates
{
    /// <summary>May sign in.</summary>
    public const string Active = "active";
    /// <summary>Disabled by an admin or operator.</summary>
    public const string Disabled = "disabled";

    /// <summary>Every state.</summary>
    public static readonly IReadOnlyList<string> All = [Active, Disabled];
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
