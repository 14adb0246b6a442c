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
    private readonly string _folder =
        Path.Combine(Path.GetTempPath(), "kboss-sqlite-tests", Guid.NewGuid().ToString("N"));
    private readonly string _connectionString;

    public SiteOwnershipBackfillTests()
    {
        Directory.CreateDirectory(_folder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "kboss.db"), Pooling = false,
        }.ToString();
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

    private static Organization Org(string id, OrgKind kind, string? owner = null) =>
        new() { Id = id, Name = id, Kind = kind, OwnerOrgId = owner };

    private static User Member(string id, string org, string role) =>
        new() { Id = id, Username = id, OrgId = org, Roles = role };

    private static CompanyCategory Company(string id, string site, string org, int at) =>
        new() { Id = id, Name = id, UrlLink = site, OrgId = org, UserId = "u" + org, CreateAt = At(at) };

    private static ProductCategory Category(string id, string site, string org, int at) =>
        new() { Id = id, Name = id, UrlLink = site, OrgId = org, UserId = "u" + org, CreateAt = At(at) };

    private static PublishProduct Item(string id, string site, string org, int at) =>
        new() { Id = id, UrlLink = site, OrgId = org, UserId = "u" + org, CreateAt = At(at) };

    private static AuditEntry Saved(string org, string action, int at) =>
        new() { OrgId = org, Action = action, EntityType = "wlwl_parameter", EntityId = "w1", CreateAt = At(at) };

    [Fact]
    public void Existing_rows_give_each_site_smart_product_and_price_row_an_owner()
    {
        using (var db = CreateContext())
        {
            db.Organizations.AddRange(Org("A", OrgKind.Operator), Org("B", OrgKind.Operator),
                Org("C", OrgKind.Customer, owner: "A"));
            db.Users.AddRange(Member("uA", "A", Roles.Operator), Member("uB", "B", Roles.Operator),
                Member("salesA", "A", Roles.Sales), Member("uC", "C", Roles.Customer));
            // s1: A's company category is older than B's product category → A
            db.CompanyCategories.Add(Company("cc1", "https://s1", "A", 1));
            db.ProductCategories.Add(Category("pc1", "https://s1", "B", 2));
            // s2: only B's homepage node → B
            db.HomepageCategoryNodes.Add(new HomepageCategoryNode
            {
                Id = "hn2", Name = "x", UrlLink = "https://s2", OrgId = "B", UserId = "uB", CreateAt = At(3),
            });
            // s3: a customer's older item does not claim; B's later category does
            db.PublishProducts.Add(Item("pp3", "https://s3", "C", 0));
            db.CompanyCategories.Add(Company("cc3", "https://s3", "B", 5));
            // s4: already registered to A; B's older row does not take it
            db.Sites.Add(new Site { Id = "site4", UrlLink = "https://s4", OrgId = "A", CreateAt = At(9) });
            db.ProductCategories.Add(Category("pc4", "https://s4", "B", 0));
            // s5: an operator's item is its only row → that operator; rows without a site claim nothing
            db.PublishProducts.Add(Item("pp5", "https://s5", "A", 4));
            db.CompanyCategories.Add(Company("cc0", "", "B", 0));
            db.SmartProducts.AddRange(
                new SmartProduct { Id = "sp1", ProductModel = "m", CardType = "c", UserId = "salesA" },
                new SmartProduct { Id = "sp2", ProductModel = "m", CardType = "c", UserId = "gone" });
            db.WlwlParameters.Add(new WlwlParameter
            {
                Id = "w1", HighSchool = "h", ChaosuanCenter = "c", RouteNum = "1", Broadband = "1G", Distance = "d",
            });
            db.AuditEntries.AddRange(Saved("A", "catalog.wlwl.saved", 2), Saved("B", "catalog.wlwl.saved", 1),
                Saved("A", "catalog.wlwl.deleted", 0));
            db.SaveChanges();

            RunBackfill(db);
            RunBackfill(db); // idempotent
        }

        using var check = CreateContext();
        check.Sites.AsNoTracking().OrderBy(s => s.UrlLink).Select(s => new { s.UrlLink, s.OrgId, s.Id }).ToList()
            .Should().Equal(
                new { UrlLink = "https://s1", OrgId = "A", Id = "cc1" },
                new { UrlLink = "https://s2", OrgId = "B", Id = "hn2" },
                new { UrlLink = "https://s3", OrgId = "B", Id = "cc3" },
                new { UrlLink = "https://s4", OrgId = "A", Id = "site4" },
                new { UrlLink = "https://s5", OrgId = "A", Id = "pp5" });
        check.Sites.AsNoTracking().Single(s => s.UrlLink == "https://s1").UserId.Should().Be("uA");
        check.SmartProducts.AsNoTracking().OrderBy(p => p.Id).Select(p => p.OrgId).ToList().Should().Equal("A", "");
        check.WlwlParameters.AsNoTracking().Single(w => w.Id == "w1").OrgId.Should().Be("B");
        check.WlwlParameters.AsNoTracking().Single(w => w.Id == WlwlSeedId).OrgId
            .Should().BeNull("the seeded row is the platform's");
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
            .UseSqlServer("Server=localhost;Database=kboss;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
        UpSql(sqlServer).Should().Contain(SiteOwnershipBackfill.All);
    }
}
