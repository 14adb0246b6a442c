using Kboss.Domain.Audit;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal static class Keys
{
    public const int Id = 32;
    /// <summary>Filter of unique indexes over alive rows (valid on SQLite and SQL Server).</summary>
    public const string AliveFilter = "del_flg = '0'";
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organization");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.OwnerOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Kind).HasConversion<int>();
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.OwnerOrgId);
        b.HasIndex(x => x.Name).IsUnique().HasFilter(Keys.AliveFilter);
        // KPI (issue 11): customers of an owner org / of a salesperson, by creation time (ADR 0032)
        b.Property(x => x.SalemanId).HasMaxLength(Keys.Id);
        b.HasIndex(x => new { x.OwnerOrgId, x.Kind, x.CreateAt, x.DelFlg, x.SalemanId })
            .HasDatabaseName(Kboss.Application.Finance.Kpi.KpiIndexes.OrgCustomers);
        b.HasIndex(x => new { x.SalemanId, x.Kind, x.CreateAt, x.DelFlg }).HasDatabaseName(Kboss.Application.Finance.Kpi.KpiIndexes.SalesCustomers);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Username).HasMaxLength(64);
        b.Property(x => x.NormalizedUsername).HasMaxLength(256);
        b.Property(x => x.DisplayName).HasMaxLength(64);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.PasswordHash).HasMaxLength(200);
        b.Property(x => x.Roles).HasMaxLength(200);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.Ignore(x => x.RoleList);
        b.Ignore(x => x.State);
        b.Property(x => x.TokenVersion).IsConcurrencyToken();
        b.HasIndex(x => x.TokensRevokedAtUtc);
        b.HasIndex(x => x.Username).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => x.NormalizedUsername).IsUnique()
            .HasFilter(Keys.AliveFilter + " AND normalized_username IS NOT NULL"); // SQL Server: one NULL per index
        b.HasIndex(x => x.OrgId);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> b)
    {
        b.ToTable("sign_in_throttle");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(200);
        b.Ignore(x => x.IsClean);
        b.HasIndex(x => x.LastFailureUtc);
    }
}

internal sealed class RevokedTokenConfiguration : IEntityTypeConfiguration<RevokedToken>
{
    public void Configure(EntityTypeBuilder<RevokedToken> b)
    {
        b.ToTable("revoked_token");
        b.HasKey(x => x.Jti);
        b.Property(x => x.Jti).HasMaxLength(64);
        b.HasIndex(x => x.ExpiresAtUtc);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.EntityType).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(64);
        b.Property(x => x.Detail).HasMaxLength(4000);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.CreateAt);
    }
}
