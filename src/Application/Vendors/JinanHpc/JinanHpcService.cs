using System.Globalization;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// What the Jinan HPC use cases share (spec module 09; analysis/vendors.md §2.1, §3.1; ADR 0046): the operator's key
/// (<c>jnhpc</c>, <c>not_configured</c> without it), the caller's account pool (an operator's own; another pool's
/// account is 403), the centre's products, and the views of accounts and purchases.
/// </summary>
public sealed class JinanHpcService(IKbossDbContext db, IJinanHpcClient client, VendorKeys keys, ICurrentUser user,
    IPlatformSettings platform)
{
    /// <summary>The vendor's name in messages.</summary>
    public const string System = "济南超算";
    /// <summary>HPC-10's warning (the spec's text, §3.1).</summary>
    public const string UnsyncedWarning = "您当前有未同步的购买信息, 请联系售后同步";
    /// <summary>An id no account or purchase has.</summary>
    public const string NotFoundMessage = "资源不存在";
    /// <summary>Another operator's account or purchase.</summary>
    public const string ForbiddenMessage = "无权操作该资源";

    /// <summary>The key for <paramref name="orgId"/>'s calls.</summary>
    public Task<VendorKey> KeyForAsync(string orgId, CancellationToken ct) =>
        keys.ForCustomerAsync(VendorCodes.JinanHpc, System, orgId, ct);

    /// <summary>The key of the operator org <paramref name="operatorOrgId"/>.</summary>
    public Task<VendorKey> OperatorKeyAsync(string operatorOrgId, CancellationToken ct) =>
        keys.ForOperatorAsync(VendorCodes.JinanHpc, System, operatorOrgId, ct);

    /// <summary>The pool the caller manages: its own org's (an admin: every pool).</summary>
    public string PoolOrgId => user.OrgId ?? throw new UnauthenticatedException();

    /// <summary>True when the caller is an admin (sees every pool).</summary>
    public bool IsAdmin => user.IsInRole(Roles.Admin);

    /// <summary>The live account <paramref name="id"/> of the caller's pool (tracked).</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    /// <exception cref="ForbiddenException">Another operator's.</exception>
    public async Task<HpcAccount> AccountAsync(string? id, CancellationToken ct)
    {
        var key = id.Trimmed();
        var row = await db.HpcAccounts.FirstOrDefaultAsync(a => a.Id == key, ct)
                  ?? throw BusinessException.NotFound(NotFoundMessage);
        if (row.OperatorOrgId != PoolOrgId && !IsAdmin) throw new ForbiddenException(ForbiddenMessage);
        return row;
    }

    /// <summary>The live account bound to <paramref name="orgId"/>, or null.</summary>
    public Task<HpcAccount?> BoundAsync(string orgId, CancellationToken ct) =>
        db.HpcAccounts.FirstOrDefaultAsync(a => a.OrgId == orgId, ct);

    /// <summary>The centre's products (<c>upstream_failed</c> with its message when it fails).</summary>
    public async Task<IReadOnlyList<HpcProduct>> ProductsAsync(VendorKey key, CancellationToken ct) =>
        (await client.ListProductsAsync(key, ct)).OrThrow(System);

    /// <summary>Names of <paramref name="orgIds"/>.</summary>
    public async Task<Dictionary<string, string>> OrgNamesAsync(IEnumerable<string?> orgIds, CancellationToken ct)
    {
        var ids = orgIds.OfType<string>().Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>
    /// Checks values a caller echoes back from a list (HPC-02/05: "…查询接口返回的参数", §6 #6): each one given must
    /// equal the stored one, else <c>invalid_argument</c> on that parameter, before any change or vendor call.
    /// </summary>
    public static void CheckEchoes(params (string Name, string? Given, string? Stored)[] echoes)
    {
        var wrong = echoes.Where(e => e.Given.TrimmedOrNull() is { } g && g != (e.Stored ?? ""))
            .ToDictionary(e => e.Name, e => new[] { $"{e.Name}与记录不一致,请重新查询" });
        if (wrong.Count > 0) throw new RequestValidationException(wrong);
    }

    /// <summary>A UTC instant as platform time <c>yyyy-MM-dd HH:mm:ss</c> (§6 #41).</summary>
    public string? Local(DateTime? utc) => utc is { } t
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), platform.TimeZone)
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : null;

    /// <summary>The HPC-03 view of an account.</summary>
    public HpcAccountView View(HpcAccount a, IReadOnlyDictionary<string, string> names) =>
        new(a.Id, a.LdapUid, a.ClusterCode, a.QueueCode, a.OrgId, a.SyncStatus, Local(a.LastAccess), a.DelFlg,
            Local(a.CreateAt), a.OrgId is { } o ? names.GetValueOrDefault(o) : null);

    /// <summary>The HPC-01 view of a purchase: the account it went to, else the org's bound account.</summary>
    public HpcSyncView View(HpcSyncInfo s, HpcAccount? bound, IReadOnlyDictionary<string, string> names)
    {
        var (ldap, cluster, queue) = s.LdapUid is not null && s.SyncStatus == HpcSyncStates.Synced
            ? (s.LdapUid, s.ClusterCode, s.QueueCode)
            : (bound?.LdapUid ?? "", bound?.ClusterCode ?? "", bound?.QueueCode ?? "");
        return new HpcSyncView(s.Id, s.OrgId, s.ProductId, s.ProductName,
            s.Quantity.ToString(CultureInfo.InvariantCulture), ldap, cluster ?? "", queue ?? "", s.OrgId,
            names.GetValueOrDefault(s.OrgId) ?? "", s.SyncStatus, s.Amount, Local(s.CreateAt), Local(s.SyncedAt),
            s.LastError);
    }
}

/// <summary>An HPC account as HPC-03 shows it; <c>orgname</c> is left out when unbound (spec text).</summary>
public sealed record HpcAccountView(string Id, string Ldapuid, string Clustercode, string Queuecode, string? Orgid,
    string? SyncStatus, string? LastAccess, string DelFlg, string? CreateAt,
    [property: System.Text.Json.Serialization.JsonIgnore(
        Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    string? Orgname);

/// <summary>A purchase as HPC-01 shows it: exactly the values HPC-02 takes back, plus state and amount.</summary>
public sealed record HpcSyncView(string Syncinfoid, string Customerid, string Productid, string Productname,
    string Quantity, string Ldapuid, string Clustercode, string Queuecode, string Orgid, string Orgname,
    string SyncStatus, decimal? Amount, string? CreateAt, string? SyncedAt, string? LastError);
