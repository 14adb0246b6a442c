using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kboss.Infrastructure.Security;

/// <summary>
/// The HMAC-SHA256 key that signs access tokens: <c>Auth:JwtSigningKey</c> when set (≥ 32 bytes), else a random key
/// generated once into <c>{DataFolder}/jwt-signing.key</c> (mode 600) so restarts keep sessions.
/// </summary>
public sealed class JwtSigningKey
{
    /// <summary>Issuer and audience of kboss tokens.</summary>
    public const string Issuer = "kboss";

    /// <summary>File of the generated key in the data folder.</summary>
    public const string FileName = "jwt-signing.key";

    /// <summary>The key.</summary>
    public SymmetricSecurityKey Key { get; }

    /// <summary>Loads or creates the key.</summary>
    /// <exception cref="InvalidOperationException">A configured key shorter than 32 bytes.</exception>
    public JwtSigningKey(KbossOptions options)
    {
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(options.JwtSigningKey))
        {
            bytes = Encoding.UTF8.GetBytes(options.JwtSigningKey);
            if (bytes.Length < 32) throw new InvalidOperationException("Auth:JwtSigningKey must be at least 32 bytes.");
        }
        else
        {
            Directory.CreateDirectory(options.DataFolder);
            var path = Path.Combine(options.DataFolder, FileName);
            if (File.Exists(path)) bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
            else
            {
                bytes = RandomNumberGenerator.GetBytes(64);
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // 0600 from the start
                using var file = new StreamWriter(path, System.Text.Encoding.ASCII, create);
                file.Write(Convert.ToBase64String(bytes));
            }
        }
        Key = new SymmetricSecurityKey(bytes) { KeyId = "kboss-1" };
    }

    /// <summary>Validation parameters for the bearer handler.</summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = KbossClaims.Role,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}

/// <summary>Claim names of kboss access tokens (analysis/platform.md §6.3).</summary>
public static class KbossClaims
{
    /// <summary>User's org id.</summary>
    public const string OrgId = "orgid";
    /// <summary>Owner org of the user's org.</summary>
    public const string OwnerOrgId = "owner_orgid";
    /// <summary>Role (repeated).</summary>
    public const string Role = "role";
    /// <summary>Login name.</summary>
    public const string Username = "name";
}

/// <summary><see cref="ITokenService"/>: JWTs signed with <see cref="JwtSigningKey"/>; revoked ids kept in memory and in the database.</summary>
public sealed class JwtTokenService(JwtSigningKey key, KbossOptions options, TimeProvider clock) : ITokenService
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConcurrentDictionary<string, DateTime> _revoked = new();

    public IssuedToken Issue(User user, Organization org)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddHours(options.TokenLifetimeHours);
        var jti = NanoId.New();
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id),
            new(JwtRegisteredClaimNames.Jti, jti),
            new(KbossClaims.Username, user.Username),
            new(KbossClaims.OrgId, org.Id),
        };
        if (org.OwnerOrgId is not null) claims.Add(new Claim(KbossClaims.OwnerOrgId, org.OwnerOrgId));
        claims.AddRange(user.RoleList.Select(r => new Claim(KbossClaims.Role, r)));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtSigningKey.Issuer,
            Audience = JwtSigningKey.Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, jti, expires);
    }

    public string CsrfTokenFor(string jti)
    {
        var mac = HMACSHA256.HashData(key.Key.Key, Encoding.UTF8.GetBytes("kboss-csrf:" + jti));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public void Revoke(string jti, DateTime expiresAtUtc) => _revoked[jti] = expiresAtUtc;

    public bool IsRevoked(string jti) => _revoked.ContainsKey(jti);

    /// <summary>Loads the revoked ids still unexpired (at start-up).</summary>
    public void Load(IEnumerable<RevokedToken> rows)
    {
        foreach (var r in rows) _revoked[r.Jti] = r.ExpiresAtUtc;
    }
}
