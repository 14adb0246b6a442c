using Kboss.Domain.Common;

namespace Kboss.Domain.Vendors;

/// <summary>
/// Values of <c>sync_status</c> of HPC accounts and purchases (analysis/vendors.md §6 #5): null never synced,
/// <c>"0"</c> not synced, <c>"1"</c> synced, <c>"2"</c> failed; <c>"3"</c> (kboss) the centre's answer was lost,
/// the sync-status job asks the centre.
/// </summary>
public static class HpcSyncStates
{
    public const string NotSynced = "0";
    public const string Synced = "1";
    public const string Failed = "2";
    public const string Unknown = "3";
}

/// <summary>
/// One account of an operator's Jinan HPC account pool (analysis/vendors.md §2.1 E-HPC-1): pre-provisioned by the
/// centre and entered by the operator (HPC-07), bound to at most one customer org (HPC-05; one live account per org
/// and per <c>ldapuid</c>, §6 #11), soft-deleted (HPC-08). None of its fields is a secret: the centre's key is the
/// operator's <see cref="VendorCredential"/>, the SSO sign is never stored.
/// </summary>
public sealed class HpcAccount : Entity, ISoftDeletable
{
    /// <summary>Longest ldapuid / clustercode / queuecode.</summary>
    public const int CodeLength = 64;
    /// <summary>HPC-08 rule 2 (spec text).</summary>
    public const string OrgRequiredMessage = "账号已经绑定过 参数orgid必填";
    /// <summary>HPC-08 rule 3 (spec text).</summary>
    public const string SyncedUndeletableMessage = "已经同步成功的用户账号无法删除";

    /// <summary>Operator org whose pool it is.</summary>
    public string OperatorOrgId { get; init; } = "";
    /// <summary>ldap账号.</summary>
    public string LdapUid { get; private set; } = "";
    /// <summary>集群账号.</summary>
    public string ClusterCode { get; private set; } = "";
    /// <summary>队列账号.</summary>
    public string QueueCode { get; private set; } = "";
    /// <summary>The bound customer org, or null.</summary>
    public string? OrgId { get; private set; }
    /// <summary><see cref="HpcSyncStates"/>; null until a purchase of the bound org was synced or tried.</summary>
    public string? SyncStatus { get; private set; }
    /// <summary>The customer's last entry into the centre (HPC-06), UTC.</summary>
    public DateTime? LastAccess { get; private set; }
    /// <summary>When it was bound, UTC.</summary>
    public DateTime? BoundAt { get; private set; }
    /// <summary>When a purchase was last synced, UTC.</summary>
    public DateTime? SyncedAt { get; private set; }
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>A new unbound account.</summary>
    public static Result<HpcAccount> New(string operatorOrgId, string ldapUid, string clusterCode, string queueCode)
    {
        var row = new HpcAccount { OperatorOrgId = operatorOrgId };
        var set = row.Set(ldapUid, clusterCode, queueCode);
        return set.Ok ? row : set.Failure!;
    }

    /// <summary>HPC-09: new identifiers; refused once synced (the centre knows them, §6 #7).</summary>
    public Result Update(string ldapUid, string clusterCode, string queueCode)
    {
        var same = ldapUid == LdapUid && clusterCode == ClusterCode && queueCode == QueueCode;
        if (!same && SyncStatus == HpcSyncStates.Synced)
            return new Failure(FailureKind.Conflict, "账号已同步,不能修改账号信息");
        return Set(ldapUid, clusterCode, queueCode);
    }

    /// <summary>HPC-05: binds an unbound account to <paramref name="orgId"/>.</summary>
    public Result Bind(string orgId, DateTime now)
    {
        if (OrgId is not null) return new Failure(FailureKind.Conflict, "该账号已绑定用户");
        OrgId = orgId;
        BoundAt = now;
        return Result.Done;
    }

    /// <summary>HPC-08 with its three documented rules; deleting clears the binding.</summary>
    public Result Delete(string? orgId)
    {
        if (OrgId is not null && string.IsNullOrEmpty(orgId))
            return new Failure(FailureKind.InvalidArgument, OrgRequiredMessage);
        if (OrgId is not null && orgId != OrgId)
            return new Failure(FailureKind.InvalidArgument, "orgid与账号绑定的用户不一致");
        if (OrgId is null && !string.IsNullOrEmpty(orgId))
            return new Failure(FailureKind.InvalidArgument, "账号没有绑定过 参数orgid不填 或者 orgid为空");
        if (SyncStatus == HpcSyncStates.Synced) return new Failure(FailureKind.Conflict, SyncedUndeletableMessage);
        OrgId = null;
        this.MarkDeleted();
        return Result.Done;
    }

