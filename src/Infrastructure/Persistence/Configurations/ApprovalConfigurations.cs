using Kboss.Domain.Approval;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class ApvKeyConfiguration : IEntityTypeConfiguration<ApvKey>
{
    public void Configure(EntityTypeBuilder<ApvKey> b)
    {
        b.ToTable("apv_key");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.SendDdUserId).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.AppKey).HasMaxLength(128);
        b.Property(x => x.AppSecret).HasMaxLength(1000).IsUnicode(false);
        b.Property(x => x.HttpAesKey).HasMaxLength(1000).IsUnicode(false);
        b.Property(x => x.HttpToken).HasMaxLength(1000).IsUnicode(false);
        b.Property(x => x.ProcessCode).HasMaxLength(100);
        b.Property(x => x.ProcessName).HasMaxLength(100);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.OrgId).IsUnique().HasFilter(Keys.AliveFilter);
    }
}

internal sealed class ApvBusinessConfiguration : IEntityTypeConfiguration<ApvBusiness>
{
    public void Configure(EntityTypeBuilder<ApvBusiness> b)
    {
        b.ToTable("apv_business");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.BusinessName).HasMaxLength(100);
        b.Property(x => x.CallbackUrl).HasMaxLength(1000);
        b.Property(x => x.CallbackSecret).HasMaxLength(1000).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.BusinessName).IsUnique().HasFilter(Keys.AliveFilter);
    }
}

internal sealed class ApvTemplateConfiguration : IEntityTypeConfiguration<ApvTemplate>
{
    public void Configure(EntityTypeBuilder<ApvTemplate> b)
    {
        b.ToTable("apv_template");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.BusinessId).HasMaxLength(Keys.Id);
        b.Property(x => x.TitleTemplate).HasMaxLength(1000);
        b.Property(x => x.DetailTemplate).HasMaxLength(4000);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.BusinessId).IsUnique().HasFilter(Keys.AliveFilter);
    }
}

internal sealed class ApvFlowConfiguration : IEntityTypeConfiguration<ApvFlow>
{
    public void Configure(EntityTypeBuilder<ApvFlow> b)
    {
        b.ToTable("apv_flow");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.BusinessId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.LevelData).HasMaxLength(8000);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.BusinessId }).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => x.BusinessId);
    }
}

internal sealed class ApvSendKeyConfiguration : IEntityTypeConfiguration<ApvSendKey>
{
    public void Configure(EntityTypeBuilder<ApvSendKey> b)
    {
        b.ToTable("apv_send_key");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.BusinessId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.SendPhone).HasMaxLength(20);
        b.Property(x => x.SendDdUserId).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.ProcessCode).HasMaxLength(100);
        b.Property(x => x.ProcessName).HasMaxLength(100);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.BusinessId }).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => x.BusinessId);
    }
}

internal sealed class ApprovalRecordConfiguration : IEntityTypeConfiguration<ApprovalRecord>
{
    public void Configure(EntityTypeBuilder<ApprovalRecord> b)
    {
        b.ToTable("apv_record");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.ApvId).HasMaxLength(64);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.BusinessId).HasMaxLength(Keys.Id);
        b.Property(x => x.BusinessName).HasMaxLength(100);
        b.Property(x => x.ReferenceId).HasMaxLength(64);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.ResultOrg).HasMaxLength(64);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Detail).HasMaxLength(4000);
        b.Property(x => x.FormComponent).HasMaxLength(8000);
        b.Property(x => x.ProcessCode).HasMaxLength(100);
        b.Property(x => x.OriginatorDdUserId).HasMaxLength(64);
        b.Property(x => x.Approvers).HasMaxLength(8000);
        b.Property(x => x.Status).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.FailureReason).HasMaxLength(1000);
        b.Property(x => x.CallbackStatus).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.StatusChangedAt).IsConcurrencyToken();
        // results are matched by DingTalk's instance id; "" until the create call answered
        b.HasIndex(x => x.ApvId).IsUnique().HasFilter("apv_id <> ''");
        // E05: a user's or an org's records; the reconciler: running records by age
        b.HasIndex(x => new { x.OrgId, x.UserId });
        b.HasIndex(x => new { x.Status, x.StatusChangedAt });
    }
}

internal sealed class ApprovalDeliveryConfiguration : IEntityTypeConfiguration<ApprovalDelivery>
{
    public void Configure(EntityTypeBuilder<ApprovalDelivery> b)
    {
        b.ToTable("apv_delivery");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.RecordId).HasMaxLength(Keys.Id);
        b.Property(x => x.EventId).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.Target).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.BusinessId).HasMaxLength(Keys.Id);
        b.Property(x => x.Payload).HasMaxLength(8000);
        b.Property(x => x.State).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.LastError).HasMaxLength(500);
        // one delivery per result event and target, whatever races enqueue it
        b.HasIndex(x => new { x.EventId, x.Target }).IsUnique();
        b.HasIndex(x => new { x.State, x.NextAttemptAt });
        b.HasIndex(x => x.RecordId);
    }
}
