using Kboss.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("data_protection_keys");
        b.Property(x => x.FriendlyName).HasMaxLength(100);
        b.Property(x => x.Xml).HasMaxLength(65536); // a key element, or one encrypted with the configured certificate
    }
}

internal sealed class SharedKeyConfiguration : IEntityTypeConfiguration<SharedKey>
{
    public void Configure(EntityTypeBuilder<SharedKey> b)
    {
        b.ToTable("shared_key");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Value).HasMaxLength(4000);
    }
}
