using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

/// <summary>Money columns of the finance area: 元 with 2 decimals (finance.md §0.3).</summary>
internal static class FinanceColumns
{
    public const int Precision = 18;
    public const int Scale = 2;
}

internal sealed class BillConfiguration : IEntityTypeConfiguration<Bill>
{
    public void Configure(EntityTypeBuilder<Bill> b)
    {
        b.ToTable("bill");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.CustomerId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrderId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrderGoodsId).HasMaxLength(Keys.Id);
        b.Property(x => x.BusinessOp).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.ProviderAmt).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.Amount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.CostAmt).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.RefundedAmt).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.BillState).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderBillId).HasMaxLength(100);
        b.Property(x => x.ResourceId).HasMaxLength(100);
        b.Property(x => x.OriginBillId).HasMaxLength(Keys.Id);
        b.Property(x => x.SettleState).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.ProviderSettleId).HasMaxLength(Keys.Id);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        // Bill lists and KPIs (customer, date), settlement selection (provider, state, date), refunds of a purchase.
        b.HasIndex(x => new { x.CustomerId, x.BillDate });
        b.HasIndex(x => new { x.BillDate, x.BusinessOp, x.BillState });
        b.HasIndex(x => new { x.ProviderId, x.SettleState, x.BillDate });
        b.HasIndex(x => x.OriginBillId);
        b.HasIndex(x => x.ProviderSettleId);
    }
}

internal sealed class CustomerBalanceConfiguration : IEntityTypeConfiguration<CustomerBalance>
{
    public void Configure(EntityTypeBuilder<CustomerBalance> b)
    {
        b.ToTable("customer_balance");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.CustomerOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Balance).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CustomerOrgId).IsUnique();
        b.ToTable(t => t.HasCheckConstraint("ck_customer_balance_not_negative", "balance >= 0"));
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("ledger_entry");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.CustomerOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Amount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.BalanceAfter).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.Reference).HasMaxLength(LedgerEntry.KeyLength);
        b.Property(x => x.IdempotencyKey).HasMaxLength(LedgerEntry.KeyLength);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        b.HasIndex(x => new { x.CustomerOrgId, x.CreateAt });
        b.HasIndex(x => x.Reference);
    }
}
