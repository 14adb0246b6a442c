using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

/// <summary>Columns, the one-owner index and the outside-call columns of every <see cref="VendorResource"/> table
/// (ADR 0044).</summary>
internal static class VendorResourceMapping
{
    public static void MapVendorResource<T>(this EntityTypeBuilder<T> b, string table) where T : VendorResource
    {
        b.ToTable(table);
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OperatorOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.ResourceType).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.VendorId).HasMaxLength(64);
        b.Property(x => x.RegionCode).HasMaxLength(64);
        b.Property(x => x.ZoneCode).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        // one owner per vendor object
        b.HasIndex(x => new { x.ResourceType, x.VendorId }).IsUnique().HasFilter("vendor_id IS NOT NULL AND del_flg = '0'");
        b.HasIndex(x => new { x.OrgId, x.ResourceType });
        b.MapOutsideEffect();
    }
}

internal sealed class UCloudResourceConfiguration : IEntityTypeConfiguration<UCloudResource>
{
    public void Configure(EntityTypeBuilder<UCloudResource> b)
    {
        b.MapVendorResource("ucloud_resource");
        b.Property(x => x.ProjectId).HasMaxLength(64);
        b.Property(x => x.VendorState).HasMaxLength(20).IsUnicode(false);
    }
}
