namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>A product of the centre (HPC-11).</summary>
/// <param name="ProductId">The centre's product id (HPC-02 <c>productid</c>).</param>
/// <param name="ProductName">Name.</param>
/// <param name="Spec">Specification text, or null.</param>
/// <param name="Price">The centre's price to kboss per unit, 元 (kboss's cost; sale prices come from it).</param>
/// <param name="Unit">Unit text (核时, 月, …), or null.</param>
public sealed record HpcProduct(string ProductId, string ProductName, string? Spec, decimal Price, string? Unit);

/// <summary>An SSO sign for the centre's portal (HPC-10); a secret: never logged, stored or audited.</summary>
/// <param name="Sign">The sign.</param>
/// <param name="Url">The portal address that takes it, or null.</param>
public sealed record HpcSign(string Sign, string? Url)
{
    /// <summary>Never prints the sign.</summary>
    public override string ToString() => "HpcSign(******, ******)"; // the URL may carry the sign
}

/// <summary>One purchase pushed to the centre (HPC-02, analysis/vendors.md §4.2 SyncPurchaseAsync).</summary>
public sealed record HpcPurchase(string SyncInfoId, string CustomerId, string ProductId, int Quantity, string LdapUid,
    string ClusterCode, string QueueCode);

/// <summary>The centre's acknowledgement of a purchase.</summary>
/// <param name="VendorRef">The centre's reference.</param>
public sealed record HpcPurchaseAck(string? VendorRef);

/// <summary>
/// Port of the Jinan HPC centre's API (analysis/vendors.md §4.2 <c>IJinanHpcGateway</c>): every call signed with
/// the operator's key, never throws for a vendor error or a transport failure (<see cref="VendorResult{T}"/>);
/// only reads are retried. The centre's API is not public: the protocol is ADR 0046's.
/// </summary>
public interface IJinanHpcClient
{
    /// <summary>A portal SSO sign for the user on <paramref name="ldapUid"/>.</summary>
    Task<VendorResult<HpcSign>> GetSignAsync(VendorKey key, string userId, string userName, string ldapUid,
        CancellationToken ct);

    /// <summary>The centre's products.</summary>
    Task<VendorResult<IReadOnlyList<HpcProduct>>> ListProductsAsync(VendorKey key, CancellationToken ct);

    /// <summary>Pushes one purchase; <see cref="HpcPurchase.SyncInfoId"/> is the centre's order number.</summary>
    Task<VendorResult<HpcPurchaseAck>> SyncPurchaseAsync(VendorKey key, HpcPurchase purchase, CancellationToken ct);

    /// <summary>The centre's record of the purchase <paramref name="syncInfoId"/>; a
    /// <see cref="VendorErrorKind.NotFound"/> failure when it has none.</summary>
    Task<VendorResult<HpcPurchaseAck>> FindPurchaseAsync(VendorKey key, string syncInfoId, CancellationToken ct);
}
