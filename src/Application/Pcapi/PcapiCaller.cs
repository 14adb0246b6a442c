using System.Security.Cryptography;
using System.Text;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
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

    /// <summary>Throttle realm of the controller's SSH account that pcapi calls present (ADR 0018).</summary>
    public const string SshRealm = "pcapi-ssh";

    private string _clientIp = "";

    /// <summary>
    /// Checks <paramref name="user"/>/<paramref name="password"/> against every centre with that API user (passwords
    /// compared in constant time), throttled per API user and per client address like the login (ADR 0018):
    /// <see cref="SignInStatus.Succeeded"/> when at least one centre matches.
    /// </summary>
    public async Task<SignInOutcome> AuthenticateAsync(string user, string password, string clientIp,
        CancellationToken ct)
    {
        if (user.Length == 0 || password.Length == 0) return new SignInOutcome(SignInStatus.Invalid, TimeSpan.Zero);
        _clientIp = clientIp;
        return await guard.AttemptAsync(Realm, user, clientIp, t => MatchAsync(user, password, t), ct);
    }

    /// <summary>
    /// Runs <paramref name="check"/> (does the SSH account a call presents belong to the controller at
    /// <paramref name="host"/>?) under the same throttle as sign-ins, keyed by API user and host, so a holder of pcapi
    /// credentials can't guess a machine's root password without limit.
    /// </summary> <exception cref="BusinessException"><c>too_many_attempts</c> when the account or address must wait.</exception>
    public async Task<bool> CheckSshAccountAsync(string host, Func<CancellationToken, Task<bool>> check,
        CancellationToken ct)
    {
        var outcome = await guard.AttemptAsync(SshRealm, $"{ApiUser}@{host}", _clientIp, check, ct);
        if (outcome.Result == SignInStatus.Throttled)
            throw new BusinessException(outcome.ThrottledMessage, ErrorCodes.TooManyAttempts);
        return outcome.Result == SignInStatus.Succeeded;
    }

    private async Task<bool> MatchAsync(string user, string password, CancellationToken ct)
    {
        var candidates = await db.ComputeCenters.AsNoTracking().Where(c => c.ApiUser == user)
            .Select(c => new { c.Id, c.OrgId, c.ApiPwdProtected }).ToListAsync(ct);
        // An API user belongs to one org (AddCenter/UpdateCenter refuse another org's); should two orgs still share
        // one (a race, old data), nobody authenticates with it: a match could open the other org's centres.
        if (candidates.Select(c => c.OrgId).Distinct().Count() > 1) candidates.Clear();
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
