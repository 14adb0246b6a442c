using Kboss.Domain.Catalog;
using Kboss.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class EnterpriseAuditInfoConfiguration : IEntityTypeConfiguration<EnterpriseAuditInfo>
{
    public void Configure(EntityTypeBuilder<EnterpriseAuditInfo> b)
    {
        b.ToTable("enterprise_audit_info");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.AccountType).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.CompanyName).HasMaxLength(200);
        b.Property(x => x.LicenseNumber).HasMaxLength(100);
        b.Property(x => x.LicenseOriginalImg).HasMaxLength(1000);
        b.Property(x => x.LicenseCopyImg).HasMaxLength(1000);
        b.Property(x => x.OfficeAddress).HasMaxLength(500);
        b.Property(x => x.RegisteredAddress).HasMaxLength(500);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.Telephone).HasMaxLength(30);
        b.Property(x => x.MobilePhone).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(100);
        b.Property(x => x.AuditStatus).HasMaxLength(10).IsUnicode(false);
        b.Property(x => x.RejectReason).HasMaxLength(500);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.UserId).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => new { x.OrgId, x.AuditStatus, x.UpdateTime });
    }
}

internal sealed class SaleProtocolConfiguration : IEntityTypeConfiguration<SaleProtocol>
{
    public void Configure(EntityTypeBuilder<SaleProtocol> b)
    {
        b.ToTable("sale_protocol");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OfferSalemanid).HasMaxLength(Keys.Id);
        b.Property(x => x.OfferOrgid).HasMaxLength(Keys.Id);
        b.Property(x => x.BidOrgid).HasMaxLength(Keys.Id);
        b.Property(x => x.Salemode).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.Settlemode).HasMaxLength(50);
        b.Property(x => x.SettleDp).HasMaxLength(100);
        b.Property(x => x.Protocolfile).HasMaxLength(1000);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OfferOrgid, x.BidOrgid });
        b.HasIndex(x => x.BidOrgid);
    }
}

internal sealed class SmartProductConfiguration : IEntityTypeConfiguration<SmartProduct>
{
    public void Configure(EntityTypeBuilder<SmartProduct> b)
    {
        b.ToTable("smart_product");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        foreach (var p in new[] { nameof(SmartProduct.ProductModel), nameof(SmartProduct.CardType), nameof(SmartProduct.Cpu),
                     nameof(SmartProduct.Memory), nameof(SmartProduct.SystemDisk), nameof(SmartProduct.DataDisk),
                     nameof(SmartProduct.DataNetwork), nameof(SmartProduct.CardNetwork), nameof(SmartProduct.Address),
                     nameof(SmartProduct.Remark), nameof(SmartProduct.Location) })
            b.Property<string>(p).HasMaxLength(SmartProductLimits.Long);
        foreach (var p in new[] { nameof(SmartProduct.Scale), nameof(SmartProduct.Leadtime), nameof(SmartProduct.Brand),
                     nameof(SmartProduct.ResourceType), nameof(SmartProduct.CardInterface), nameof(SmartProduct.OuterBandwidth),
                     nameof(SmartProduct.SharedStorage), nameof(SmartProduct.TestClaim), nameof(SmartProduct.YearlyRant),
                     nameof(SmartProduct.QuarterlyRent), nameof(SmartProduct.MonthlyRent), nameof(SmartProduct.Type) })
            b.Property<string>(p).HasMaxLength(SmartProductLimits.Short);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.UpdateDate, x.CreateAt });
        b.HasIndex(x => x.OrgId);
    }
}
