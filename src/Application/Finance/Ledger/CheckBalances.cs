using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Finance.Ledger;

/// <summary>
/// <c>GET /finance/balance_check.dspy</c> (kboss addition, admin only) and the recurring job <c>BalanceCheck</c>
/// (ADR 0029): proves balance = Σ ledger entries (and movements = number of entries) for every customer; each
/// mismatch is reported and logged as a warning. Reads only.
/// </summary>
public sealed record CheckBalances : ICommand<Reply<BalanceCheckReport>>;

/// <summary>One customer whose balance row disagrees with its entries.</summary>
/// <param name="Orgid">Customer org.</param>
/// <param name="Balance">Balance row (null: no row although entries exist).</param>
/// <param name="LedgerSum">Σ entries.</param>
/// <param name="Movements">The row's movement count.</param>
/// <param name="Entries">Number of entries.</param>
public sealed record BalanceMismatch(string Orgid, decimal? Balance, decimal LedgerSum, long Movements, long Entries);

/// <summary>Result of a check.</summary>
/// <param name="Customers">Customers checked.</param>
/// <param name="Mismatches">Customers whose balance disagrees with the ledger (empty when consistent).</param>
public sealed record BalanceCheckReport(int Customers, IReadOnlyList<BalanceMismatch> Mismatches);

public sealed class CheckBalancesHandler(IKbossDbContext db, ILogger<CheckBalancesHandler> log)
    : ICommandHandler<CheckBalances, Reply<BalanceCheckReport>>
{
    public async ValueTask<Reply<BalanceCheckReport>> Handle(CheckBalances c, CancellationToken ct)
    {
        var sums = await db.LedgerEntries.AsNoTracking().GroupBy(e => e.CustomerOrgId)
            .Select(g => new { Org = g.Key, Sum = g.Sum(e => e.Amount), Count = g.LongCount() })
            .ToDictionaryAsync(x => x.Org, ct);
        var balances = await db.CustomerBalances.AsNoTracking()
            .Select(b => new { b.CustomerOrgId, b.Balance, b.Version }).ToListAsync(ct);
        var mismatches = new List<BalanceMismatch>();
        foreach (var b in balances)
        {
            var (sum, count) = sums.Remove(b.CustomerOrgId, out var s) ? (s.Sum, s.Count) : (0m, 0L);
            if (sum != b.Balance || count != b.Version || b.Balance < 0)
                mismatches.Add(new BalanceMismatch(b.CustomerOrgId, b.Balance, sum, b.Version, count));
        }
        mismatches.AddRange(sums.Values.Select(s => new BalanceMismatch(s.Org, null, s.Sum, 0, s.Count)));
        foreach (var m in mismatches)
            log.LogWarning("Balance mismatch for customer {Org}: balance {Balance}, ledger {Sum} ({Entries} entries, {Movements} movements)",
                m.Orgid, m.Balance, m.LedgerSum, m.Entries, m.Movements);
        var report = new BalanceCheckReport(balances.Count + mismatches.Count(m => m.Balance is null), mismatches);
        return mismatches.Count == 0
            ? Reply.Ok("余额与流水一致", report)
            : Reply.Fail("余额与流水不一致", ErrorCodes.Conflict, report);
    }
}
