using Kboss.Domain.Identity;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>Usernames are unique after NFKC and case folding; invisible characters are refused (ADR 0018).</summary>
public sealed class UsernameTests(AppFixture app) : IClassFixture<AppFixture>
{
    private Task<Response> LoginAsync(string ip, string name) =>
        app.Anonymous().From(ip).PostAsync("/user/login.dspy", ("username", name), ("password", AppFixture.Password));

    private Task<Response> AddAsync(string name) => app.Admin().PostAsync("/user/add_user.dspy", ("username", name),
        ("password", AppFixture.Password), ("roles", "customer"), ("orgid", app.CustomerOrgId));

    [Theory]
    [InlineData("ADMIN")]
    [InlineData("Admin")]
    [InlineData("ａｄｍｉｎ")]
    [InlineData("ＡＤＭＩＮ")]
    public async Task A_name_equal_to_an_existing_one_after_normalisation_is_taken(string name)
    {
        var r = await AddAsync(name);
        r.Status.Should().BeFalse();
        r.Msg.Should().Be("用户名已存在");
        r.Code.Should().Be("conflict");
    }

    [Theory]
    [InlineData("ad\u200Bmin2")]   // zero-width space
    [InlineData("ad\u200Dmin3")]   // zero-width joiner
    [InlineData("\uFEFFadmin4")]   // BOM
    [InlineData("admin\u202Egpj")] // right-to-left override
    [InlineData("user\u2066x\u2069")] // isolates
    [InlineData("soft\u00ADhyphen")]
    public async Task Invisible_direction_and_control_characters_are_refused(string name)
    {
        var r = await AddAsync(name);
        r.Status.Should().BeFalse();
        r.Code.Should().Be("invalid_argument");
        r.Msg.Should().Be("username 不能包含零宽字符、双向控制字符或其他控制字符");
    }

    [Fact]
    public async Task Control_characters_are_refused_by_the_binding()
    {
        var r = await AddAsync("user\u0007bell");
        r.Code.Should().Be("invalid_argument");
        r.Msg.Should().Be("username 包含非法控制字符");
    }

    [Fact]
    public async Task Login_matches_the_normalised_name()
    {
        (await AddAsync("ＭｉｘｅｄＣａｓｅ")).Status.Should().BeTrue();
        foreach (var typed in new[] { "mixedcase", "MIXEDCASE", "ＭｉｘｅｄＣａｓｅ", " MixedCase " })
            (await LoginAsync("10.50.0.1", typed)).Status.Should().BeTrue(typed);
        var stored = await app.Factory.WithDbAsync(db =>
            db.Users.AsNoTracking().SingleAsync(u => u.Username == "ＭｉｘｅｄＣａｓｅ"));
        stored.NormalizedUsername.Should().Be("mixedcase");
    }

    [Fact]
    public async Task Parallel_adds_of_the_same_normalised_name_create_one_user()
    {
        var names = new[] { "racer", "RACER", "Racer", "ｒａｃｅｒ", "rAcEr", "RaCeR" };
        var results = await Task.WhenAll(names.Select(AddAsync));
        results.Count(r => r.Status).Should().Be(1, string.Join("\n", results.Select(r => r.Raw)));
        results.Where(r => !r.Status).Should().OnlyContain(r => r.Msg == "用户名已存在");
    }

    [Fact]
    public async Task Backfill_gives_the_normal_form_to_the_oldest_account_and_never_fails_on_a_clash()
    {
        var hash = await app.Factory.WithDbAsync(db =>
            db.Users.Where(u => u.Username == "cust1").Select(u => u.PasswordHash).SingleAsync());
        User Legacy(string name, int daysAgo) => new()
        {
            Username = name, OrgId = app.CustomerOrgId, PasswordHash = hash, Roles = "customer",
            CreateAt = DateTime.UtcNow.AddDays(-daysAgo),
        };
        var old = Legacy("legacy", 2);
        var newer = Legacy("LEGACY", 1);
        await app.Factory.WithDbAsync(async db =>
        {
            db.Users.AddRange(newer, old);
            await db.SaveChangesAsync();
            await UsernameBackfill.RunAsync(db, NullLogger.Instance, CancellationToken.None);
            await UsernameBackfill.RunAsync(db, NullLogger.Instance, CancellationToken.None);
        });
        var rows = await app.Factory.WithDbAsync(db =>
            db.Users.AsNoTracking().Where(u => u.Id == old.Id || u.Id == newer.Id).ToListAsync());
        rows.Single(u => u.Id == old.Id).NormalizedUsername.Should().Be("legacy");
        rows.Single(u => u.Id == newer.Id).NormalizedUsername.Should().BeNull();
        var asOld = await LoginAsync("10.50.1.1", "Legacy");
        asOld.Data!["user"]!["userid"]!.GetValue<string>().Should().Be(old.Id);
        var asNewer = await LoginAsync("10.50.1.1", "LEGACY");
        asNewer.Status.Should().BeTrue();
        asNewer.Data!["user"]!["userid"]!.GetValue<string>()
            .Should().Be(newer.Id, "the clashing account signs in by its exact name");
    }
}
