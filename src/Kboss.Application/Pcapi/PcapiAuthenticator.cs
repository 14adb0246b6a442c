using System.Security.Cryptography;
using System.Text;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Pcapi;

/// <summary>
/// HTTP Basic authentication of pcapi callers (analysis/cpcc.md §3.H): <c>Authorization: Basic base64(user:password)</c>
/// must match the <c>api_user</c>/<c>api_pwd</c> of an alive centre (the same credentials kboss sends to a remote
/// pcapi). Shared by every <c>/pcapi/api/v1/cluster/common/*</c> endpoint.
/// </summary>
public sealed class PcapiAuthenticator(IKbossDbContext db, ISecretProtector secrets)
{
    /// <summary>The centre whose credentials <paramref name="authorizationHeader"/> carries, or null.</summary>
    public async Task<ComputeCenter?> AuthenticateAsync(string? authorizationHeader, CancellationToken ct)
    {
        if (ParseBasic(authorizationHeader) is not var (user, password) || user.Length == 0) return null;
        var candidates = await db.ComputeCenters.AsNoTracking().Where(c => c.ApiUser == user && c.ApiPwdProtected != "").ToListAsync(ct);
        var given = Encoding.UTF8.GetBytes(password);
        foreach (var c in candidates)
        {
            string stored;
            try { stored = secrets.Unprotect(c.ApiPwdProtected); }
            catch (CryptographicException) { continue; }
            if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), given)) return c;
        }
        return null;
    }

    /// <summary>User and password of a <c>Basic</c> header; null when absent or malformed.</summary>
    public static (string User, string Password)? ParseBasic(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = text.IndexOf(':');
            return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
