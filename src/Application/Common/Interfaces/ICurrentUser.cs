namespace Kboss.Application.Common.Interfaces;

/// <summary>The caller of the current request, from the validated access token (anonymous when absent).</summary>
public interface ICurrentUser
{
    /// <summary>True when a valid token was presented.</summary>
    bool IsAuthenticated { get; }
    /// <summary>User id, or null when anonymous.</summary>
    string? UserId { get; }
    /// <summary>Login name, or null when anonymous.</summary>
    string? Username { get; }
    /// <summary>The user's org id, or null when anonymous.</summary>
    string? OrgId { get; }
    /// <summary>Roles of the user (empty when anonymous).</summary>
    IReadOnlyList<string> Roles { get; }
    /// <summary>The access token's id (<c>jti</c>), or null when anonymous.</summary>
    string? TokenId { get; }
    /// <summary>When the access token expires (UTC), or null when anonymous.</summary>
    DateTime? TokenExpiresAtUtc { get; }
    /// <summary>True when the user has <paramref name="role"/>.</summary>
    bool IsInRole(string role);
}
