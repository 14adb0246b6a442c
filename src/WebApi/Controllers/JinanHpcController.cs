using Kboss.Application.Common.Models;
using Kboss.Application.Vendors.JinanHpc;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 济南超算 Jinan HPC (spec: 09-jinan-hpc.md; analysis/vendors.md §3.1; ADR 0046): customers get their portal sign,
/// record access, see products, buy and see their own purchases' sync status; operators (after-sales) keep their
/// account pool, bind accounts and sync purchases; salespeople see their customers' sync status.
/// </summary>
[Tags("济南超算")]
[Authorize]
public sealed class JinanHpcController(IMediator mediator) : ControllerBase
{
    /// <summary>用户同步状态查询</summary>
    [LegacyGet("/hpc/sync_status_search.dspy")]
    public ValueTask<Reply<IReadOnlyList<HpcSyncView>>> SyncStatusSearch([FromLegacyParams] SearchSyncStatus q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>同步用户购买产品</summary>
    [LegacyGet("/hpc/hpc_sync_user.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<HpcSyncResult>> SyncUser([FromLegacyParams] SyncHpcUser c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>账号查询</summary>
    [LegacyGet("/hpc/HpcLdapSearch.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<HpcAccountView>>> LdapSearch(CancellationToken ct) =>
        mediator.Send(new SearchHpcAccounts(), ct);

    /// <summary>未绑定用户查询</summary>
    [LegacyGet("/hpc/HpcUserSearch.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<IReadOnlyList<HpcUnboundUser>>> UserSearch(CancellationToken ct) =>
        mediator.Send(new SearchUnboundUsers(), ct);

    /// <summary>绑定用户</summary>
    [LegacyGet("/hpc/bind_ldap.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<HpcAccountView>> BindLdap([FromLegacyParams] BindLdap c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>记录用户登录时间</summary>
    [LegacyGet("/hpc/HpcAccessTime.dspy")]
    public ValueTask<Reply<HpcAccessView>> AccessTime([FromLegacyParams] RecordHpcAccess c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>新增账号</summary>
    [LegacyGet("/hpc/HpcLdapAdd.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<HpcAccountView>> LdapAdd([FromLegacyParams] AddHpcAccount c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>删除账号</summary>
    [LegacyGet("/hpc/HpcLdapDelete.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<object?>> LdapDelete([FromLegacyParams] DeleteHpcAccount c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>更新账号</summary>
    [LegacyGet("/hpc/HpcLdapUpdate.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<HpcAccountView>> LdapUpdate([FromLegacyParams] UpdateHpcAccount c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取sign</summary>
    [LegacyPost("/hpc/jnan_get_sign.dspy")]
    public ValueTask<HpcSignReply> GetSign([FromLegacyParams] GetJinanSign c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取所有产品</summary>
    [LegacyGet("/hpc/jncs_get_product.dspy")]
    public ValueTask<Reply<IReadOnlyList<HpcProductView>>> GetProducts(CancellationToken ct) =>
        mediator.Send(new GetJinanProducts(), ct);

    /// <summary>购买济南超算产品 (not in the spec: the purchase the module presupposes)</summary>
    [LegacyPost("/hpc/jncs_buy_product.dspy")]
    public ValueTask<Reply<HpcSyncResult>> Buy([FromLegacyParams] BuyJinanProduct c, CancellationToken ct) =>
        mediator.Send(c, ct);
}
