using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class VendorCredentialConfiguration : IEntityTypeConfiguration<VendorCredential>
{
    public void Configure(EntityTypeBuilder<VendorCredential> b)
    {
        b.ToTable("vendor_credential");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Vendor).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.AccessKeyId).HasMaxLength(VendorCredential.KeyIdLength);
        b.Property(x => x.SecretProtected).HasMaxLength(2000);
        b.Property(x => x.Endpoint).HasMaxLength(VendorCredential.EndpointLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(Keys.Id);
        b.HasIndex(x => new { x.OrgId, x.Vendor }).IsUnique();
    }
}

internal sealed class CdsResourceConfiguration : IEntityTypeConfiguration<CdsResource>
{
    public void Configure(EntityTypeBuilder<CdsResource> b)
    {
        b.ToTable("cds_resource");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OperatorOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.ResourceType).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.VendorId).HasMaxLength(64);
        b.Property(x => x.ParentVendorId).HasMaxLength(64);
        b.Property(x => x.RegionCode).HasMaxLength(64);
        b.Property(x => x.ZoneCode).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.TaskId).HasMaxLength(64);
        b.Property(x => x.CreateTaskId).HasMaxLength(64); // ECS task probe (issue 14)
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        // one owner per CDS object
        b.HasIndex(x => new { x.ResourceType, x.VendorId }).IsUnique().HasFilter("vendor_id IS NOT NULL AND del_flg = '0'");
        b.HasIndex(x => new { x.OrgId, x.ResourceType });
        b.MapOutsideEffect();
        b.MapTaskState(); // Capital Online network, task poller (issue 14)
    }
}
