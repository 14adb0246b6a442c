using Kboss.Domain.Common;
using Kboss.Domain.Identity;

namespace Kboss.Domain.UnitTests;

/// <summary>Account state changes of <see cref="User"/> (ADR 0025).</summary>
public sealed class UserTransitionTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_password_ends_every_session_issued_before()
    {
        var u = new User { PasswordHash = "old" };
        u.SetPassword("new", Now).Ok.Should().BeTrue();
        u.PasswordHash.Should().Be("new");
        u.TokenVersion.Should().Be(1);
        u.TokensRevokedAtUtc.Should().Be(Now);
        u.SetPassword("newer", Now.AddMinutes(1));
        u.TokenVersion.Should().Be(2);
    }

    [Fact]
    public void An_empty_hash_is_refused_and_changes_nothing()
    {
        var u = new User { PasswordHash = "old" };
        u.SetPassword("", Now).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);
        u.PasswordHash.Should().Be("old");
        u.TokenVersion.Should().Be(0);
    }

    [Fact]
    public void Disabling_ends_the_sessions_once_and_enabling_does_not_revive_them()
    {
        var u = new User();
        u.Disable("someone-else", Now).Ok.Should().BeTrue();
        u.Disabled.Should().BeTrue();
        u.State.Should().Be("disabled");
        u.TokenVersion.Should().Be(1);
        u.Disable("someone-else", Now.AddMinutes(1)).Ok.Should().BeTrue(); // already disabled: unchanged
        u.TokenVersion.Should().Be(1);
        u.Enable().Ok.Should().BeTrue();
        u.Disabled.Should().BeFalse();
        u.State.Should().Be("active");
        u.TokenVersion.Should().Be(1);
    }

    [Fact]
    public void Nobody_disables_its_own_account()
    {
        var u = new User();
        var r = u.Disable(u.Id, Now);
        r.Failure.Should().Be(new Failure(FailureKind.Conflict, User.SelfDisableMessage));
        u.Disabled.Should().BeFalse();
        u.TokenVersion.Should().Be(0);
    }
}
