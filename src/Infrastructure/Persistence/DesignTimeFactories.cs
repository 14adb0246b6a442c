using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Kboss.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteKbossDbContext</c> build the SQLite context.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKbossDbContext>
{
    public SqliteKbossDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKbossDbContext>()
            .UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable("__ef_migrations_history")).Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqlServerKbossDbContext</c> build the SQL Server context (no server needed).</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerKbossDbContext>
{
    public SqlServerKbossDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerKbossDbContext>()
            .UseSqlServer("Server=localhost;Database=kboss;Trusted_Connection=True;TrustServerCertificate=True",
                s => s.MigrationsHistoryTable("__ef_migrations_history")).Options);
}
