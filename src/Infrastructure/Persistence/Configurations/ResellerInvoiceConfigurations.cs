using Kboss.Domain.Finance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class ResellerConfiguration : IEntityTypeConfiguration<Reseller>
{
    public void Configure(EntityTypeBuilder<Reseller> b)
    {
        b.ToTable("reseller");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.DomainName).HasMaxLength(253);
        b.Property(x => x.Logo).HasMaxLength(Reseller.LinkLength);
        b.Property(x => x.LicenseNumber).HasMaxLength(100);
        b.Property(x => x.License).HasMaxLength(Reseller.LinkLength);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.OrgId).IsUnique().HasFilter(Keys.AliveFilter);
        // RSL-05 looks resellers up by domain; a domain belongs to one live reseller.
        b.HasIndex(x => x.DomainName).IsUnique().HasFilter(Keys.AliveFilter + " AND domain_name IS NOT NULL");
    }
}

internal sealed class CustomerInvoiceInfoConfiguration : IEntityTypeConfiguration<CustomerInvoiceInfo>
{
    public void Configure(EntityTypeBuilder<CustomerInvoiceInfo> b)
    {
        b.ToTable("customer_invoice_info");
        b.Ignore(x => x.Fields);
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.ClientId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.ContractNumber).HasMaxLength(100);
        b.Property(x => x.InvoiceTitle).HasMaxLength(200);
        b.Property(x => x.TaxNo).HasMaxLength(20);
        b.Property(x => x.BankName).HasMaxLength(200);
        b.Property(x => x.BankAccount).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.ReceiverName).HasMaxLength(50);
        b.Property(x => x.Address).HasMaxLength(300);
        b.Property(x => x.PostCode).HasMaxLength(20);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.ClientId).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => x.OrgId);
    }
}

internal sealed class InvoiceApplicationConfiguration : IEntityTypeConfiguration<InvoiceApplication>
{
    public void Configure(EntityTypeBuilder<InvoiceApplication> b)
    {
        b.ToTable("invoice_application");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Maker).HasMaxLength(Keys.Id);
        b.Property(x => x.ClientId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserName).HasMaxLength(100);
        b.Property(x => x.Amount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.InfoSnapshot).HasMaxLength(4000);
        b.Property(x => x.ApvId).HasMaxLength(64);
        b.Property(x => x.State).HasMaxLength(1).IsUnicode(false).IsConcurrencyToken(); // decided once
        b.Property(x => x.FailureReason).HasMaxLength(500);
        b.HasIndex(x => x.ApvId);
        b.HasIndex(x => new { x.UserId, x.CreateAt });
        b.HasIndex(x => new { x.ClientId, x.State });
    }
}

internal sealed class InvoiceApplicationItemConfiguration : IEntityTypeConfiguration<InvoiceApplicationItem>
{
    public void Configure(EntityTypeBuilder<InvoiceApplicationItem> b)
    {
        b.ToTable("invoice_application_item");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.ApplicationId).HasMaxLength(Keys.Id);
        b.Property(x => x.RechargeId).HasMaxLength(Keys.Id);
        b.Property(x => x.Amount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        // A recharge record is in at most one live application (finance.md §4.8 rule 4), whatever the concurrency.
        b.HasIndex(x => x.RechargeId).IsUnique().HasFilter("live = 1");
        b.HasIndex(x => x.ApplicationId);
    }
}
