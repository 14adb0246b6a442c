using Kboss.Domain.Identity;

namespace Kboss.Application.Common.Interfaces;

/// <summary>An issued access token.</summary>
/// <param name="Token">The signed JWT.</param>
/// <param name="Jti">Its unique id (used to revoke it at logout).</param>
/// <param name="ExpiresAtUtc">Expiry instant (UTC).</param>
public sealed record IssuedToken(string Token, string Jti, DateTime ExpiresAtUtc);

/// <summary>Issues and revokes access tokens (JWT, HMAC-SHA256) in Infrastructure.</summary>
public interface ITokenService
{
    /// <summary>Issues a token for <paramref name="user"/> with its org, owner org and roles as claims.</summary>
    IssuedToken Issue(User user, Organization org);

    /// <summary>
    /// The CSRF token of the session whose access token has id <paramref name="jti"/>: an HMAC of the id, so it is
    /// bound to that session and cannot be chosen by whoever can plant a cookie.
    /// </summary>
    string CsrfTokenFor(string jti);

    /// <summary>Marks <paramref name="jti"/> revoked in memory (the caller persists the row).</summary>
    void Revoke(string jti, DateTime expiresAtUtc);

    /// <summary>True when <paramref name="jti"/> was signed out.</summary>
    bool IsRevoked(string jti);

    /// <summary>Refuses in memory every token of <paramref name="userId"/> older than generation
    /// <paramref name="generation"/> (the caller persists <c>User.TokenVersion</c>).</summary>
    void RevokeUser(string userId, int generation);

    /// <summary>True when a token of generation <paramref name="generation"/> of <paramref name="userId"/> was ended
    /// by a later password change, reset or disable.</summary>
    bool IsStale(string userId, int generation);
}

/// <summary>Settings of the platform the use cases need.</summary>
public interface IPlatformSettings
{
    /// <summary>Platform time zone (default Asia/Shanghai) for dates given without a zone.</summary>
    TimeZoneInfo TimeZone { get; }
    /// <summary>Sign-in throttle of one account (login name, pcapi <c>api_user</c>); modest waits (ADR 0018).</summary>
    Kboss.Domain.Identity.ThrottlePolicy AccountThrottle { get; }
    /// <summary>Sign-in throttle of one client address (an IPv4 address or an IPv6 /64), longer waits.</summary>
    Kboss.Domain.Identity.ThrottlePolicy AddressThrottle { get; }
    /// <summary>Whether an anonymous caller may name an <c>orgid</c> (Development only; analysis/platform.md §6.3).</summary>
    bool AllowAnonymousOrgOverride { get; }
}
