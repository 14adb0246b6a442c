using Kboss.Domain.Cpcc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class ComputeCenterConfiguration : IEntityTypeConfiguration<ComputeCenter>
{
    public void Configure(EntityTypeBuilder<ComputeCenter> b)
    {
        b.ToTable("cpclist");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.PcapiUrl).HasMaxLength(500);
        b.Property(x => x.ApiUser).HasMaxLength(100);
        b.Property(x => x.ApiPwdProtected).HasMaxLength(2000);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.Id });
    }
}

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> b)
    {
        b.ToTable("cpccluster");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Cpcid).HasMaxLength(Keys.Id);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.Cpcid);
    }
}

internal sealed class WidgetConfiguration : IEntityTypeConfiguration<Widget>
{
    public void Configure(EntityTypeBuilder<Widget> b)
    {
        b.ToTable("cpcwidget");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Cpcid).HasMaxLength(Keys.Id);
        b.Property(x => x.Type).HasMaxLength(10);
        b.Property(x => x.Model).HasMaxLength(100);
        // Unit prices per Mi-hour are tiny (0.0002 元): 6 decimals, see docs/decisions/0004.
        b.Property(x => x.UnitPrice).HasPrecision(19, 6);
        b.Property(x => x.ResourceUnit).HasMaxLength(20);
        b.Property(x => x.ChargeUnit).HasMaxLength(10);
        b.Property(x => x.AccountUnit).HasMaxLength(10);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.Ignore(x => x.TotalStock);
        b.Ignore(x => x.TotalConsumed);
        b.HasMany(x => x.Stocks).WithOne().HasForeignKey(s => s.WidgetId);
        b.HasIndex(x => new { x.Cpcid, x.Type, x.Model }).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => new { x.Type, x.UpdateTime });
    }
}

internal sealed class WidgetClusterStockConfiguration : IEntityTypeConfiguration<WidgetClusterStock>
{
    public void Configure(EntityTypeBuilder<WidgetClusterStock> b)
    {
        b.ToTable("cpcwidget_stock");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.WidgetId).HasMaxLength(Keys.Id);
        b.Property(x => x.ClusterId).HasMaxLength(Keys.Id);
        b.HasOne(x => x.Cluster).WithMany().HasForeignKey(x => x.ClusterId);
        b.HasIndex(x => new { x.WidgetId, x.ClusterId }).IsUnique();
        b.HasIndex(x => x.ClusterId);
    }
}
