using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class ProviderSettlementConfiguration : IEntityTypeConfiguration<ProviderSettlement>
{
    /// <summary>Settlements that still hold their period: every state but rejected.</summary>
    public const string LiveFilter = "state <> '" + SettlementStates.Rejected + "'";

    public void Configure(EntityTypeBuilder<ProviderSettlement> b)
    {
        b.ToTable("provider_settlement");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.TotalProviderAmt).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.TotalAmount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.SettleAmount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.State).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.ApvId).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(10).IsUnicode(false);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        // One live settlement per (org, provider, period): the cron creates it once even when two nodes race.
        b.HasIndex(x => new { x.OrgId, x.ProviderId, x.StartDate, x.EndDate }).IsUnique().HasFilter(LiveFilter);
        b.HasIndex(x => new { x.OrgId, x.State });
        b.HasIndex(x => x.ApvId);
    }
}

internal sealed class ProviderSettlementBillConfiguration : IEntityTypeConfiguration<ProviderSettlementBill>
{
    public void Configure(EntityTypeBuilder<ProviderSettlementBill> b)
    {
        b.ToTable("provider_settlement_bill");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.SettleId).HasMaxLength(Keys.Id);
        b.Property(x => x.BillId).HasMaxLength(Keys.Id);
        b.Property(x => x.SettleAmount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        // A bill is in at most one live settlement (finance.md §4.6); a rejected settlement's links are removed.
        b.HasIndex(x => x.BillId).IsUnique();
        b.HasIndex(x => x.SettleId);
    }
}
