using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class VendorChargeConfiguration : IEntityTypeConfiguration<VendorCharge>
{
    public void Configure(EntityTypeBuilder<VendorCharge> b)
    {
        b.ToTable("vendor_charge");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.IdempotencyKey).HasMaxLength(VendorCharge.KeyLength);
        b.Property(x => x.Fingerprint).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.Action).HasMaxLength(VendorCharge.NameLength).IsUnicode(false);
        b.Property(x => x.Amount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.ListAmount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.CostAmount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.Probe).HasMaxLength(VendorCharge.NameLength).IsUnicode(false);
        b.Property(x => x.SubjectId).HasMaxLength(64);
        b.Property(x => x.SubjectOperation).HasMaxLength(10).IsUnicode(false);
        b.Property(x => x.ResourceId).HasMaxLength(64);
        b.Property(x => x.ReplyMessage).HasMaxLength(1000);
        b.Property(x => x.ReplyCode).HasMaxLength(40).IsUnicode(false);
        b.Property(x => x.BillId).HasMaxLength(Keys.Id);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.Ignore(x => x.Line);
        // one request per key and org (the idempotency record)
        b.HasIndex(x => new { x.OrgId, x.IdempotencyKey }).IsUnique();
        b.HasIndex(x => new { x.Probe, x.SubjectId });
        b.MapOutsideEffect();
    }
}

/// <summary>The task-poller columns of <c>cds_resource</c> (issue 14 §5.5; the rest is in
/// VendorsConfigurations).</summary>
internal static class CdsTaskColumns
{
    /// <summary>Maps <see cref="CdsResource.TaskState"/> and the poller's index.</summary>
    public static void MapTaskState(this EntityTypeBuilder<CdsResource> b)
    {
        b.Property(x => x.TaskState).HasMaxLength(10).IsUnicode(false).HasDefaultValue(CdsTaskStates.None);
        b.HasIndex(x => x.TaskState);
    }
}
