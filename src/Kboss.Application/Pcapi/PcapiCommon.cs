using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Kboss.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Pcapi;

/// <summary>The pcapi envelope <c>{"status", "info", "data"}</c> (spec: 36-cpcc-pcapi.md).</summary>
public sealed record PcapiReply
{
    /// <summary>True on success.</summary>
    [JsonPropertyOrder(0)] public bool Status { get; init; }
    /// <summary>Message (<c>operate success</c> / <c>operate failed</c> or the reason).</summary>
    [JsonPropertyOrder(1)] public string Info { get; init; } = "";
    /// <summary>Payload; written as <c>null</c> when none.</summary>
    [JsonPropertyOrder(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public object? Data { get; init; }
    /// <summary>Why it failed (Chinese, for a person); omitted on success.</summary>
    [JsonPropertyOrder(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
    /// <summary>Machine-readable failure code; omitted on success.</summary>
    [JsonPropertyOrder(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }
}

/// <summary>
/// Checks pcapi HTTP Basic credentials against the centres' <c>api_user</c>/<c>api_pwd</c> (analysis/cpcc.md §3.H, §4.10):
/// any alive centre with that user and password. The comparison is constant-time.
/// </summary>
public sealed class PcapiCredentials(IKbossDbContext db, ISecretProtector secrets)
{
    /// <summary>True when some centre has <paramref name="user"/> with <paramref name="password"/>.</summary>
    public async Task<bool> VerifyAsync(string user, string password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password)) return false;
        var stored = await db.ComputeCenters.AsNoTracking().Where(c => c.ApiUser == user).Select(c => c.ApiPwdProtected).ToListAsync(ct);
        var given = Encoding.UTF8.GetBytes(password);
        var ok = false;
        foreach (var s in stored.Where(s => !string.IsNullOrEmpty(s)))
        {
            string plain;
            try { plain = secrets.Unprotect(s); }
            catch (CryptographicException) { continue; }
            ok |= CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(plain), given);
        }
        return ok;
    }
}
