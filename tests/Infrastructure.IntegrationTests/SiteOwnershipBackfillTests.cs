using Kboss.Domain.Audit;
using Kboss.Domain.Catalog;
using Kboss.Domain.Identity;
using Kboss.Domain.Marketplace;
using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.Persistence.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// The data backfill of the <c>SiteOwnership</c> migration (ADR 0017) on a real SQLite file holding rows written before
/// sites had owners: each url_link goes to the org of its earliest row, smart products to their creator's org, price
/// rows to the org that first saved them; a second run changes nothing. Both providers' migrations run the backfill.
/// </summary>
public sealed class SiteOwnershipBackfillTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kboss-sqlite-tests", Guid.NewGuid().ToString("N"));
    private readonly string _connectionString;

    public SiteOwnershipBackfillTests()
    {
        Directory.CreateDirectory(_folder);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "kboss.db"), Pooling = false }.ToString();
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* best effort */ }
    }

    private SqliteKbossDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqliteKbossDbContext>()
            .UseSqlite(_connectionString, s => s.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(new TimestampInterceptor(TimeProvider.System))
            .Options);

    private static DateTime At(int minutes) => T0.AddMinutes(minutes);

    private static void RunBackfill(DbContext db)
    {
        foreach (var sql in SiteOwnershipBackfill.All) db.Database.ExecuteSqlRaw(sql);
    }

    [Fact]
    public void Existing_rows_give_each_site_smart_product_and_price_row_an_owner()
    {
        using (var db = CreateContext())
        {
            Organization Org(string id, OrgKind kind, string? owner = null) => new() { Id = id, Name = id, Kind = kind, OwnerOrgId = owner };
            db.Organizations.AddRange(Org("orgA", OrgKind.Operator), Org("orgB", OrgKind.Operator), Org("orgC", OrgKind.Customer, "orgA"));
            db.Users.AddRange(
                new User { Id = "userA", Username = "a", OrgId = "orgA", Roles = Roles.Operator },
                new User { Id = "userB", Username = "b", OrgId = "orgB", Roles = Roles.Operator },
                new User { Id = "salesA", Username = "s", OrgId = "orgA", Roles = Roles.Sales },
                new User { Id = "userC", Username = "c", OrgId = "orgC", Roles = Roles.Customer });
            // site1: A's company category is older than B's product category → A
            db.CompanyCategories.Add(new CompanyCategory { Id = "cc1", Name = "x", UrlLink = "https://s1", OrgId = "orgA", UserId = "userA", CreateAt = At(1) });
            db.ProductCategories.Add(new ProductCategory { Id = "pc1", Name = "x", UrlLink = "https://s1", OrgId = "orgB", UserId = "userB", CreateAt = At(2) });
            // site2: only B's homepage node → B
            db.HomepageCategoryNodes.Add(new HomepageCategoryNode { Id = "hn2", Name = "x", UrlLink = "https://s2", OrgId = "orgB", UserId = "userB", CreateAt = At(3) });
            // site3: a customer's older item does not claim; B's later category does
            db.PublishProducts.Add(new PublishProduct { Id = "pp3", UrlLink = "https://s3", OrgId = "orgC", UserId = "userC", CreateAt = At(0) });
            db.CompanyCategories.Add(new CompanyCategory { Id = "cc3", Name = "x", UrlLink = "https://s3", OrgId = "orgB", UserId = "userB", CreateAt = At(5) });
            // site4: already registered to A; B's older row does not take it
            db.Sites.Add(new Site { Id = "site4", UrlLink = "https://s4", OrgId = "orgA", CreateAt = At(9) });
            db.ProductCategories.Add(new ProductCategory { Id = "pc4", Name = "x", UrlLink = "https://s4", OrgId = "orgB", CreateAt = At(0) });
            // site5: an operator's item is its only row → that operator
            db.PublishProducts.Add(new PublishProduct { Id = "pp5", UrlLink = "https://s5", OrgId = "orgA", UserId = "userA", CreateAt = At(4) });
            // rows without a site claim nothing
            db.CompanyCategories.Add(new CompanyCategory { Id = "cc0", Name = "x", UrlLink = "", OrgId = "orgB", CreateAt = At(0) });
            db.SmartProducts.AddRange(
                new SmartProduct { Id = "sp1", ProductModel = "m", CardType = "c", UserId = "salesA" },
                new SmartProduct { Id = "sp2", ProductModel = "m", CardType = "c", UserId = "gone" });
            db.WlwlParameters.Add(new WlwlParameter { Id = "w1", HighSchool = "h", ChaosuanCenter = "c", RouteNum = "1", Broadband = "1G", Distance = "d" });
            db.AuditEntries.AddRange(
                new AuditEntry { OrgId = "orgA", Action = "catalog.wlwl.saved", EntityType = "wlwl_parameter", EntityId = "w1", CreateAt = At(2) },
                new AuditEntry { OrgId = "orgB", Action = "catalog.wlwl.saved", EntityType = "wlwl_parameter", EntityId = "w1", CreateAt = At(1) },
                new AuditEntry { OrgId = "orgA", Action = "catalog.wlwl.deleted", EntityType = "wlwl_parameter", EntityId = "w1", CreateAt = At(0) });
            db.SaveChanges();

            RunBackfill(db);
            RunBackfill(db); // idempotent
        }

        using var check = CreateContext();
        check.Sites.AsNoTracking().OrderBy(s => s.UrlLink).Select(s => new { s.UrlLink, s.OrgId, s.Id }).ToList()
            .Should().Equal(
                new { UrlLink = "https://s1", OrgId = "orgA", Id = "cc1" },
                new { UrlLink = "https://s2", OrgId = "orgB", Id = "hn2" },
                new { UrlLink = "https://s3", OrgId = "orgB", Id = "cc3" },
                new { UrlLink = "https://s4", OrgId = "orgA", Id = "site4" },
                new { UrlLink = "https://s5", OrgId = "orgA", Id = "pp5" });
        check.Sites.AsNoTracking().Single(s => s.UrlLink == "https://s1").UserId.Should().Be("userA");
        check.SmartProducts.AsNoTracking().OrderBy(p => p.Id).Select(p => p.OrgId).ToList().Should().Equal("orgA", "");
        check.WlwlParameters.AsNoTracking().Single(w => w.Id == "w1").OrgId.Should().Be("orgB");
        check.WlwlParameters.AsNoTracking().Single(w => w.Id == WlwlSeedId).OrgId.Should().BeNull("the seeded row is the platform's");
    }

    private const string WlwlSeedId = "wlwlSpecExample000001";

    [Fact]
    public void The_migration_of_each_provider_runs_the_backfill()
    {
        static IEnumerable<string> UpSql(DbContext db)
        {
            var assembly = db.GetService<IMigrationsAssembly>();
            return assembly.Migrations.Values
                .Select(type => assembly.CreateMigration(type, db.Database.ProviderName!))
                .SelectMany(m => m.UpOperations.OfType<SqlOperation>().Select(o => o.Sql));
        }
        using var sqlite = CreateContext();
        UpSql(sqlite).Should().Contain(SiteOwnershipBackfill.All);
        using var sqlServer = new SqlServerKbossDbContext(new DbContextOptionsBuilder<SqlServerKbossDbContext>()
            .UseSqlServer("Server=localhost;Database=kboss;Trusted_Connection=True;TrustServerCertificate=True").Options);
        UpSql(sqlServer).Should().Contain(SiteOwnershipBackfill.All);
    }
}
