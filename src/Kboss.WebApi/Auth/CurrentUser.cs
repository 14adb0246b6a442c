using System.Security.Claims;
using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Kboss.WebApi.Auth;

/// <summary><see cref="ICurrentUser"/> from the validated token of the current HTTP request.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    /// <inheritdoc />
    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    /// <inheritdoc />
    public string? UserId => Claim(JwtRegisteredClaimNames.Sub);
    /// <inheritdoc />
    public string? Username => Claim(KbossClaims.Username);
    /// <inheritdoc />
    public string? OrgId => Claim(KbossClaims.OrgId);
    /// <inheritdoc />
    public IReadOnlyList<string> Roles => IsAuthenticated ? Principal!.FindAll(KbossClaims.Role).Select(c => c.Value).ToList() : [];
    /// <inheritdoc />
    public string? TokenId => Claim(JwtRegisteredClaimNames.Jti);
    /// <inheritdoc />
    public DateTime? TokenExpiresAtUtc => long.TryParse(Claim(JwtRegisteredClaimNames.Exp), out var exp)
        ? DateTimeOffset.FromUnixTimeSeconds(exp).UtcDateTime : null;
    /// <inheritdoc />
    public bool IsInRole(string role) => IsAuthenticated && Principal!.HasClaim(KbossClaims.Role, role);

    private string? Claim(string type) => IsAuthenticated ? Principal!.FindFirst(type)?.Value : null;
}
