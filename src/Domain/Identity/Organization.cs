using Kboss.Domain.Common;

namespace Kboss.Domain.Identity;

/// <summary>Kind of an organisation (analysis/platform.md §6.3).</summary>
public enum OrgKind
{
    /// <summary>运营机构: runs compute-power centres and sells.</summary>
    Operator = 0,
    /// <summary>客户: buys resources.</summary>
    Customer = 1,
    /// <summary>供应商: supplies products.</summary>
    Provider = 2,
    /// <summary>分销商: resells under its own domain.</summary>
    Reseller = 3,
}

/// <summary>
/// An organisation (机构). Every user belongs to one; <see cref="OwnerOrgId"/> names the operator or reseller org
/// that owns it (null for the platform owner org).
/// </summary>
public sealed class Organization : Entity, ISoftDeletable
{
    /// <summary>Display name (<c>orgid_text</c> on the wire).</summary>
    public string Name { get; set; } = "";

    /// <summary>Kind of organisation.</summary>
    public OrgKind Kind { get; set; }

    /// <summary>Owning operator/reseller org, or null for the platform owner org.</summary>
    public string? OwnerOrgId { get; set; }

    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    // KPI (issue 11)
    /// <summary>
    /// The customer's salesperson (<c>salemanid</c> of finance.md §3.1 KPI-05/06; a sales user of the owner org), or
    /// null; set by <see cref="AssignSalesman"/>.
    /// </summary>
    public string? SalemanId { get; private set; }

    /// <summary>Refusal of a salesperson for an org that is not a customer.</summary>
    public const string NotCustomerMessage = "只有客户机构可以指定销售人员";

    /// <summary>Assigns (or with null clears) the salesperson of this customer org.</summary>
    public Result AssignSalesman(string? salesUserId)
    {
        if (Kind != OrgKind.Customer) return new Failure(FailureKind.Conflict, NotCustomerMessage);
        SalemanId = salesUserId;
        return Result.Done;
    }
}
