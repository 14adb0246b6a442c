using Kboss.Application.Approval;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Approval;
using Kboss.Domain.Catalog;
using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// The approval of customer discounts and prices (PRV-01, finance.md §3.2; ADR 0033): business 「销售配置折扣底价」 of the
/// customer's owner org; detail placeholders <c>customer</c>, <c>provider</c>, <c>products</c>, <c>kind</c>
/// (折扣/售价) and <c>value</c> for the org's template.
/// </summary>
public static class CustomerPriceApproval
{
    /// <summary>The registered business (<c>business_name</c>).</summary>
    public const string BusinessCode = "销售配置折扣底价";

    /// <summary>The hub request of one proposal (all its rows share the approval).</summary>
    public static ApprovalRequest Request(string ownerOrg, string customer, string providerId,
        IReadOnlyList<Product> products, string kv, decimal value, string referenceId, string? userId,
        string? phone) =>
        new(ownerOrg, BusinessCode, referenceId,
            TitleValues: new Dictionary<string, string> { ["customer"] = customer },
            DetailValues: new Dictionary<string, string>
            {
                ["customer"] = customer, ["provider"] = providerId,
                ["products"] = string.Join("、", products.Select(p => p.Name)),
                ["kind"] = kv == PriceKinds.Price ? "售价" : "折扣",
                ["value"] = ApprovalTemplateText.Text(value),
            },
            UserId: userId, ResultOrg: customer, Phone: phone);
}

/// <summary>
/// Applies the DingTalk result of a customer price proposal: <c>agree</c> approves every pending row of the approval
/// (<c>apv_id</c>), <c>refuse</c> and <c>terminate</c> reject them. Rows decided meanwhile by the manual path are left
/// as they are, so the same result delivered many times changes them once.
/// </summary>
public sealed class CustomerPriceApprovalHandler(IKbossDbContext db) : IApprovalResultHandler
{
    public string BusinessCode => CustomerPriceApproval.BusinessCode;

    public async Task HandleAsync(ApprovalResult result, CancellationToken ct)
    {
        var rows = await db.CustomerProductConfigs
            .Where(c => c.ApvId == result.ApvId && c.ApvState == ApprovalStates.Pending).ToListAsync(ct);
        foreach (var row in rows)
        {
            if (result.Approved) row.Approve();
            else if (result.Status is ApprovalStatus.Refuse or ApprovalStatus.Terminate) row.Reject();
        }
    }
}
