using Kboss.Application.Common.Models;
using Kboss.Application.Finance.Ledger;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// Customer balances and their ledger (kboss additions, ADR 0029; the spec documents no balance endpoint). Reads:
/// the caller's org, or an org it may act on (operator: the orgs it owns; admin: any). Adjustments and the
/// consistency check: admin.
/// </summary>
[Tags("余额与流水")]
public sealed class FinanceController(IMediator mediator) : ControllerBase
{
    /// <summary>客户余额</summary>
    [LegacyGet("/finance/balance_get.dspy")]
    public ValueTask<Reply<BalanceView>> Balance([FromLegacyParams] GetBalance q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>余额流水</summary>
    [LegacyGet("/finance/ledger_list.dspy")]
    public ValueTask<Reply<PageResult<LedgerEntryView>>> Ledger([FromLegacyParams] ListLedgerEntries q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>余额调整 (admin)</summary>
    [LegacyPost("/finance/balance_adjust.dspy")]
    [Authorize(Policy = Policies.Admin)]
    public ValueTask<Reply<LedgerEntryView>> Adjust([FromLegacyParams] AdjustBalance c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>余额与流水核对 (admin)</summary>
    [LegacyGet("/finance/balance_check.dspy")]
    [Authorize(Policy = Policies.Admin)]
    public ValueTask<Reply<BalanceCheckReport>> Check([FromLegacyParams] CheckBalances c, CancellationToken ct) =>
        mediator.Send(c, ct);
}
