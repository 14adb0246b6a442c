using System.Security.Cryptography;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Infrastructure.Seeding;

/// <summary>
/// Start-up work, in order: apply the provider's migrations; on SQLite switch to WAL; import a file key ring and load
/// (or generate) the shared JWT signing key (ADR 0019); fill in normalised user names (<see cref="UsernameBackfill"/>);
/// create the platform org and
/// the initial admin when there are no users (password from <c>Bootstrap:AdminPassword</c>, else generated and
/// printed once); load the demo centre when <c>Demo:Enabled</c> and it is absent; load revoked token ids and
/// token generations.
/// </summary>
public sealed class DatabaseInitializer(KbossDbContext db, KbossOptions options, IPasswordHasher hasher,
    ISecretProtector secrets, IPlatformSettings settings, JwtTokenService tokens, JwtSigningKey signingKey,
    TimeProvider clock, ILogger<DatabaseInitializer> log)
{
    /// <summary>Runs every step.</summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await ImportFileKeyRingAsync(ct);
        await signingKey.LoadAsync(db, clock, ct);
        await UsernameBackfill.RunAsync(db, log, ct);
        var platformOrgId = await BootstrapAdminAsync(ct);
        if (options.DemoEnabled) await SeedDemoAsync(platformOrgId, ct);
        await tokens.LoadAsync(db, ct);
    }

    /// <summary>
    /// Moves the Data Protection keys a single-node version kept in <c>{DataFolder}/keys</c> into the database when it
    /// holds none yet, so secrets encrypted before the upgrade stay readable (on every node).
    /// </summary>
    private async Task ImportFileKeyRingAsync(CancellationToken ct)
    {
        var folder = new DirectoryInfo(Path.Combine(options.DataFolder, "keys"));
        if (!folder.Exists || await db.DataProtectionKeys.AnyAsync(ct)) return;
        var files = folder.GetFiles("*.xml");
        foreach (var f in files)
            db.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(f.Name),
                Xml = await File.ReadAllTextAsync(f.FullName, ct),
            });
        await db.SaveChangesAsync(ct);
        if (files.Length > 0)
            log.LogInformation("Imported {Count} Data Protection keys from {Folder} into the database", files.Length,
                folder.FullName);
    }

    private async Task<string> BootstrapAdminAsync(CancellationToken ct)
    {
        var platform = await db.Organizations.FirstOrDefaultAsync(o => o.Kind == OrgKind.Operator && o.OwnerOrgId == null, ct);
        if (platform is null)
        {
            platform = new Organization { Name = "kboss 平台", Kind = OrgKind.Operator };
            db.Organizations.Add(platform);
        }
        if (!await db.Users.IgnoreQueryFilters().AnyAsync(ct))
        {
            var password = options.AdminPassword;
            var generated = string.IsNullOrEmpty(password);
            if (generated) password = GeneratePassword();
            db.Users.Add(new User
            {
                Username = options.AdminUsername, NormalizedUsername = UsernameRules.Normalize(options.AdminUsername),
                DisplayName = "平台管理员", OrgId = platform.Id,
                PasswordHash = hasher.Hash(password!), Roles = Roles.Admin,
            });
            if (generated)
                log.LogWarning("Initial admin created. Username: {Username} Password: {Password} (shown once; set Bootstrap:AdminPassword to choose it)",
                    options.AdminUsername, password);
            else
                log.LogInformation("Initial admin {Username} created with the configured Bootstrap:AdminPassword", options.AdminUsername);
        }
        await db.SaveChangesAsync(ct);
        return platform.Id;
    }

    private async Task SeedDemoAsync(string platformOrgId, CancellationToken ct)
    {
        if (await db.ComputeCenters.IgnoreQueryFilters().AnyAsync(c => c.Id == DemoData.CenterId, ct)) return;
        if (!await db.Organizations.AnyAsync(o => o.Id == DemoData.OrgId, ct)) db.Organizations.Add(DemoData.Org(platformOrgId));
        var (center, chaoyang, tongzhou, widgets) = DemoData.Build(DemoData.OrgId,
            secrets.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18))), settings.TimeZone, specIds: true);
        db.ComputeCenters.Add(center);
        db.Clusters.AddRange(chaoyang, tongzhou);
        db.Widgets.AddRange(widgets);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Demo centre {CenterId} with {Count} widgets loaded", center.Id, widgets.Count);
    }

    private static string GeneratePassword() =>
        "Kb" + RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 14) + "9";
}
