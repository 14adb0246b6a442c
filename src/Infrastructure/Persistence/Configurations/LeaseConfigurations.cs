using Kboss.Domain.Lease;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

/// <summary>Column sizes of the lease area (lease.md §2): money 元 with 2 decimals, free text 200.</summary>
internal static class LeaseColumns
{
    public const int Precision = 19;
    public const int Scale = 2;
    public const int Text = 200;

    public static PropertyBuilder<decimal> Money(this PropertyBuilder<decimal> p) => p.HasPrecision(Precision, Scale);
}

internal sealed class LeaseStoreConfiguration : IEntityTypeConfiguration<LeaseStore>
{
    public void Configure(EntityTypeBuilder<LeaseStore> b)
    {
        b.ToTable("lease_store");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Location).HasMaxLength(LeaseColumns.Text);
        b.Property(x => x.Address).HasMaxLength(LeaseColumns.Text);
        b.Property(x => x.BandwidthPrice).Money();
        b.Property(x => x.StoredPrice).Money();
        b.Property(x => x.IpPrice).Money();
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.Name }).IsUnique().HasFilter(Keys.AliveFilter);
    }
}

internal sealed class LeaseProductConfiguration : IEntityTypeConfiguration<LeaseProduct>
{
    public void Configure(EntityTypeBuilder<LeaseProduct> b)
    {
        b.ToTable("lease_product");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductName).HasMaxLength(100);
        b.Property(x => x.Price).Money();
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.CreateAt });
    }
}

internal sealed class LeaseServerConfiguration : IEntityTypeConfiguration<LeaseServer>
{
    public void Configure(EntityTypeBuilder<LeaseServer> b)
    {
        b.ToTable("lease_server");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.StoreId).HasMaxLength(Keys.Id);
        b.Property(x => x.BillId).HasMaxLength(Keys.Id);
        b.Property(x => x.StoreName).HasMaxLength(50);
        foreach (var text in new[] { nameof(LeaseServer.DeviceType), nameof(LeaseServer.DeviceBrand),
                     nameof(LeaseServer.ResourceType), nameof(LeaseServer.CardType), nameof(LeaseServer.CardInterface),
                     nameof(LeaseServer.Cpu), nameof(LeaseServer.Memory), nameof(LeaseServer.SystemDisk),
                     nameof(LeaseServer.DataDisk), nameof(LeaseServer.NetCard1), nameof(LeaseServer.NetCard2),
                     nameof(LeaseServer.OtherData) })
            b.Property(text).HasMaxLength(LeaseColumns.Text);
        b.Property(x => x.Price).Money();
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.ProductId, x.Status });
        b.HasIndex(x => new { x.OrgId, x.StoreName });
        b.HasIndex(x => x.BillId);
    }
}

internal sealed class LeaseBillConfiguration : IEntityTypeConfiguration<LeaseBill>
{
    public void Configure(EntityTypeBuilder<LeaseBill> b)
    {
        b.ToTable("lease_bill");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.CustomerOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.CreatorId).HasMaxLength(Keys.Id);
        b.Property(x => x.StoreId).HasMaxLength(Keys.Id);
        b.Property(x => x.FinanceBillId).HasMaxLength(Keys.Id);
        b.Property(x => x.DeviceType).HasMaxLength(LeaseColumns.Text);
        b.Property(x => x.Bandwidth).Money();
        b.Property(x => x.Stored).Money();
        b.Property(x => x.TestPrice).Money();
        b.Property(x => x.Amount).Money();
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.Status, x.EndDate });
        b.HasIndex(x => new { x.OrgId, x.CreateAt });
        b.HasIndex(x => new { x.UserId, x.CreateAt });
    }
}

internal sealed class LeaseBillDeviceConfiguration : IEntityTypeConfiguration<LeaseBillDevice>
{
    public void Configure(EntityTypeBuilder<LeaseBillDevice> b)
    {
        b.ToTable("lease_bill_device");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.BillId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.DeviceId).HasMaxLength(Keys.Id);
        b.HasIndex(x => new { x.BillId, x.DeviceId }).IsUnique();
        b.HasIndex(x => new { x.DeviceId, x.StartDate, x.EndDate });
    }
}

internal sealed class LeaseContractConfiguration : IEntityTypeConfiguration<LeaseContract>
{
    public void Configure(EntityTypeBuilder<LeaseContract> b)
    {
        b.ToTable("lease_contract");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.BillId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.Title).HasMaxLength(LeaseColumns.Text);
        b.Property(x => x.Salesman).HasMaxLength(100);
        b.Property(x => x.Client).HasMaxLength(LeaseColumns.Text);
        b.Property(x => x.Status).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.Remark).HasMaxLength(500);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.BillId).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => new { x.UserId, x.CreateAt });
    }
}

internal sealed class LeaseWarningConfiguration : IEntityTypeConfiguration<LeaseWarning>
{
    public void Configure(EntityTypeBuilder<LeaseWarning> b)
    {
        b.ToTable("lease_warning");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.BillId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.HasIndex(x => new { x.BillId, x.UserId }).IsUnique();
    }
}

internal sealed class LeaseDeviceConfiguration : IEntityTypeConfiguration<LeaseDevice>
{
    public void Configure(EntityTypeBuilder<LeaseDevice> b)
    {
        b.ToTable("lease_product_server");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderName).HasMaxLength(LeaseColumns.Text);
        b.Property(x => x.ProductName).HasMaxLength(LeaseColumns.Text);
        b.Property(x => x.OtherData).HasMaxLength(LeaseColumns.Text);
        b.Property(x => x.StoreName).HasMaxLength(LeaseColumns.Text);
        b.Property(x => x.Price).Money();
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasMany(x => x.Parameters).WithOne().HasForeignKey(p => p.ServerId);
        b.Navigation(x => x.Parameters).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => x.ProductId).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => x.ProviderId);
    }
}

internal sealed class LeaseDeviceParameterConfiguration : IEntityTypeConfiguration<LeaseDeviceParameter>
{
    public void Configure(EntityTypeBuilder<LeaseDeviceParameter> b)
    {
        b.ToTable("lease_product_server_param");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.ServerId).HasMaxLength(Keys.Id);
        b.Property(x => x.Title).HasMaxLength(50);
        b.Property(x => x.Parameter).HasMaxLength(LeaseColumns.Text);
    }
}

internal sealed class LeaseOrderConfiguration : IEntityTypeConfiguration<LeaseOrder>
{
    public void Configure(EntityTypeBuilder<LeaseOrder> b)
    {
        b.ToTable("lease_product_order");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.ServerId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrderId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.SellerOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.FinanceBillId).HasMaxLength(Keys.Id);
        b.Property(x => x.ReleaseReason).HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.UnitPrice).Money();
        b.Property(x => x.Amount).Money();
        b.HasIndex(x => x.OrderId);
        b.HasIndex(x => new { x.Status, x.ExpireAt });
        b.HasIndex(x => new { x.Status, x.LeaseEndTime });
        b.HasIndex(x => new { x.ServerId, x.Status });
    }
}
