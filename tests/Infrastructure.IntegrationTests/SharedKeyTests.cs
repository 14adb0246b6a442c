using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>The generated JWT key lives in the database: nodes starting at once end with one key (ADR 0019).</summary>
public sealed class SharedKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kboss-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, true);

    private SqliteKbossDbContext Db() => new(new DbContextOptionsBuilder<SqliteKbossDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_folder, "kboss.db")};Default Timeout=30",
            s => s.MigrationsHistoryTable("__ef_migrations_history")).Options);

    [Fact]
    public async Task Nodes_starting_at_once_share_one_generated_key_and_a_configured_key_wins()
    {
        await using (var db = Db()) await db.Database.MigrateAsync();
        var options = new KbossOptions { DataFolder = _folder };
        var keys = Enumerable.Range(0, 6).Select(_ => new JwtSigningKey(options)).ToList();
        await Task.WhenAll(keys.Select(async k =>
        {
            await using var db = Db();
            await k.LoadAsync(db, TimeProvider.System, default);
        }));
        keys.Select(k => Convert.ToBase64String(k.Key.Key)).Distinct().Should().ContainSingle();
        keys[0].Key.Key.Should().HaveCount(64);
        await using (var db = Db()) (await db.SharedKeys.CountAsync()).Should().Be(1);

        var configured = new JwtSigningKey(new KbossOptions { DataFolder = _folder, JwtSigningKey = new('k', 40) });
        await using (var db = Db()) await configured.LoadAsync(db, TimeProvider.System, default);
        configured.Key.Key.Should().Equal(System.Text.Encoding.UTF8.GetBytes(new string('k', 40)));
    }
}
