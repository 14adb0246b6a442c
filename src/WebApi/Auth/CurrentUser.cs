using System.Security.Claims;
using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Kboss.WebApi.Auth;

/// <summary><see cref="ICurrentUser"/> from the validated token of the current HTTP request.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    public string? UserId => Claim(JwtRegisteredClaimNames.Sub);
    public string? Username => Claim(KbossClaims.Username);
    public string? OrgId => Claim(KbossClaims.OrgId);
    public IReadOnlyList<string> Roles => IsAuthenticated ? Principal!.FindAll(KbossClaims.Role).Select(c => c.Value).ToList() : [];
    public string? TokenId => Claim(JwtRegisteredClaimNames.Jti);
    public DateTime? TokenExpiresAtUtc => long.TryParse(Claim(JwtRegisteredClaimNames.Exp), out var exp)
        ? DateTimeOffset.FromUnixTimeSeconds(exp).UtcDateTime : null;
    public bool IsInRole(string role) => IsAuthenticated && Principal!.HasClaim(KbossClaims.Role, role);

    private string? Claim(string type) => IsAuthenticated ? Principal!.FindFirst(type)?.Value : null;
}
