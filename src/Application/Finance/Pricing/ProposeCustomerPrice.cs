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
/// PRV-01 <c>GET /product/customer_product_config_approve_send.dspy</c> 销售配置折扣底价审批接口 (spec 10-provider.md
/// documents no parameters; finance.md §3.2 PRV-01, §6 #14): a salesperson or operator of the customer's owner org
/// proposes a customer discount (<c>discount</c>, discount/rebate products) or unit price (<c>price</c>, floor-price
/// products) for one or more products of <c>providerid</c>. Each is checked against the owner org's cost
/// (<c>售价不能低于底价</c>) and stored <b>pending</b> (<c>apv_state</c> "0"): prices keep using the previous approved value
/// until it is approved. The proposal is then sent, outside any transaction, to the approval hub as business
/// <see cref="CustomerPriceApproval.BusinessCode"/> of the owner org (ADR 0033): its DingTalk result reaches
/// <see cref="CustomerPriceApprovalHandler"/>. When the hub refuses (business not registered, keys or template not
/// configured, DingTalk down) the rows stay pending for the manual path (<c>customer_product_config_approve.dspy</c>)
/// and the reply says why in <c>apv_msg</c>.
/// </summary>
public sealed record ProposeCustomerPrice : ICommand<Reply<ProposalData>>
{
    /// <summary>客户orgid.</summary>
    public string? Customerid { get; init; }
    /// <summary>供应商id.</summary>
    public string? Providerid { get; init; }
    /// <summary>产品id (comma-separated or a JSON array).</summary>
    public string? Productid { get; init; }
    /// <summary>客户折扣 (0, 1].</summary>
    public string? Discount { get; init; }
    /// <summary>客户售价 per unit, 元.</summary>
    public string? Price { get; init; }
    /// <summary>Initiator's phone (kept for the approval).</summary>
    public string? Phone { get; init; }
}

/// <summary>The pending configurations created.</summary>
/// <param name="Ids">Configuration ids, in product order.</param>
/// <param name="ApvState">"0" (pending).</param>
/// <param name="ApvId">The DingTalk approval started, or null when the hub refused (manual approval then).</param>
/// <param name="ApvMsg">Why no approval was started; null when one was.</param>
public sealed record ProposalData(IReadOnlyList<string> Ids, string ApvState, string? ApvId = null,
    string? ApvMsg = null);

public sealed class ProposeCustomerPriceValidator : AbstractValidator<ProposeCustomerPrice>
{
    public ProposeCustomerPriceValidator()
    {
        RuleFor(x => x.Customerid).Required().MaxChars(32);
        RuleFor(x => x.Providerid).Required().MaxChars(32);
        RuleFor(x => x.Productid).Required().MaxChars(32 * 200)
            .Must(v => PricingParams.Ids(v).Count is > 0 and <= 200).WithMessage("productid 格式错误");
        RuleFor(x => x.Discount).OptionalDecimal(0m, 4);
        RuleFor(x => x.Price).OptionalDecimal(0m, 2);
        RuleFor(x => x.Phone).MaxChars(20);
        RuleFor(x => x).Must(x => string.IsNullOrWhiteSpace(x.Discount) != string.IsNullOrWhiteSpace(x.Price))
            .WithName("discount").WithMessage("discount 与 price 必须且只能填写一个");
    }
}

public sealed class ProposeCustomerPriceHandler(IKbossDbContext db, ICurrentUser user, PriceResolver prices,
    Approval.IApprovalHub hub) : ICommandHandler<ProposeCustomerPrice, Reply<ProposalData>>
{
    public async ValueTask<Reply<ProposalData>> Handle(ProposeCustomerPrice c, CancellationToken ct)
    {
        var customer = c.Customerid.Trimmed();
        await prices.EnsureCanPriceForAsync(customer, ct);
        var kv = string.IsNullOrWhiteSpace(c.Price) ? PriceKinds.Discount : PriceKinds.Price;
        var value = PricingParams.Decimal(kv == PriceKinds.Price ? c.Price : c.Discount)!.Value;
        var providerId = c.Providerid.Trimmed();
        var ids = PricingParams.Ids(c.Productid);
        var products = await db.Products.AsNoTracking().Where(p => p.ProviderId == providerId && ids.Contains(p.Id))
            .ToListAsync(ct);
        if (products.Count != ids.Count) throw BusinessException.NotFound(PriceResolver.ProductNotFoundMessage);
        if (products.Any(p => PricingParams.KvOf(p.SaleMode) != kv))
            throw RequestValidationException.For(kv, kv == PriceKinds.Price ? "只有底价产品可以配置客户售价" : "底价产品请配置客户售价");
        var owner = await prices.PricingOrgAsync(customer, ct);
        var created = new List<CustomerProductConfig>();
        foreach (var id in ids)
        {
            var product = products.Single(p => p.Id == id);
            var floor = await prices.FloorAsync(owner, product, ct);
            var row = CustomerProductConfig.Propose(customer, providerId, id, kv, value, floor, user.UserId ?? "").OrThrow();
            db.CustomerProductConfigs.Add(row);
            created.Add(row);
        }
        db.AuditEntries.Add(Audit.Entry(user, "finance.customer_price.proposed", "customer_product_config", customer,
            new { providerid = providerId, productids = ids, kv, value, phone = c.Phone.TrimmedOrNull() }));
        await db.SaveChangesAsync(ct);
        var createdIds = created.Select(r => r.Id).ToList();
        Approval.ApprovalStarted started;
        try
        {
            started = await hub.SendAsync(CustomerPriceApproval.Request(owner, customer, providerId, products, kv,
                value, created[0].Id, user.UserId, c.Phone.TrimmedOrNull()), ct);
        }
        catch (BusinessException e)
        {
            return Reply.Ok("操作成功", new ProposalData(createdIds, ApprovalStates.Pending, null, e.Message));
        }
        foreach (var row in created) row.AwaitApproval(started.ApvId);
        await db.SaveChangesAsync(ct);
        return Reply.Ok("操作成功", new ProposalData(createdIds, ApprovalStates.Pending, started.ApvId));
    }
}
