using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class CpccProviderLinkConfiguration : IEntityTypeConfiguration<CpccProviderLink>
{
    public void Configure(EntityTypeBuilder<CpccProviderLink> b)
    {
        b.ToTable("cpcc_provider_link");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Cpcid).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProtocolId).HasMaxLength(Keys.Id);
        b.HasIndex(x => x.Cpcid).IsUnique(); // one provider per centre, even under parallel conversions
        b.HasIndex(x => x.ProviderId);
        b.HasIndex(x => x.OrgId);
    }
}

internal sealed class CpccPurchaseConfiguration : IEntityTypeConfiguration<CpccPurchase>
{
    public void Configure(EntityTypeBuilder<CpccPurchase> b)
    {
        b.ToTable("cpcc_purchase");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.CustomerOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.ClusterId).HasMaxLength(Keys.Id);
        b.Property(x => x.InstanceConfigId).HasMaxLength(Keys.Id);
        b.Property(x => x.BillId).HasMaxLength(Keys.Id);
        b.Property(x => x.RefundBillId).HasMaxLength(Keys.Id);
        b.Property(x => x.Amount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.ListAmount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.DurationUnit).HasMaxLength(10);
        b.Property(x => x.IdempotencyKey).HasMaxLength(CpccPurchase.KeyLength);
        b.Property(x => x.RequestHash).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.State).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasIndex(x => new { x.CustomerOrgId, x.IdempotencyKey }).IsUnique()
            .HasFilter("idempotency_key IS NOT NULL");
        b.HasIndex(x => x.InstanceConfigId);
        b.HasIndex(x => new { x.CustomerOrgId, x.CreateAt });
    }
}
