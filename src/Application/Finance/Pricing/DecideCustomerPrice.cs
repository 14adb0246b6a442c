using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// <c>POST /product/customer_product_config_approve.dspy</c> (kboss addition; finance.md §3.2 PRV-01 names the missing
/// callback): an operator of the customer's owner org (or an admin) approves (<c>status=agree</c>) or rejects
/// (<c>refuse</c>) pending customer configurations <c>id</c> (comma-separated). Approved ones are in force at once;
/// deciding one that is no longer pending → conflict (<c>该配置不在审批中</c>). The manual path beside the DingTalk one:
/// <see cref="CustomerPriceApprovalHandler"/> makes the same transition from the approval hub (ADR 0033).
/// </summary>
public sealed record DecideCustomerPrice : ICommand<Reply<CountData>>
{
    /// <summary>Configuration ids.</summary>
    public string? Id { get; init; }
    /// <summary><c>agree</c> or <c>refuse</c>.</summary>
    public string? Status { get; init; }
}

public sealed class DecideCustomerPriceValidator : AbstractValidator<DecideCustomerPrice>
{
    public DecideCustomerPriceValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(32 * 200)
            .Must(v => PricingParams.Ids(v).Count is > 0 and <= 200).WithMessage("id 格式错误");
        RuleFor(x => x.Status).Required().OneOf(["agree", "refuse"]);
    }
}

public sealed class DecideCustomerPriceHandler(IKbossDbContext db, ICurrentUser user, PriceResolver prices)
    : ICommandHandler<DecideCustomerPrice, Reply<CountData>>
{
    public async ValueTask<Reply<CountData>> Handle(DecideCustomerPrice c, CancellationToken ct)
    {
        var ids = PricingParams.Ids(c.Id);
        var rows = await db.CustomerProductConfigs.Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (rows.Count != ids.Count) throw BusinessException.NotFound("配置不存在");
        foreach (var customer in rows.Select(r => r.CustomerId).Distinct())
            await prices.EnsureCanPriceForAsync(customer, ct);
        var agree = c.Status.Trimmed() == "agree";
        foreach (var row in rows) (agree ? row.Approve() : row.Reject()).OrThrow();
        db.AuditEntries.Add(Audit.Entry(user, agree ? "finance.customer_price.approved" : "finance.customer_price.rejected",
            "customer_product_config", string.Join(',', ids), new { ids }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw BusinessException.Conflict(CustomerProductConfig.NotPendingMessage);
        }
        return Reply.Ok("操作成功", new CountData(rows.Count));
    }
}
