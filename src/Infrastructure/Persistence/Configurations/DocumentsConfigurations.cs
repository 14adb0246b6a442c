using Kboss.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.ToTable("document");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserName).HasMaxLength(100);
        b.Property(x => x.FileType).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Content).HasMaxLength(Application.Documents.DocumentFieldsValidator<
            Application.Documents.UploadDocument>.ContentMax);
        b.Property(x => x.FilePath).HasMaxLength(500);
        b.Property(x => x.StorageKey).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.OriginalName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.Status, x.UpdateTime });
        b.HasIndex(x => x.OrgId);
    }
}
