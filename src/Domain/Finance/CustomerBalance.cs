using System.Linq.Expressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.Finance;

/// <summary>
/// The prepaid balance of one customer org (one row per org), in 元, never below 0. It changes only together with a
/// <see cref="LedgerEntry"/> in the same transaction, by a conditional UPDATE that reuses <see cref="CanDebit"/>;
/// <see cref="Version"/> grows by one with every movement (concurrency token), so balance = Σ entries and
/// version = number of entries.
/// </summary>
public sealed class CustomerBalance : Entity
{
    /// <summary>A debit larger than the balance.</summary>
    public const string InsufficientMessage = "余额不足";

    private CustomerBalance()
    {
    }

    /// <summary>Customer org (unique).</summary>
    public string CustomerOrgId { get; private init; } = "";
    /// <summary>Balance in 元 (decimal(18,2)).</summary>
    public decimal Balance { get; private set; }
    /// <summary>Number of movements applied (concurrency token).</summary>
    public long Version { get; private set; }

    /// <summary>The rule of <see cref="Debit"/> as an expression (the conditional UPDATE uses it).</summary>
    public static Expression<Func<CustomerBalance, bool>> CanDebit(decimal amount) => b => b.Balance >= amount;

    /// <summary>The rule of <see cref="Credit"/> as an expression: the result fits the column.</summary>
    public static Expression<Func<CustomerBalance, bool>> CanCredit(decimal amount) =>
        b => b.Balance <= Money.Max - amount;

    /// <summary>Why a debit of an amount the balance does not cover is refused.</summary>
    public static Failure DebitRefusal { get; } = new(FailureKind.Conflict, InsufficientMessage);

    /// <summary>Why a credit past <see cref="Money.Max"/> is refused.</summary>
    public static Failure CreditRefusal { get; } = new(FailureKind.Conflict, "余额超出上限");

    /// <summary>An empty balance of <paramref name="customerOrgId"/>.</summary>
    public static CustomerBalance Open(string customerOrgId) => new() { CustomerOrgId = customerOrgId };

    /// <summary>Adds <paramref name="amount"/> (&gt; 0, whole 分).</summary>
    public Result Credit(decimal amount)
    {
        if (!Money.IsValidAmount(amount)) return new Failure(FailureKind.InvalidArgument, Bill.BadAmountMessage);
        if (!CanCredit(amount).Compile(preferInterpretation: true)(this)) return CreditRefusal;
        Balance += amount;
        Version++;
        return Result.Done;
    }

    /// <summary>Takes <paramref name="amount"/> (&gt; 0, whole 分); refused (<c>余额不足</c>) past the balance.</summary>
    public Result Debit(decimal amount)
    {
        if (!Money.IsValidAmount(amount)) return new Failure(FailureKind.InvalidArgument, Bill.BadAmountMessage);
        if (!CanDebit(amount).Compile(preferInterpretation: true)(this)) return DebitRefusal;
        Balance -= amount;
        Version++;
        return Result.Done;
    }
}
