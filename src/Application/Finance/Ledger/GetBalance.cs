using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Ledger;

/// <summary>
/// <c>GET /finance/balance_get.dspy</c> (kboss addition, ADR 0029): the prepaid balance of a customer org in 元
/// (<c>orgid</c> default the caller's; operators: the orgs they own; admin: any; others → 403). An org that never
/// had a movement has balance 0.
/// </summary>
public sealed record GetBalance : IQuery<Reply<BalanceView>>, IOrgScoped
{
    /// <summary>Customer org (default: the caller's).</summary>
    public string? Orgid { get; set; }
}

/// <summary>A balance on the wire.</summary>
/// <param name="Orgid">Customer org.</param>
/// <param name="Balance">元.</param>
/// <param name="Currency">Always 元.</param>
/// <param name="Movements">Number of ledger entries.</param>
public sealed record BalanceView(string Orgid, decimal Balance, string Currency, long Movements);

public sealed class GetBalanceHandler(IKbossDbContext db) : IQueryHandler<GetBalance, Reply<BalanceView>>
{
    public async ValueTask<Reply<BalanceView>> Handle(GetBalance q, CancellationToken ct)
    {
        var org = q.Orgid!;
        var row = await db.CustomerBalances.AsNoTracking().Where(b => b.CustomerOrgId == org)
            .Select(b => new { b.Balance, b.Version }).FirstOrDefaultAsync(ct);
        return Reply.Ok("查询成功", new BalanceView(org, row?.Balance ?? 0m, "元", row?.Version ?? 0));
    }
}
