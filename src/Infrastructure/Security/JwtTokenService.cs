using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kboss.Infrastructure.Security;

/// <summary>
/// The HMAC-SHA256 key that signs access tokens: <c>Auth:JwtSigningKey</c> when set (≥ 32 bytes), else a random key
/// generated once and stored in the database (<c>shared_key</c> row <c>jwt-signing</c>), so every node on the database
/// signs and accepts the same tokens and restarts keep sessions. Loaded by <see cref="LoadAsync"/> at start-up.
/// </summary>
public sealed class JwtSigningKey
{
    /// <summary>Issuer and audience of kboss tokens.</summary>
    public const string Issuer = "kboss";
    /// <summary>Name of the generated key's row.</summary>
    public const string RowName = "jwt-signing";
    /// <summary>File a single-node version kept the generated key in (imported once into the database).</summary>
    public const string FileName = "jwt-signing.key";

    private readonly KbossOptions _options;
    private SymmetricSecurityKey? _key;

    /// <summary>Takes the configured key, if any.</summary>
    /// <exception cref="InvalidOperationException">A configured key shorter than 32 bytes.</exception>
    public JwtSigningKey(KbossOptions options)
    {
        _options = options;
        if (string.IsNullOrWhiteSpace(options.JwtSigningKey)) return;
        var bytes = Encoding.UTF8.GetBytes(options.JwtSigningKey);
        if (bytes.Length < 32) throw new InvalidOperationException("Auth:JwtSigningKey must be at least 32 bytes.");
        _key = Create(bytes);
    }

    /// <summary>The key.</summary>
    /// <exception cref="InvalidOperationException">Used before <see cref="LoadAsync"/>.</exception>
    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("JWT signing key not loaded yet");

    /// <summary>
    /// Without a configured key: inserts a new random key (or the one a single-node version kept in
    /// <c>{DataFolder}/jwt-signing.key</c>) unless a row exists, then reads the row — two nodes starting at once both
    /// end with the key that won the insert.
    /// </summary>
    public async Task LoadAsync(Persistence.KbossDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (_key is not null) return;
        var row = await db.SharedKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Name == RowName, ct);
        if (row is null)
        {
            var legacy = Path.Combine(_options.DataFolder, FileName);
            var value = File.Exists(legacy) ? (await File.ReadAllTextAsync(legacy, ct)).Trim()
                : Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
            var now = clock.GetUtcNow().UtcDateTime;
            db.SharedKeys.Add(new SharedKey { Name = RowName, Value = value, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                // another node inserted first: use its key
            }
            db.ChangeTracker.Clear();
            row = await db.SharedKeys.AsNoTracking().FirstAsync(k => k.Name == RowName, ct);
        }
        _key = Create(Convert.FromBase64String(row.Value));
    }

    private static SymmetricSecurityKey Create(byte[] bytes) => new(bytes) { KeyId = "kboss-1" };

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
    /// <summary>The user's token generation at issue (<see cref="User.TokenVersion"/>); absent means 0.</summary>
    public const string TokenVersion = "tv";
}

/// <summary>
/// <see cref="ITokenService"/>: JWTs signed with <see cref="JwtSigningKey"/>; revoked ids kept in the database and
/// mirrored in memory, re-read at most every <see cref="RevocationRefresh"/> so a logout on one node ends the token on
/// every node within that time (ADR 0019). The same holds for a user's whole token generation
/// (<see cref="User.TokenVersion"/>, raised by a password change, reset or disable; ADR 0025): only users raised within
/// a token lifetime are mirrored, so the check per request is one dictionary look-up.
/// </summary>
public sealed class JwtTokenService(JwtSigningKey key, KbossOptions options, TimeProvider clock,
    IServiceScopeFactory scopes) : ITokenService
{
    /// <summary>How stale this node's copy of the revoked ids may be.</summary>
    public static TimeSpan RevocationRefresh { get; set; } = TimeSpan.FromSeconds(2);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConcurrentDictionary<string, DateTime> _revoked = new();
    private readonly ConcurrentDictionary<string, int> _generations = new();
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private DateTime _refreshedAtUtc = DateTime.MinValue;

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
        if (user.TokenVersion != 0)
            claims.Add(new Claim(KbossClaims.TokenVersion, user.TokenVersion.ToString(CultureInfo.InvariantCulture)));
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

    public void RevokeUser(string userId, int generation) =>
        _generations.AddOrUpdate(userId, generation, (_, known) => Math.Max(known, generation));

    public bool IsStale(string userId, int generation) =>
        _generations.TryGetValue(userId, out var current) && generation < current;

    /// <summary>True when <paramref name="principal"/>'s token was signed out or belongs to an ended
    /// generation.</summary>
    public bool IsRevoked(ClaimsPrincipal principal)
    {
        var jti = principal.FindFirst(JwtRegisteredClaimNames.Jti)?.Value;
        if (jti is null || IsRevoked(jti)) return true;
        if (_generations.IsEmpty) return false;
        var sub = principal.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var tv = principal.FindFirst(KbossClaims.TokenVersion)?.Value;
        var generation = tv is null ? 0
            : int.TryParse(tv, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
        return sub is null || IsStale(sub, generation);
    }

    /// <summary>Loads the revoked ids still unexpired (at start-up).</summary>
    public void Load(IEnumerable<RevokedToken> rows)
    {
        foreach (var r in rows) _revoked[r.Jti] = r.ExpiresAtUtc;
        _refreshedAtUtc = clock.GetUtcNow().UtcDateTime;
    }

    /// <summary>
    /// Reads the unexpired revoked ids and the generations of users raised within a token lifetime (older raises
    /// outlived every token they ended), at start-up and on every refresh.
    /// </summary>
    public async Task LoadAsync(Persistence.KbossDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddHours(-options.TokenLifetimeHours).AddMinutes(-1);
        var users = await db.Users.AsNoTracking().Where(u => u.TokensRevokedAtUtc > since)
            .Select(u => new { u.Id, u.TokenVersion }).ToListAsync(ct);
        foreach (var u in users) RevokeUser(u.Id, u.TokenVersion);
        Load(await db.RevokedTokens.AsNoTracking().Where(r => r.ExpiresAtUtc > now).ToListAsync(ct));
    }

    /// <summary>
    /// Re-reads the unexpired revoked ids (other nodes' logouts) when the copy is older than
    /// <see cref="RevocationRefresh"/>; one reader at a time, the others use the copy they have.
    /// </summary>
    public async Task RefreshRevokedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now - _refreshedAtUtc < RevocationRefresh || !await _refreshing.WaitAsync(0, ct)) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await LoadAsync(scope.ServiceProvider.GetRequiredService<Persistence.KbossDbContext>(), ct);
            foreach (var expired in _revoked.Where(r => r.Value <= now).Select(r => r.Key).ToList())
                _revoked.TryRemove(expired, out _);
        }
        finally
        {
            _refreshing.Release();
        }
    }
}

/// <summary>A key generated once and shared by every node through the database (table <c>shared_key</c>).</summary>
public sealed class SharedKey
{
    /// <summary>Key name (primary key).</summary>
    public string Name { get; set; } = "";
    /// <summary>Base64 key material.</summary>
    public string Value { get; set; } = "";
    /// <summary>When it was generated (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
