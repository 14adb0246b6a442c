namespace Kboss.Domain.Identity;

/// <summary>A signed-out access token (by its <c>jti</c>), refused until it would have expired anyway.</summary>
public sealed class RevokedToken
{
    /// <summary>The token's <c>jti</c> claim.</summary>
    public string Jti { get; set; } = "";

    /// <summary>When the token expires (UTC); the row can be purged after.</summary>
    public DateTime ExpiresAtUtc { get; set; }
}
