using Kboss.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kboss.Infrastructure.Persistence.Configurations;

internal sealed class SpecificationTemplateConfiguration : IEntityTypeConfiguration<SpecificationTemplate>
{
    public void Configure(EntityTypeBuilder<SpecificationTemplate> b)
    {
        b.ToTable("specification_template");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.PatternName).HasMaxLength(200);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.SpecPattern).HasMaxLength(65536);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.ProductId, x.CreateAt });
        b.HasIndex(x => new { x.OrgId, x.CreateAt });
    }
}

internal sealed class SpecificDataConfiguration : IEntityTypeConfiguration<SpecificData>
{
    public void Configure(EntityTypeBuilder<SpecificData> b)
    {
        b.ToTable("specific_data");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.SpecData).HasMaxLength(65536);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.ProductId, x.CreateAt });
        b.HasIndex(x => new { x.OrgId, x.CreateAt });
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.ToTable("provider");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Prefix).HasMaxLength(50);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.Property(x => x.State).HasMaxLength(10);
        b.Property(x => x.SaleMode).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => x.Prefix);
        b.HasIndex(x => x.OrgId);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("product");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderPid).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Label).HasMaxLength(200);
        b.Property(x => x.ProductGroup).HasMaxLength(50);
        b.Property(x => x.PType).HasColumnName("ptype").HasMaxLength(50);
        b.Property(x => x.Classify).HasMaxLength(100);
        b.Property(x => x.State).HasMaxLength(10);
        b.Property(x => x.SaleMode).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.ProductCode).HasMaxLength(100);
        b.Property(x => x.SpecNote).HasMaxLength(4000);
        b.Property(x => x.ProductArea).HasMaxLength(100);
        b.Property(x => x.SpecificPattern).HasMaxLength(65536);
        b.Property(x => x.ResellerOrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasOne(x => x.Provider).WithMany(p => p.Products).HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ResellerOrgId, x.ProductGroup, x.CreateAt });
        b.HasIndex(x => new { x.ProviderId, x.ProductGroup, x.CreateAt });
        b.HasIndex(x => x.ProductCode);
    }
}

internal sealed class WlwlParameterConfiguration : IEntityTypeConfiguration<WlwlParameter>
{
    /// <summary>Id of the row seeded from the spec's example.</summary>
    public const string SpecExampleId = "wlwlSpecExample000001";

    public void Configure(EntityTypeBuilder<WlwlParameter> b)
    {
        b.ToTable("wlwl_parameter");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.HighSchool).HasMaxLength(100);
        b.Property(x => x.ChaosuanCenter).HasMaxLength(100);
        b.Property(x => x.RouteNum).HasMaxLength(50);
        b.Property(x => x.Broadband).HasMaxLength(50);
        b.Property(x => x.Price).HasPrecision(19, 4);
        b.Property(x => x.Distance).HasMaxLength(50);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.HasIndex(x => x.OrgId);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.HighSchool, x.ChaosuanCenter, x.RouteNum, x.Broadband }).IsUnique().HasFilter(Keys.AliveFilter);
        b.HasIndex(x => new { x.ChaosuanCenter, x.Sort });
        b.HasIndex(x => x.Sort);
        // The one combination the spec documents (03-product-catalog.md: 'price': '350000', 'distance': '长距离').
        // The doc does not name its route count and bandwidth; the row is business data operators replace or extend
        // through /product/wlwl_parameter_save.dspy (ADR 0008).
        var seededAt = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
        b.HasData(new WlwlParameter
        {
            Id = SpecExampleId, HighSchool = "上海交通大学", ChaosuanCenter = "济南超算", RouteNum = "1", Broadband = "10G",
            Price = 350000m, Distance = "长距离", Sort = 1, CreateAt = seededAt, UpdateTime = seededAt,
        });
    }
}

internal sealed class HomepageCategoryNodeConfiguration : IEntityTypeConfiguration<HomepageCategoryNode>
{
    public void Configure(EntityTypeBuilder<HomepageCategoryNode> b)
    {
        b.ToTable("homepage_category_tree");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.UrlLink).HasMaxLength(500);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.ParentId).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Icon).HasMaxLength(1000);
        b.Property(x => x.Source).HasMaxLength(100);
        b.Property(x => x.ListUrl).HasMaxLength(1000);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.UrlLink, x.Priority });
        b.HasIndex(x => new { x.OrgId, x.Name });
        b.HasIndex(x => x.ParentId);
    }
}

internal sealed class UserInquiryConfiguration : IEntityTypeConfiguration<UserInquiry>
{
    public void Configure(EntityTypeBuilder<UserInquiry> b)
    {
        b.ToTable("user_inquiry");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.UrlLink).HasMaxLength(500);
        b.Property(x => x.OrgId).HasMaxLength(Keys.Id);
        b.Property(x => x.PublishType).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.RelateId).HasMaxLength(Keys.Id);
        b.Property(x => x.Content).HasMaxLength(2000);
        b.Property(x => x.CustomType).HasMaxLength(50);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.Property(x => x.Company).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Feedback).HasMaxLength(1).IsUnicode(false);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.OrgId, x.UrlLink, x.CreateAt });
        b.HasIndex(x => new { x.UrlLink, x.CreateAt });
        b.HasIndex(x => x.RelateId);
    }
}

internal sealed class CustomerResourceConfiguration : IEntityTypeConfiguration<CustomerResource>
{
    public void Configure(EntityTypeBuilder<CustomerResource> b)
    {
        b.ToTable("customer_resource");
        b.Property(x => x.Id).HasMaxLength(Keys.Id);
        b.Property(x => x.CustomerId).HasMaxLength(Keys.Id);
        b.Property(x => x.UserId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrderId).HasMaxLength(Keys.Id);
        b.Property(x => x.OrderGoodsId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProductId).HasMaxLength(Keys.Id);
        b.Property(x => x.ProviderId).HasMaxLength(Keys.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.InstanceId).HasMaxLength(200);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.DelFlg).HasMaxLength(1).IsUnicode(false);
        b.HasIndex(x => new { x.UserId, x.ExpireTime });
        b.HasIndex(x => new { x.UserId, x.ProductId });
        b.HasIndex(x => new { x.CustomerId, x.ExpireTime });
        b.HasIndex(x => x.OrderId);
    }
}
