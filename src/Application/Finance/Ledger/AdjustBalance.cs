using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;

namespace Kboss.Application.Finance.Ledger;

/// <summary>
/// <c>POST /finance/balance_adjust.dspy</c> (kboss addition, admin only, ADR 0029): a manual correction of a customer's
/// balance. <c>amount</c> in 元, signed (≠ 0, 2 decimals: &gt; 0 credits, &lt; 0 debits, refused with <c>余额不足</c>
/// below 0), <c>reason</c> required and kept as the entry's note and in the audit trail; <c>idempotency_key</c>
/// makes a repeated submit apply once.
/// </summary>
public sealed record AdjustBalance : ICommand<Reply<LedgerEntryView>>
{
    /// <summary>Customer org.</summary>
    public string? CustomerOrgid { get; init; }
    /// <summary>Signed amount in 元.</summary>
    public string? Amount { get; init; }
    /// <summary>Why.</summary>
    public string? Reason { get; init; }
    /// <summary>Caller's unique key of this correction.</summary>
    public string? IdempotencyKey { get; init; }
}

public sealed class AdjustBalanceValidator : AbstractValidator<AdjustBalance>
{
    public AdjustBalanceValidator()
    {
        RuleFor(x => x.CustomerOrgid).Required().MaxChars(32);
        RuleFor(x => x.Amount).Required()
            .Must(v => RuleExtensions.TryDecimal(v, out var d) && d != 0 && Money.IsValidAmount(Math.Abs(d)))
            .WithMessage("amount 必须是非零金额,最多两位小数");
        RuleFor(x => x.Reason).Required().MaxChars(200);
        RuleFor(x => x.IdempotencyKey).Required().MaxChars(64);
    }
}

public sealed class AdjustBalanceHandler(IKbossDbContext db, BalanceLedger ledger, ICurrentUser user)
    : ICommandHandler<AdjustBalance, Reply<LedgerEntryView>>
{
    public async ValueTask<Reply<LedgerEntryView>> Handle(AdjustBalance c, CancellationToken ct)
    {
        RuleExtensions.TryDecimal(c.Amount, out var amount);
        var customer = c.CustomerOrgid.Trimmed();
        var reason = c.Reason.Trimmed();
        var movement = new LedgerMovement(customer, Math.Abs(amount), LedgerEntryKind.Adjustment, "adjustment:" + user.UserId,
            "adjust:" + c.IdempotencyKey.Trimmed(), reason);
        await using var tx = await db.BeginTransactionAsync(ct);
        var entry = amount > 0 ? await ledger.CreditAsync(movement, ct) : await ledger.DebitAsync(movement, ct);
        db.AuditEntries.Add(Audit.Entry(user, "finance.balance.adjusted", "customer_balance", customer,
            new { entry_id = entry.Id, amount, reason, balance_after = entry.BalanceAfter }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Reply.Ok("调整成功", LedgerEntryView.From(entry));
    }
}
