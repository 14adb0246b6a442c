using System.Security.Cryptography;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>The database, its WAL files, key files and the generated JWT key are 0600 (ADR 0018).</summary>
public sealed class DataFilePermissionTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static async Task LoginAsync(KbossFactory factory) =>
        (await new Api(factory.CreateClient()).PostAsync("/user/login.dspy", ("username", "admin"),
            ("password", KbossFactory.AdminPassword))).Status.Should().BeTrue();

    [Fact]
    public async Task Files_created_by_a_fresh_start_are_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        using var factory = new KbossFactory();
        await LoginAsync(factory);
        var folder = factory.DataFolder;
        // Keys live in the database now (ADR 0019): the database and its WAL files are all there is to protect.
        var files = new[] { "kboss.db", "kboss.db-wal", "kboss.db-shm" }.Select(f => Path.Combine(folder, f)).ToList();
        Directory.Exists(Path.Combine(folder, "keys")).Should().BeFalse("the key ring is stored in the database");
        File.Exists(Path.Combine(folder, "jwt-signing.key")).Should().BeFalse("the JWT key is stored in the database");
        foreach (var file in files) File.GetUnixFileMode(file).Should().Be(OwnerOnly, file);
    }

    [Fact]
    public async Task Files_left_world_readable_by_an_earlier_version_are_made_owner_only_at_start()
    {
        if (OperatingSystem.IsWindows()) return;
        using var factory = new KbossFactory();
        Directory.CreateDirectory(Path.Combine(factory.DataFolder, "keys"));
        var worldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var db = Path.Combine(factory.DataFolder, "kboss.db");
        var key = Path.Combine(factory.DataFolder, "jwt-signing.key");
        await File.WriteAllBytesAsync(db, []);
        await File.WriteAllTextAsync(key, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        foreach (var f in new[] { db, key }) File.SetUnixFileMode(f, worldReadable);
        await LoginAsync(factory);
        File.GetUnixFileMode(db).Should().Be(OwnerOnly);
        File.GetUnixFileMode(key).Should().Be(OwnerOnly);
    }
}
