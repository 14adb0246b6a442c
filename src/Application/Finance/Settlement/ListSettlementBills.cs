using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Finance.Settlement;

/// <summary>
/// STL-02 <c>POST /provider_settle/get_settle_bill_list.dspy</c> 获取指定供应商的账单list (spec 17; finance.md §3.5,
/// §4.6): the settleable bills of the provider in the inclusive period — settled and unsettled, each with its signed
/// <c>settle_amount</c> and <c>settle_state</c> — and the signed totals (REFUND negative). Operators, own org.
/// </summary>
public sealed record ListSettlementBills : SettlementBillsRequest, IQuery<Reply<SettlementBillList>>;

public sealed class ListSettlementBillsValidator : SettlementBillsRequestValidator<ListSettlementBills>;

public sealed class ListSettlementBillsHandler(SettlementBills bills)
    : IQueryHandler<ListSettlementBills, Reply<SettlementBillList>>
{
    public async ValueTask<Reply<SettlementBillList>> Handle(ListSettlementBills q, CancellationToken ct) =>
        Reply.Ok(SettlementMessages.Queried, await bills.ListAsync(q.Orgid!, q.Provider,
            RuleExtensions.ToDate(q.StartDate)!.Value, RuleExtensions.ToDate(q.EndDate)!.Value, ct));
}
