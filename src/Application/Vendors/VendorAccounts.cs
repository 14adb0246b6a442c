using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors;

/// <summary>
/// What the account-sync vendors of issue 15 (Baidu, JD Cloud, Jiajie, Casdao; analysis/vendors.md §1 style A) share:
/// the user a request names (<c>userid</c>, default the caller; another user only in an org the caller may act on,
/// else 403 — §5.3, §6 #13), the user's <see cref="VendorAccount"/>, the key of the user's operator
/// (<c>not_configured</c> without one) and a vendor call whose failure is <c>upstream_failed</c> with the vendor's
/// message. ADR 0045.
/// </summary>
public sealed class VendorAccounts(IKbossDbContext db, ICurrentUser current, OrgAccess orgs, VendorKeys keys,
    IVendorApi api)
{
    /// <summary>A user the caller may not act for.</summary>
    public const string ForbiddenMessage = "无权操作该用户";
    /// <summary>An unknown user.</summary>
    public const string UserNotFoundMessage = "用户不存在";

    /// <summary>The user <paramref name="userid"/> names (the caller when empty).</summary>
    /// <exception cref="ForbiddenException">A user of an org the caller may not act on.</exception>
    public async Task<User> UserAsync(string? userid, CancellationToken ct)
    {
        var id = string.IsNullOrWhiteSpace(userid) ? current.UserId ?? throw new UnauthenticatedException()
            : userid.Trim();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            if (id != current.UserId && !current.IsInRole(Roles.Admin)) throw new ForbiddenException(ForbiddenMessage);
            throw BusinessException.NotFound(UserNotFoundMessage);
        }
        await orgs.EnsureCanActOnAsync(user.OrgId, ForbiddenMessage, ct);
        return user;
    }

    /// <summary>The user's account at <paramref name="vendor"/>, or null.</summary>
    public Task<VendorAccount?> LinkAsync(string vendor, string userId, CancellationToken ct) =>
        db.VendorAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Vendor == vendor && a.UserId == userId, ct);

    /// <summary>The user's account at <paramref name="vendor"/>; not_found <paramref name="message"/> without.</summary>
    public async Task<VendorAccount> RequireLinkAsync(string vendor, string userId, string message,
        CancellationToken ct) => await LinkAsync(vendor, userId, ct) ?? throw BusinessException.NotFound(message);

    /// <summary>The key for <paramref name="orgId"/>'s users (its operator's).</summary>
    public Task<VendorKey> KeyForAsync(string vendor, string system, string orgId, CancellationToken ct) =>
        keys.ForCustomerAsync(vendor, system, orgId, ct);

    /// <summary>The key stored by <paramref name="operatorOrgId"/>.</summary>
    public Task<VendorKey> OperatorKeyAsync(string vendor, string system, string operatorOrgId, CancellationToken ct) =>
        keys.ForOperatorAsync(vendor, system, operatorOrgId, ct);

    /// <summary>Sends <paramref name="request"/>; the vendor's payload, or <c>upstream_failed</c>.</summary>
    public async Task<JsonNode?> CallAsync(string vendor, string system, VendorKey key, VendorRequest request,
        CancellationToken ct) => (await api.SendAsync(vendor, key, request, ct)).OrThrow(system);

    /// <summary>
    /// Calls <paramref name="vendor"/> for the account of the user <paramref name="userid"/> names (default the
    /// caller) with its operator's key: not linked → not_found <paramref name="notLinked"/>; the vendor's failure →
    /// upstream_failed. The SSO calls (BD-01, JD-04, ALI-03) and account reads (BD-07) share it.
    /// </summary>
    public async Task<(VendorAccount Link, JsonNode? Data)> CallLinkedAsync(string vendor, string system,
        string? userid, string notLinked, Func<VendorAccount, VendorRequest> request, CancellationToken ct)
    {
        var user = await UserAsync(userid, ct);
        var link = await RequireLinkAsync(vendor, user.Id, notLinked, ct);
        var key = await OperatorKeyAsync(vendor, system, link.OperatorOrgId, ct);
        return (link, await CallAsync(vendor, system, key, request(link), ct));
    }

    /// <summary>Sends <paramref name="request"/> and returns the result as is.</summary>
    public Task<VendorResult<JsonNode?>> TryAsync(string vendor, VendorKey key, VendorRequest request,
        CancellationToken ct) => api.SendAsync(vendor, key, request, ct);

    /// <summary>Stores a new link (a second link of the user or of the vendor id is a conflict).</summary>
    public async Task<VendorAccount> AddLinkAsync(VendorAccount link, object auditDetail, CancellationToken ct)
    {
        db.VendorAccounts.Add(link);
        db.AuditEntries.Add(Audit.Entry(current, $"{link.Vendor}.account.linked", "vendor_account", link.Id,
            auditDetail));
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(AlreadyLinkedMessage);
        }
        return link;
    }

    /// <summary>Audits an action without secrets (an SSO token or URL is never in <paramref name="detail"/>).</summary>
    public async Task AuditAsync(string action, string entityType, string entityId, object detail)
    {
        db.AuditEntries.Add(Audit.Entry(current, action, entityType, entityId, detail));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The user or the vendor account is linked already.</summary>
    public const string AlreadyLinkedMessage = "该用户已同步";
}
