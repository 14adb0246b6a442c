using Kboss.Domain.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.ToTable("message");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.SenderId).HasMaxLength(Keys.Id);
        b.Property(x => x.ReceiverId).HasMaxLength(Keys.Id);
        b.Property(x => x.ReceiverOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.MsgTitle).HasMaxLength(Message.TitleMax);
        b.Property(x => x.MsgText).HasMaxLength(Message.TextMax);
        b.Property(x => x.MsgType).HasMaxLength(Message.TypeMax);
        b.Property(x => x.MsgStatus).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.ReceiverId, x.MsgStatus, x.SendTime });
        b.HasIndex(x => x.ReceiverOrgId);
    }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> b)
    {
        b.ToTable("msg_config");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.MsgType).HasMaxLength(Message.TypeMax);
        b.Property(x => x.MsgText).HasMaxLength(Message.TextMax);
        b.Property(x => x.IsSend).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.MsgType }).IsUnique().HasFilter(Keys.AliveFilter);
    }
}
