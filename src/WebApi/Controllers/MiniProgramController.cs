using Kboss.Application.Common.Models;
using Kboss.Application.MiniProgram;
using Kboss.Application.Products.Marketplace;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 小程序 (spec: 34-mini-program.md; analysis/platform.md §3.6, §4.10): supply/demand listings for logged-in users
/// and the ops supply products (ops, operators, admins of the product's org) with Excel → HTML conversion.
/// </summary>
[Tags("小程序")]
public sealed class MiniProgramController(IMediator mediator) : ControllerBase
{
    /// <summary>查询用户供给</summary>
    [LegacyGet("/kpi/user_supply.dspy")]
    public ValueTask<Reply<IReadOnlyList<UserSupplyRow>>> UserSupply(CancellationToken ct)
        => mediator.Send(new ListUserSupply(), ct);

    /// <summary>查询用户需求</summary>
    [LegacyGet("/kpi/user_demand.dspy")]
    public ValueTask<Reply<IReadOnlyList<UserDemandRow>>> UserDemand(CancellationToken ct)
        => mediator.Send(new ListUserDemand(), ct);

    /// <summary>运维获取供应key</summary>
    [LegacyGet("/operation/get_kyy_supply_key.dspy")]
    [Authorize(Policy = Policies.Ops)]
    public ValueTask<Reply<IReadOnlyList<string>>> SupplyKeys([FromLegacyParams] GetKyySupplyKeys q,
        CancellationToken ct)
        => mediator.Send(q, ct);

    /// <summary>运维添加供应产品</summary>
    [LegacyGet("/operation/kyy_add_supply.dspy")]
    [Authorize(Policy = Policies.Ops)]
    public ValueTask<Reply<IdData>> AddSupply([FromLegacyParams] AddKyySupply c, CancellationToken ct)
        => mediator.Send(c, ct);

    /// <summary>运维查找(id查找/条件查找)供应产品</summary>
    [LegacyGet("/operation/get_kyy_supply.dspy")]
    [Authorize(Policy = Policies.Ops)]
    public ValueTask<Reply<IReadOnlyList<KyySupplyRow>>> FindSupply([FromLegacyParams] FindKyySupply q,
        CancellationToken ct)
        => mediator.Send(q, ct);

    /// <summary>运维删除供应产品</summary>
    [LegacyGet("/operation/delete_kyy_supply.dspy")]
    [Authorize(Policy = Policies.Ops)]
    public ValueTask<Reply<IdData>> DeleteSupply([FromLegacyParams] DeleteKyySupply c, CancellationToken ct)
        => mediator.Send(c, ct);

    /// <summary>运维更新供应产品</summary>
    [LegacyGet("/operation/update_kyy_supply.dspy")]
    [Authorize(Policy = Policies.Ops)]
    public ValueTask<Reply<IdData>> UpdateSupply([FromLegacyParams] UpdateKyySupply c, CancellationToken ct)
        => mediator.Send(c, ct);

    /// <summary>运维单独上传excel</summary>
    /// <remarks>The workbook by <c>filepath</c>, or as a multipart part <c>file</c> (POST).</remarks>
    [LegacyGet("/operation/excel_to_html_with_merges.dspy")]
    [Authorize(Policy = Policies.Ops)]
    [DocumentUploadLimit]
    public ValueTask<Reply<KyyExcelData>> ExcelToHtml([FromLegacyParams] ConvertKyyExcel c, CancellationToken ct)
        => mediator.Send(c, ct);
}
