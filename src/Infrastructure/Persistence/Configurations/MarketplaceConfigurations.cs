using Kboss.Domain.Marketplace;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.ToTable("site");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.UrlLink).HasMaxLength(500);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.UrlLink).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => x.OrgId);
    }
}

internal sealed class CompanyCategoryConfiguration : IEntityTypeConfiguration<CompanyCategory>
{
    public void Configure(EntityTypeBuilder<CompanyCategory> b)
    {
        b.ToTable("company_category");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.UrlLink).HasMaxLength(500);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.UrlLink, x.Name }).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => new { x.UrlLink, x.CreateAt });
    }
}

internal sealed class ProductCategoryConfiguration : IEntityTypeConfiguration<ProductCategory>
{
    public void Configure(EntityTypeBuilder<ProductCategory> b)
    {
        b.ToTable("product_category");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.ParentId).HasMaxLength(Keys.Id);
        b.Property(x => x.UrlLink).HasMaxLength(500);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.Permission).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.CartFlag).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.UrlLink, x.ParentId, x.Name });
        b.HasIndex(x => x.UrlLink);
        b.HasIndex(x => x.ParentId);
    }
}

internal sealed class PublishProductConfiguration : IEntityTypeConfiguration<PublishProduct>
{
    public void Configure(EntityTypeBuilder<PublishProduct> b)
    {
        b.ToTable("publish_product");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UrlLink).HasMaxLength(500);
        b.Property(x => x.PublishType).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.CartFlag).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.Img).HasMaxLength(1000);
        b.Property(x => x.ProductName).HasMaxLength(200);
        b.Property(x => x.ProductCategory).HasMaxLength(1000);
        b.Property(x => x.CompanyName).HasMaxLength(200);
        b.Property(x => x.CompanyType).HasMaxLength(100);
        b.Property(x => x.ContactPerson).HasMaxLength(50);
        b.Property(x => x.JobTitle).HasMaxLength(50);
        b.Property(x => x.PhoneNumber).HasMaxLength(30);
        b.Property(x => x.Email).HasMaxLength(100);
        b.Property(x => x.Cpu).HasMaxLength(200);
        b.Property(x => x.Memeory).HasMaxLength(200);
        b.Property(x => x.Gpu).HasMaxLength(200);
        b.Property(x => x.SysDisk).HasMaxLength(200);
        b.Property(x => x.DataDisk).HasMaxLength(200);
        b.Property(x => x.NetCard).HasMaxLength(200);
        b.Property(x => x.Price).HasPrecision(19, 4);
        b.Property(x => x.Unit).HasMaxLength(20);
        b.Property(x => x.Discount).HasPrecision(19, 4);
        b.Property(x => x.DiscountPrice).HasPrecision(19, 4);
        b.Property(x => x.ServiceCharge).HasPrecision(19, 4);
        b.Property(x => x.ShortTerm).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.Label).HasMaxLength(50);
        b.Property(x => x.FirstPage).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.RequirementSummary).HasMaxLength(4000);
        b.Property(x => x.RelatedParameters).HasMaxLength(4000);
        b.Property(x => x.ApplicationScenario).HasMaxLength(4000);
        b.Property(x => x.AuditStatus).HasMaxLength(10).IsUnicode(false);
        b.Property(x => x.ListingStatus).HasMaxLength(10).IsUnicode(false);
        b.Property(x => x.RejectReason).HasMaxLength(500);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.Ignore(x => x.Status);
        b.Ignore(x => x.State);
        b.HasMany(x => x.Categories).WithOne().HasForeignKey(c => c.ProductId);
        // Public lists (square / homepage): visibility, type, then the order priority desc, create_at desc.
        b.HasIndex(x => new { x.AuditStatus, x.ListingStatus, x.PublishType, x.FirstPage, x.Priority, x.CreateAt });
        // Back office: an org's items, a user's items, newest first; site and company filters.
        b.HasIndex(x => new { x.OrgId, x.CreateAt });
        b.HasIndex(x => new { x.UserId, x.CreateAt });
        b.HasIndex(x => x.UrlLink);
        b.HasIndex(x => x.CompanyType);
    }
}

internal sealed class PublishProductCategoryConfiguration : IEntityTypeConfiguration<PublishProductCategory>
{
    public void Configure(EntityTypeBuilder<PublishProductCategory> b)
    {
        b.ToTable("publish_product_category");
        b.HasKey(x => new { x.ProductId, x.CategoryId });
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.CategoryId).HasMaxLength(Keys.Id);
        b.HasIndex(x => new { x.CategoryId, x.ProductId });
    }
}

internal sealed class UserBrowseHistoryConfiguration : IEntityTypeConfiguration<UserBrowseHistory>
{
    public void Configure(EntityTypeBuilder<UserBrowseHistory> b)
    {
        b.ToTable("user_browse_history");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.IpAddress).HasMaxLength(64);
        b.Property(x => x.UserAgent).HasMaxLength(500);
        b.Property(x => x.Priority).HasMaxLength(20);
        b.Property(x => x.Tag).HasMaxLength(50);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.UserId, x.ProductId }).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => new { x.UserId, x.BrowseTime });
        b.HasIndex(x => x.ProductId);
    }
}

internal sealed class UserFavoriteConfiguration : IEntityTypeConfiguration<UserFavorite>
{
    public void Configure(EntityTypeBuilder<UserFavorite> b)
    {
        b.ToTable("user_favorite");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.FavoriteType).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.Tag).HasMaxLength(50);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.UserId, x.ProductId }).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => new { x.UserId, x.FavoriteType, x.CreateAt });
        b.HasIndex(x => x.ProductId);
    }
}
