using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Identity;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors;

/// <summary>A usable vendor key (the plaintext secret lives only in this record, in memory, for one call).</summary>
/// <param name="OperatorOrgId">Org whose key it is.</param>
/// <param name="AccessKeyId">Access key id.</param>
/// <param name="Secret">Access key secret, plaintext.</param>
/// <param name="Endpoint">Base URL replacing the vendor's public hosts, or null.</param>
public sealed record VendorKey(string OperatorOrgId, string AccessKeyId, string Secret, string? Endpoint)
{
    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"VendorKey({OperatorOrgId}, {AccessKeyId}, ******, {Endpoint})";
}

/// <summary>
/// Finds the key kboss uses for a customer org and a vendor (ADR 0037): the key of the org's operating org (its
/// owner; an operator org uses its own). Without one the vendor endpoints answer <c>not_configured</c>, never
/// invented data (ARCHITECTURE.md §6).
/// </summary>
public sealed class VendorKeys(IKbossDbContext db, ISecretProtector secrets)
{
    /// <summary>The operating org of <paramref name="orgId"/>: its owner, else itself.</summary>
    public async Task<string> OperatorOfAsync(string orgId, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId)
                      .Select(o => new { o.Id, o.OwnerOrgId, o.Kind }).FirstOrDefaultAsync(ct)
                  ?? throw BusinessException.NotFound("机构不存在");
        return org.Kind == OrgKind.Customer && org.OwnerOrgId is { Length: > 0 } owner ? owner : org.Id;
    }

    /// <summary>The key of <paramref name="vendor"/> for the customer org <paramref name="orgId"/>.</summary>
    /// <exception cref="BusinessException"><c>not_configured</c> when the operating org has none.</exception>
    public async Task<VendorKey> ForCustomerAsync(string vendor, string systemName, string orgId, CancellationToken ct)
        => await ForOperatorAsync(vendor, systemName, await OperatorOfAsync(orgId, ct), ct);

    /// <summary>The key of <paramref name="vendor"/> stored by <paramref name="operatorOrgId"/>.</summary>
    /// <exception cref="BusinessException"><c>not_configured</c> when none is stored.</exception>
    public async Task<VendorKey> ForOperatorAsync(string vendor, string systemName, string operatorOrgId,
        CancellationToken ct)
    {
        var row = await db.VendorCredentials.AsNoTracking()
            .FirstOrDefaultAsync(c => c.OrgId == operatorOrgId && c.Vendor == vendor, ct);
        if (row is null)
            throw new BusinessException($"{systemName}接口密钥未配置,请联系运营方配置", ErrorCodes.NotConfigured);
        return new VendorKey(row.OrgId, row.AccessKeyId, secrets.Unprotect(row.SecretProtected), row.Endpoint);
    }
}
