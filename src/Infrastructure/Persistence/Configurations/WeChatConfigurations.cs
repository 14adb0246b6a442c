using Kboss.Domain.WeChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class RechargeRecordConfiguration : IEntityTypeConfiguration<RechargeRecord>
{
    public void Configure(EntityTypeBuilder<RechargeRecord> b)
    {
        b.ToTable("recharge_logdict");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.CreatedBy).HasMaxLength(Keys.Id);
        b.Property(x => x.Amount).HasPrecision(19, 4);
        b.Property(x => x.Body).HasMaxLength(127);
        b.Property(x => x.Channel).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.TradeType).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.OutTradeNo).HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.PayerOpenId).HasMaxLength(128).IsUnicode(false);
        b.Property(x => x.State).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.TradeState).HasMaxLength(32).IsUnicode(false);
        b.Property(x => x.CodeUrl).HasMaxLength(500).IsUnicode(false);
        b.Property(x => x.PrepayId).HasMaxLength(128).IsUnicode(false);
        b.Property(x => x.TransactionId).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.FailureReason).HasMaxLength(RechargeRecord.ReasonLength);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        // a settled record must not be overwritten by a stale copy (notify vs reconciler vs order answer)
        b.Property(x => x.StateChangedAt).IsConcurrencyToken();
        // the notify and the reconciler find a record by out_trade_no
        b.HasIndex(x => x.OutTradeNo).IsUnique();
        // the reconciler's sweep of pending records by age
        b.HasIndex(x => new { x.State, x.StateChangedAt });
        b.HasIndex(x => x.OrgId);
    }
}

internal sealed class WeChatLoginStateConfiguration : IEntityTypeConfiguration<WeChatLoginState>
{
    public void Configure(EntityTypeBuilder<WeChatLoginState> b)
    {
        b.ToTable("wechat_login_state");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.State).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.Code).HasMaxLength(256).IsUnicode(false);
        b.Property(x => x.BrowserHash).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(x => x.State).IsUnique();
        b.HasIndex(x => x.ExpiresAt);
    }
}

internal sealed class WeChatBindingConfiguration : IEntityTypeConfiguration<WeChatBinding>
{
    public void Configure(EntityTypeBuilder<WeChatBinding> b)
    {
        b.ToTable("wechat_binding");
        b.Property(x => x.Id).HasMaxLength(Keys.Id).IsUnicode(false);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.AppId).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.OpenId).HasMaxLength(128).IsUnicode(false);
        b.Property(x => x.UnionId).HasMaxLength(128).IsUnicode(false);
        b.HasIndex(x => new { x.AppId, x.OpenId }).IsUnique();
        b.HasIndex(x => x.UnionId);
        b.HasIndex(x => x.UserId);
    }
}
