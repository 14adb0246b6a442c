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
        // KPI (issue 11): covering indexes (ADR 0032) for the money series (GROUP BY op, date in index order), the
        // operator list's newest-first page scan, and one customer's list, count and Σ amount.
        b.HasIndex(x => new
        {
            x.BusinessOp, x.BillState, x.BillDate, x.CustomerId, x.DelFlg, x.Amount, x.CostAmt, x.ProviderAmt,
        }).HasDatabaseName(Kboss.Application.Finance.Kpi.KpiIndexes.Money);
        b.HasIndex(x => new { x.BillDate, x.BillTimestamp, x.Id, x.CustomerId, x.DelFlg })
            .HasDatabaseName(Kboss.Application.Finance.Kpi.KpiIndexes.Newest);
        b.HasIndex(x => new { x.CustomerId, x.BillDate, x.BillTimestamp, x.Id, x.DelFlg, x.Amount })
            .HasDatabaseName(Kboss.Application.Finance.Kpi.KpiIndexes.CustomerNewest);
    }
}

/// <summary>Per-day bill totals (ADR 0040): one row per owner org, day, operation and state.</summary>
internal sealed class BillDayTotalConfiguration : IEntityTypeConfiguration<BillDayTotal>
{
    public void Configure(EntityTypeBuilder<BillDayTotal> b)
    {
        b.ToTable("bill_day_total");
        b.HasKey(x => new { x.OwnerOrgId, x.BillDate, x.BusinessOp, x.BillState });
        b.Property(x => x.OwnerOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.BusinessOp).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.BillState).HasMaxLength(1).IsUnicode(false);
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

internal sealed class UnifiedPriceConfigConfiguration : IEntityTypeConfiguration<UnifiedPriceConfig>
{
    public void Configure(EntityTypeBuilder<UnifiedPriceConfig> b)
    {
        b.ToTable("unified_price_config");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.BidOrgid).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductName).HasMaxLength(200);
        b.Property(x => x.Discount).HasPrecision(5, 4);
        b.Property(x => x.Price).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.BidOrgid, x.ProductId }).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => new { x.BidOrgid, x.ProviderId });
    }
}

internal sealed class CustomerProductConfigConfiguration : IEntityTypeConfiguration<CustomerProductConfig>
{
    public void Configure(EntityTypeBuilder<CustomerProductConfig> b)
    {
        b.ToTable("customer_product_config");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.CustomerId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.Kv).HasMaxLength(10).IsUnicode(false);
        b.Property(x => x.Value).HasPrecision(FinanceColumns.Precision, 4);
        b.Property(x => x.SalemanId).HasMaxLength(Keys.Id);
        b.Property(x => x.ApvState).HasMaxLength(1).IsUnicode(false).IsConcurrencyToken(); // decided once
        b.Property(x => x.ApvId).HasMaxLength(64);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.CustomerId, x.ProductId, x.Kv, x.ApvState });
        b.HasIndex(x => x.ApvId);
    }
}

internal sealed class ProductSaleConfigConfiguration : IEntityTypeConfiguration<ProductSaleConfig>
{
    public void Configure(EntityTypeBuilder<ProductSaleConfig> b)
    {
        b.ToTable("product_sale_config");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.ProtocolId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.Discount).HasPrecision(5, 4);
        b.Property(x => x.RebateRate).HasPrecision(5, 4); // Resellers (issue 11)
        b.Property(x => x.Price).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.ProtocolId, x.ProductId }).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => x.ProductId);
    }
}

internal sealed class OrgProfileConfiguration : IEntityTypeConfiguration<OrgProfile>
{
    public void Configure(EntityTypeBuilder<OrgProfile> b)
    {
        b.ToTable("org_profile");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Contactor).HasMaxLength(50);
        b.Property(x => x.ContactorPhone).HasMaxLength(30);
        b.Property(x => x.ProvinceId).HasMaxLength(50);
        b.Property(x => x.CityId).HasMaxLength(50);
        b.Property(x => x.DistinctId).HasMaxLength(50);
        b.Property(x => x.Emailaddress).HasMaxLength(100);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.MainBusiness).HasMaxLength(500);
        b.Property(x => x.Orgcode).HasMaxLength(100);
        b.Property(x => x.LicenseImg).HasMaxLength(1000);
        b.Property(x => x.IdImg).HasMaxLength(1000);
        b.Property(x => x.Accountid).HasMaxLength(100);
        b.HasIndex(x => x.OrgId).IsUnique();
        b.HasIndex(x => x.Orgcode);
    }
}

internal sealed class ProviderAccountConfiguration : IEntityTypeConfiguration<ProviderAccount>
{
    public void Configure(EntityTypeBuilder<ProviderAccount> b)
    {
        b.ToTable("provider_account");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.Appid).HasMaxLength(200);
        b.Property(x => x.ProviderkeyProtected).HasMaxLength(2000);
        b.Property(x => x.SettleMode).HasMaxLength(50);
        b.Property(x => x.SettleFlowid).HasMaxLength(100);
        b.Property(x => x.SettleDatep).HasMaxLength(100);
        b.HasIndex(x => x.ProviderId).IsUnique();
    }
}
