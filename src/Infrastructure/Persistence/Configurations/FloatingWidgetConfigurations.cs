using Kboss.Domain.FloatingWidget;
using Kboss.Domain.MiniProgram;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

// Floating widget, SMS codes, mini-program and ops supply (issue 12, ADR 0028)

internal sealed class QrCardConfiguration : IEntityTypeConfiguration<QrCard>
{
    public void Configure(EntityTypeBuilder<QrCard> b)
    {
        b.ToTable("floating_picture");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.CardType).HasMaxLength(10).IsUnicode(false);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Picture).HasMaxLength(QrCard.MaxPicture);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        // one live card per (type, sales user, org): a sale card has its user, an org card an empty user
        b.HasIndex(x => new { x.CardType, x.OrgId, x.UserId }).IsUnique().HasFilter(Keys.AliveFilter);
    }
}

internal sealed class TrialApplicationConfiguration : IEntityTypeConfiguration<TrialApplication>
{
    public void Configure(EntityTypeBuilder<TrialApplication> b)
    {
        b.ToTable("floating_apply");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Customer).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(11).IsUnicode(false);
        b.Property(x => x.Unit).HasMaxLength(100);
        b.Property(x => x.Product).HasMaxLength(64);
        b.Property(x => x.Resources).HasMaxLength(2000);
        b.Property(x => x.Status).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.ClientAddress).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.CreateAt });
    }
}

internal sealed class SmsCodeConfiguration : IEntityTypeConfiguration<SmsCode>
{
    public void Configure(EntityTypeBuilder<SmsCode> b)
    {
        b.ToTable("sms_code");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.Mobile).HasMaxLength(11).IsUnicode(false);
        b.Property(x => x.Purpose).HasMaxLength(20).IsUnicode(false);
        b.Property(x => x.Salt).HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.CodeHash).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.ClientAddress).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.State).HasConversion<int>();
        b.Property(x => x.FailureReason).HasMaxLength(200);
        // newest code of a mobile, resend interval and per-mobile cap; per-address cap
        b.HasIndex(x => new { x.Mobile, x.SentAt });
        b.HasIndex(x => new { x.ClientAddress, x.SentAt });
    }
}

internal sealed class SmsSendGuardConfiguration : IEntityTypeConfiguration<SmsSendGuard>
{
    public void Configure(EntityTypeBuilder<SmsSendGuard> b)
    {
        b.ToTable("sms_send_guard");
        b.HasKey(x => x.Mobile);
        b.Property(x => x.Mobile).HasMaxLength(11).IsUnicode(false);
    }
}

internal sealed class KyySupplyConfiguration : IEntityTypeConfiguration<KyySupply>
{
    public void Configure(EntityTypeBuilder<KyySupply> b)
    {
        b.ToTable("kyy_supply");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.BasicInfo).HasMaxLength(KyySupply.MaxBasicInfo);
        b.Property(x => x.ExcelInfo).HasMaxLength(65536); // nvarchar(max) on SQL Server; size capped by the converter
        b.Property(x => x.FilePath).HasMaxLength(500);
        b.Property(x => x.Remark).HasMaxLength(1000);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.CreateAt });
    }
}

internal sealed class UserSupplyConfiguration : IEntityTypeConfiguration<UserSupply>
{
    public void Configure(EntityTypeBuilder<UserSupply> b)
    {
        b.ToTable("user_supply");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.Supplydesc).HasMaxLength(4000);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.DelFlg, x.Recommendstatus });
    }
}

internal sealed class UserDemandConfiguration : IEntityTypeConfiguration<UserDemand>
{
    public void Configure(EntityTypeBuilder<UserDemand> b)
    {
        b.ToTable("user_demand");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.Demanddesc).HasMaxLength(4000);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.DelFlg, x.Recommendstatus });
    }
}
