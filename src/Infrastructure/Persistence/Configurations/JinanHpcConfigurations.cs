using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class HpcAccountConfiguration : IEntityTypeConfiguration<HpcAccount>
{
    public void Configure(EntityTypeBuilder<HpcAccount> b)
    {
        b.ToTable("hpc_ldap_account");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OperatorOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.LdapUid).HasMaxLength(HpcAccount.CodeLength);
        b.Property(x => x.ClusterCode).HasMaxLength(HpcAccount.CodeLength);
        b.Property(x => x.QueueCode).HasMaxLength(HpcAccount.CodeLength);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.SyncStatus).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        // one live account per ldapuid in a pool, one live account per bound org (analysis/vendors.md §2.1, §6 #11)
        b.HasIndex(x => new { x.OperatorOrgId, x.LdapUid }).IsUnique().HasFilter("del_flg = '0'");
        b.HasIndex(x => x.OrgId).IsUnique().HasFilter("org_id IS NOT NULL AND del_flg = '0'");
    }
}

internal sealed class HpcSyncInfoConfiguration : IEntityTypeConfiguration<HpcSyncInfo>
{
    public void Configure(EntityTypeBuilder<HpcSyncInfo> b)
    {
        b.ToTable("hpc_sync_info");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.OperatorOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.SalesUserId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(HpcAccount.CodeLength);
        b.Property(x => x.ProductName).HasMaxLength(200);
        b.Property(x => x.SyncStatus).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.LdapUid).HasMaxLength(HpcAccount.CodeLength);
        b.Property(x => x.ClusterCode).HasMaxLength(HpcAccount.CodeLength);
        b.Property(x => x.QueueCode).HasMaxLength(HpcAccount.CodeLength);
        b.Property(x => x.VendorRef).HasMaxLength(64);
        b.Property(x => x.Amount).HasPrecision(FinanceColumns.Precision, FinanceColumns.Scale);
        b.Property(x => x.LastError).HasMaxLength(200);
        b.HasIndex(x => new { x.OrgId, x.SyncStatus });
        b.HasIndex(x => new { x.OperatorOrgId, x.SyncStatus });
        b.HasIndex(x => x.SalesUserId);
    }
}
