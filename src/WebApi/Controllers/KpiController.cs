using Kboss.Application.Common.Models;
using Kboss.Application.Finance.Kpi;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// KPI management (spec 08-kpi.md, finance.md §3.1; ADR 0032): KPIs, bill lists, customer counts and the four big
/// screens. Every endpoint needs a login; rights per use case (<see cref="KpiAccess"/>).
/// </summary>
[Tags("kpi管理")]
public sealed class KpiController(IMediator mediator) : ControllerBase
{
    /// <summary>运营kpi</summary>
    [LegacyGet("/kpi/operate_kpi.dspy")]
    public ValueTask<Reply<OperateKpiView>> OperateKpi([FromLegacyParams] GetOperateKpi q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>收入分析</summary>
    [LegacyGet("/kpi/revenue_analysis.dspy")]
    public ValueTask<Reply<RevenueAnalysisView>> Revenue([FromLegacyParams] GetRevenueAnalysis q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>利润分析</summary>
    [LegacyGet("/kpi/profit_analysis.dspy")]
    public ValueTask<Reply<ProfitAnalysisView>> Profit([FromLegacyParams] GetProfitAnalysis q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>客户获取账单列表</summary>
    [LegacyGet("/kpi/user_get_bill.dspy")]
    public ValueTask<Reply<BillPageView>> CustomerBills([FromLegacyParams] ListCustomerBills q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>用户获取销售人员id</summary>
    [LegacyGet("/pub/get_salesman.dspy")]
    public ValueTask<Reply<SalesmanView?>> Salesman([FromLegacyParams] GetSalesman q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>运营获取所有账单</summary>
    [LegacyGet("/kpi/operator_get_all_bill.dspy")]
    public ValueTask<Reply<BillPageView>> OperatorBills([FromLegacyParams] ListOperatorBills q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取客户数量</summary>
    [LegacyGet("/kpi/get_cumulative_users.dspy")]
    public ValueTask<Reply<IReadOnlyList<CumulativeUsersView>>> CumulativeUsers(
        [FromLegacyParams] GetCumulativeUsers q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>大屏展示首页</summary>
    [LegacyGet("/kpi/large_screen_first_page.dspy")]
    public ValueTask<Reply<HomeScreenView>> ScreenHome([FromLegacyParams] GetLargeScreenFirstPage q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>大屏展示用户二</summary>
    [LegacyGet("/kpi/large_screen_second_page.dspy")]
    public ValueTask<Reply<UsersScreenView>> ScreenUsers([FromLegacyParams] GetLargeScreenSecondPage q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>大屏展示经营三</summary>
    [LegacyGet("/kpi/large_screen_third_page.dspy")]
    public ValueTask<Reply<BusinessScreenView>> ScreenBusiness([FromLegacyParams] GetLargeScreenThirdPage q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>大屏展示商户四</summary>
    [LegacyGet("/kpi/large_screen_fourth_page.dspy")]
    public ValueTask<Reply<MerchantsScreenView>> ScreenMerchants([FromLegacyParams] GetLargeScreenFourthPage q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>指定客户的销售人员 (kboss addition)</summary>
    [LegacyPost("/kpi/assign_salesman.dspy")]
    public ValueTask<Reply<SalesmanAssignment>> AssignSalesman([FromLegacyParams] AssignSalesman c,
        CancellationToken ct) => mediator.Send(c, ct);
}
