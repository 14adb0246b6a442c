using Kboss.Domain.K8sCloud;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class CloudInstanceConfiguration : IEntityTypeConfiguration<CloudInstance>
{
    public void Configure(EntityTypeBuilder<CloudInstance> b)
    {
        b.ToTable("k8s_instance");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.CustomerGoodsId).HasMaxLength(64);
        b.Property(x => x.Cpcid).HasMaxLength(Keys.Id);
        b.Property(x => x.ClusterId).HasMaxLength(Keys.Id);
        b.Property(x => x.CpuModel).HasMaxLength(100);
        b.Property(x => x.GpuModel).HasMaxLength(100);
        b.Property(x => x.NamespaceName).HasMaxLength(63).IsUnicode(false);
        b.Property(x => x.Podname).HasMaxLength(63).IsUnicode(false);
        b.Property(x => x.Pvcname).HasMaxLength(63).IsUnicode(false);
        b.Property(x => x.Image).HasMaxLength(300).IsUnicode(false);
        b.Property(x => x.Status).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        // E55: the org's instances, optionally of one purchased resource
        b.HasIndex(x => new { x.OrgId, x.CustomerGoodsId });
        b.HasIndex(x => x.ClusterId);
        b.MapOutsideEffect();
    }
}
