using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class VendorAccountConfiguration : IEntityTypeConfiguration<VendorAccount>
{
    public void Configure(EntityTypeBuilder<VendorAccount> b)
    {
        b.ToTable("vendor_account");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Vendor).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.Username).HasMaxLength(100);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.OperatorOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.VendorAccountId).HasMaxLength(VendorAccount.VendorIdLength);
        b.Property(x => x.Mobile).HasMaxLength(20).IsUnicode(false);
        b.HasIndex(x => new { x.Vendor, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.Vendor, x.VendorAccountId }).IsUnique();
        b.HasIndex(x => new { x.Vendor, x.OrgId });
    }
}

internal sealed class BaiduOrderConfiguration : IEntityTypeConfiguration<BaiduOrder>
{
    public void Configure(EntityTypeBuilder<BaiduOrder> b)
    {
        b.ToTable("baidu_order");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrderId).HasMaxLength(100);
        b.Property(x => x.AccountId).HasMaxLength(VendorAccount.VendorIdLength);
        b.Property(x => x.OriginOrderId).HasMaxLength(100);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OperatorOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrderType).HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.ServiceType).HasMaxLength(64);
        b.Property(x => x.ProductType).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.Price).HasPrecision(18, 2);
        b.Property(x => x.Status).HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.AutoRenewOrder).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.CreateTime).HasMaxLength(40);
        b.Property(x => x.UpdateTimeVendor).HasMaxLength(40);
        b.Property(x => x.ChargedAmount).HasPrecision(18, 2);
        b.Property(x => x.PayBillId).HasMaxLength(Keys.Id);
        b.Property(x => x.RefundBillId).HasMaxLength(Keys.Id);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.OrderId).IsUnique();
        b.HasIndex(x => new { x.OrgId, x.CreateTime });
        b.HasIndex(x => x.AccountId);
    }
}

internal sealed class BaiduOrderActionConfiguration : IEntityTypeConfiguration<BaiduOrderAction>
{
    public void Configure(EntityTypeBuilder<BaiduOrderAction> b)
    {
        b.ToTable("baidu_order_action");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrderId).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Status).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.VendorRequestId).HasMaxLength(100);
        b.HasIndex(x => new { x.OrderId, x.Action }).IsUnique();
    }
}
