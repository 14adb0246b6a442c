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
        b.Property(x => x.ClusterType).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.ControllerId).HasMaxLength(Keys.Id);
        // join command and kubeconfig are encrypted (Data Protection output grows with the ~6 KB kubeconfig): unbounded
        b.Property(x => x.ClusterJoinProtected).Metadata.SetMaxLength(null);
        b.Property(x => x.KubeconfigProtected).Metadata.SetMaxLength(null);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.Cpcid, x.Id });
        b.HasIndex(x => x.ControllerId);
    }
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> b)
    {
        b.ToTable("cpcnode");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Cpcid).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.ClusterId).HasMaxLength(Keys.Id);
        b.Property(x => x.NodeStatus).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.Role).HasMaxLength(10).IsUnicode(false);
        b.Property(x => x.Ip).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.DeviceType).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.AdminUser).HasMaxLength(100);
        b.Property(x => x.AdminPwdProtected).HasMaxLength(2000);
        b.Property(x => x.ExternalIp).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.CpuModel).HasMaxLength(100);
        b.Property(x => x.MemoryModel).HasMaxLength(100);
        b.Property(x => x.GpuModel).HasMaxLength(100);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.Ignore(x => x.IsIdle);
        // D1 (centre, paged by id), K3 (idle devices of a centre), cluster members, unique IP per centre
        b.HasIndex(x => new { x.Cpcid, x.Id });
        b.HasIndex(x => new { x.Cpcid, x.NodeStatus });
        b.HasIndex(x => x.ClusterId);
        b.HasIndex(x => new { x.Cpcid, x.Ip }).IsUnique().HasFilter(Keys.AliveFilter);
    }
}

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> b)
    {
        b.ToTable("cpclabel");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.LabelType).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.LabelKey).HasMaxLength(317).IsUnicode(false); // 253-char DNS prefix + "/" + 63-char name
        b.Property(x => x.LabelValue).HasMaxLength(63).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.Ignore(x => x.Symbol);
        b.Ignore(x => x.Rendered);
        // L1 (org's labels by id); one catalogue entry per (org, type, key, value)
        b.HasIndex(x => new { x.OrgId, x.Id });
        b.HasIndex(x => new { x.OrgId, x.LabelType, x.LabelKey, x.LabelValue }).IsUnique().HasFilter(Keys.AliveFilter);
    }
}

internal sealed class InstanceConfigConfiguration : IEntityTypeConfiguration<InstanceConfig>
{
    public void Configure(EntityTypeBuilder<InstanceConfig> b)
    {
        b.ToTable("cpcpodyaml");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.Cpcid).HasMaxLength(Keys.Id);
        b.Property(x => x.ClusterId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.NamespaceName).HasMaxLength(63).IsUnicode(false);
        b.Property(x => x.ServiceaccountName).HasMaxLength(100).IsUnicode(false);
        b.Property(x => x.PodcdName).HasMaxLength(63).IsUnicode(false);
        b.Property(x => x.ServiceName).HasMaxLength(63).IsUnicode(false);
        b.Property(x => x.SourceName).HasMaxLength(100);
        b.Property(x => x.SourceAuthuser).HasMaxLength(64);
        b.Property(x => x.SourceAuthpasswdProtected).HasMaxLength(2000);
        b.Property(x => x.SourcePodengine).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.InstanceType).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.PodImagepath).HasMaxLength(300).IsUnicode(false);
        b.Property(x => x.SourceMemrate).HasMaxLength(30).IsUnicode(false);
        b.Property(x => x.SourceCpurate).HasMaxLength(30).IsUnicode(false);
        b.Property(x => x.SourceSelflabel).HasMaxLength(400).IsUnicode(false);
        b.Property(x => x.SourcePortmode).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.SourceRestartpolicy).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.SourceMountpath).HasMaxLength(300);
        b.Property(x => x.SourceStoragelimits).HasMaxLength(30).IsUnicode(false);
        b.Property(x => x.SourceNodeselector).HasMaxLength(400).IsUnicode(false);
        b.Property(x => x.CpuModel).HasMaxLength(100);
        b.Property(x => x.GpuModel).HasMaxLength(100);
        b.Property(x => x.DiskSysLimit).HasMaxLength(30).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        // K7 (configs of a cluster), org views, label-in-use checks (L3), node ports unique per cluster
        b.HasIndex(x => new { x.ClusterId, x.Id });
        b.HasIndex(x => new { x.OrgId, x.ClusterId });
        b.HasIndex(x => x.Cpcid);
        b.HasIndex(x => x.SourceSelflabel);
        b.HasIndex(x => x.SourceNodeselector);
        b.HasIndex(x => new { x.ClusterId, x.SourceOutsideport }).IsUnique()
            .HasFilter("del_flg = '0' AND source_portmode = 'NodePort' AND state <> 'failed'");
        b.MapOutsideEffect();
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

internal sealed class ProvisioningOperationConfiguration : IEntityTypeConfiguration<ProvisioningOperation>
{
    public void Configure(EntityTypeBuilder<ProvisioningOperation> b)
    {
        b.ToTable("cpc_operation");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Kind).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.Cpcid).HasMaxLength(Keys.Id);
        b.Property(x => x.ClusterId).HasMaxLength(Keys.Id);
        b.Property(x => x.DeviceId).HasMaxLength(Keys.Id);
        b.Property(x => x.Status).HasMaxLength(10).IsUnicode(false);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.Property(x => x.Log).Metadata.SetMaxLength(null);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.HasIndex(x => new { x.Cpcid, x.Id });
        b.HasIndex(x => new { x.DeviceId, x.Status });
        b.HasIndex(x => new { x.ClusterId, x.Status });
        b.HasIndex(x => x.Status);
    }
}
