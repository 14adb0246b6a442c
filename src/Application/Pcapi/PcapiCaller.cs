using System.Security.Cryptography;
using System.Text;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Pcapi;

/// <summary>
/// The client of the current pcapi request, authenticated with HTTP Basic against the centres' <c>api_user</c> /
/// <c>api_pwd</c> (analysis/cpcc.md §3.H, §5.1): the centres whose credentials match. Set by the web layer before the
/// request reaches a handler; a handler only sees <see cref="CenterIds"/>.
/// </summary>
public sealed class PcapiCaller(IKbossDbContext db, ISecretProtector secrets, SignInGuard guard)
{
    /// <summary>Ids of the alive centres whose pcapi credentials the caller presented (empty: not authenticated).</summary>
    public IReadOnlyList<string> CenterIds { get; private set; } = [];

    /// <summary>The API user that authenticated (for audit entries), or null.</summary>
    public string? ApiUser { get; private set; }

    /// <summary>Throttle realm of pcapi Basic authentication.</summary>
    public const string Realm = "pcapi";

    /// <summary>
    /// Checks <paramref name="user"/>/<paramref name="password"/> against every centre with that API user (passwords
    /// compared in constant time), throttled per API user and per client address like the login (ADR 0018):
    /// <see cref="SignInStatus.Succeeded"/> when at least one centre matches.
    /// </summary>
    public async Task<SignInOutcome> AuthenticateAsync(string user, string password, string clientIp,
        CancellationToken ct)
    {
        if (user.Length == 0 || password.Length == 0) return new SignInOutcome(SignInStatus.Invalid, TimeSpan.Zero);
        return await guard.AttemptAsync(Realm, user, clientIp, t => MatchAsync(user, password, t), ct);
    }

    private async Task<bool> MatchAsync(string user, string password, CancellationToken ct)
    {
        var candidates = await db.ComputeCenters.AsNoTracking().Where(c => c.ApiUser == user)
            .Select(c => new { c.Id, c.ApiPwdProtected }).ToListAsync(ct);
        var given = Encoding.UTF8.GetBytes(password);
        var matched = new List<string>();
        foreach (var c in candidates)
        {
            string stored;
            try
            {
                stored = secrets.Unprotect(c.ApiPwdProtected);
            }
            catch (CryptographicException)
            {
                continue;
            }
            if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), given)) matched.Add(c.Id);
        }
        CenterIds = matched;
        ApiUser = matched.Count > 0 ? user : null;
        return matched.Count > 0;
    }
}