    /// <summary>HPC-06.</summary>
    public void Accessed(DateTime now) => LastAccess = now;

    /// <summary>Follows the outcome of a purchase sync of the bound org.</summary>
    public void SyncOutcome(string state, DateTime now)
    {
        if (SyncStatus == HpcSyncStates.Synced && state != HpcSyncStates.Synced) return; // a synced account stays so
        SyncStatus = state;
        if (state == HpcSyncStates.Synced) SyncedAt = now;
    }

    private Result Set(string ldapUid, string clusterCode, string queueCode)
    {
        foreach (var (name, value) in
                 new[] { ("ldapuid", ldapUid), ("clustercode", clusterCode), ("queuecode", queueCode) })
            if (string.IsNullOrWhiteSpace(value) || value.Length > CodeLength)
                return new Failure(FailureKind.InvalidArgument, $"{name}不能为空且不超过{CodeLength}个字符");
        (LdapUid, ClusterCode, QueueCode) = (ldapUid, clusterCode, queueCode);
        return Result.Done;
    }
}

/// <summary>
/// One purchase of a Jinan HPC product to be pushed to the centre (analysis/vendors.md §2.1 E-HPC-2): created when
/// a customer buys (<c>/hpc/jncs_buy_product.dspy</c>), synced — and charged, once — automatically when the org has
/// a bound account, else later by after-sales (HPC-02). The account identifiers are copied at the sync.
/// </summary>
public sealed class HpcSyncInfo : Entity
{
    /// <summary>Customer org (customerid).</summary>
    public string OrgId { get; init; } = "";
    /// <summary>Operator org whose key and pool serve it.</summary>
    public string OperatorOrgId { get; init; } = "";
    /// <summary>Buying user.</summary>
    public string UserId { get; init; } = "";
    /// <summary>The customer org's salesperson at purchase (HPC-01 filter), or null.</summary>
    public string? SalesUserId { get; init; }
    /// <summary>The centre's product id.</summary>
    public string ProductId { get; init; } = "";
    /// <summary>Product name at purchase.</summary>
    public string ProductName { get; init; } = "";
    /// <summary>购买的产品数量 (≥ 1).</summary>
    public int Quantity { get; init; }
    /// <summary><see cref="HpcSyncStates"/>.</summary>
    public string SyncStatus { get; private set; } = HpcSyncStates.NotSynced;
    /// <summary>The account it was synced to (ldapuid), once tried.</summary>
    public string? LdapUid { get; private set; }
    /// <summary>Cluster account at the sync.</summary>
    public string? ClusterCode { get; private set; }
    /// <summary>Queue account at the sync.</summary>
    public string? QueueCode { get; private set; }
    /// <summary>The centre's reference of the sync.</summary>
    public string? VendorRef { get; private set; }
    /// <summary>Sale amount (元) of the last attempt; charged once synced.</summary>
    public decimal? Amount { get; private set; }
    /// <summary>The last failure's message.</summary>
    public string? LastError { get; private set; }
    /// <summary>When it was synced, UTC.</summary>
    public DateTime? SyncedAt { get; private set; }
    /// <summary>Sync attempts so far (each one a charge of its own, settled before the next may start).</summary>
    public int Attempts { get; private set; }

    /// <summary>A new attempt: the account the sync goes to and its price (recorded before the centre is called).
    /// </summary>
    public void Target(HpcAccount account, decimal amount)
    {
        (LdapUid, ClusterCode, QueueCode) = (account.LdapUid, account.ClusterCode, account.QueueCode);
        (SyncStatus, Amount) = (HpcSyncStates.Unknown, amount);
        Attempts++;
    }

    /// <summary>The centre accepted it.</summary>
    public void Synced(string? vendorRef, DateTime now) =>
        (SyncStatus, VendorRef, SyncedAt, LastError) = (HpcSyncStates.Synced, vendorRef, now, null);

    /// <summary>It was refused or could not be sent (stays for after-sales).</summary>
    public void Failed(string error) =>
        (SyncStatus, LastError) = (HpcSyncStates.Failed, error.Length > 200 ? error[..200] : error);

    /// <summary>The answer was lost: the sync-status job asks the centre.</summary>
    public void Lost(string error) => (SyncStatus, LastError) = (HpcSyncStates.Unknown, error);
}
