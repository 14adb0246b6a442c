using System.Globalization;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Settlement;

/// <summary>
/// STL-06 <c>POST /provider_settle/get_settle_bill_list_to_excel.dspy</c> 导出-获取指定供应商的账单list (spec 17;
/// finance.md §3.5): STL-02's bills as an xlsx file <c>供应商结算_{provider}_{start}_{end}.xlsx</c>, sheet 「账单明细」
/// with the twelve columns of the analysis and a final 「合计」 row of the signed totals. Errors (bad input, no
/// bills) are the JSON envelope. Operators, own org.
/// </summary>
public sealed record ExportSettlementBills : SettlementBillsRequest, IQuery<Reply<SettlementBillList>>;

public sealed class ExportSettlementBillsValidator : SettlementBillsRequestValidator<ExportSettlementBills>;

public sealed class ExportSettlementBillsHandler(IKbossDbContext db, SettlementBills bills, ISpreadsheetWriter writer)
    : IQueryHandler<ExportSettlementBills, Reply<SettlementBillList>>
{
    /// <summary>Sheet name.</summary>
    public const string Sheet = "账单明细";
    /// <summary>Label of the totals row.</summary>
    public const string TotalLabel = "合计";
    /// <summary>Nothing to export.</summary>
    public const string EmptyMessage = "无可导出数据";

    /// <summary>Columns of the export, in order (finance.md §3.5 STL-06).</summary>
    public static readonly IReadOnlyList<SpreadsheetColumn> Columns =
    [
        new("账单号", 24), new("客户", 24), new("销售", 12), new("产品", 28), new("类型", 10), new("数量", 8),
        new("原价", 14), new("折后价格", 14), new("结算金额", 14), new("账单日期", 12), new("账单状态", 10),
        new("结算状态", 10),
    ];

    public async ValueTask<Reply<SettlementBillList>> Handle(ExportSettlementBills q, CancellationToken ct)
    {
        var (start, end) = (RuleExtensions.ToDate(q.StartDate)!.Value, RuleExtensions.ToDate(q.EndDate)!.Value);
        var list = await bills.ListAsync(q.Orgid!, q.Provider, start, end, ct);
        if (list.BillCount == 0) throw BusinessException.NotFound(EmptyMessage);
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == q.Provider).Select(p => p.Name)
            .FirstOrDefaultAsync(ct) ?? q.Provider;
        IEnumerable<IReadOnlyList<object?>> rows = list.BillList.Select(r => (IReadOnlyList<object?>)
        [
            r.Id, r.Orgname, null, r.Productname, r.BusinessOp, r.Quantity, r.ProviderAmt, r.Amount, r.SettleAmount,
            r.BillDate, BillStateText(r.BillState), SettleStateText(r.SettleState),
        ]);
        IReadOnlyList<object?> total =
        [
            TotalLabel, null, null, null, null, list.BillCount, list.TotalProviderAmt, list.TotalAmount,
            list.TotalSettleAmount, null, null, null,
        ];
        var bytes = writer.Write(Sheet, Columns, rows.Append(total));
        var name = string.Create(CultureInfo.InvariantCulture, $"供应商结算_{provider}_{start:yyyy-MM-dd}_{end:yyyy-MM-dd}.xlsx");
        return Reply.WithFile<SettlementBillList>(new FileDownload(name, FileDownload.Xlsx, bytes));
    }

    private static string BillStateText(string state) => state switch
    {
        BillStates.Paid => "已支付", BillStates.Unpaid => "未支付", BillStates.Cancelled => "已经取消", _ => state,
    };

    private static string SettleStateText(string state) => state switch
    {
        SettleStates.Unsettled => "未结算", SettleStates.InApproval => "审批中", SettleStates.Settled => "已结算",
        _ => state,
    };
}
