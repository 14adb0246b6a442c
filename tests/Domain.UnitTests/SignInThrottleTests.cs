using Kboss.Domain.Identity;

namespace Kboss.Domain.UnitTests;

/// <summary>The throttle rules of ADR 0018.</summary>
public sealed class SignInThrottleTests
{
    private static readonly ThrottlePolicy Policy =
        new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(60));
    private static readonly DateTime Now = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(10, 32)]
    [InlineData(11, 60)]
    [InlineData(1000, 60)]
    public void Waits_double_from_the_allowance_up_to_the_cap(int failures, int seconds) =>
        Policy.DelayAfter(failures).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void In_flight_attempts_use_the_allowance_and_a_success_gives_it_back()
    {
        var t = new SignInThrottle();
        for (var i = 0; i < 5; i++) t.TryReserve(Now, Policy).Should().Be(ReserveResult.Allowed);
        t.TryReserve(Now, Policy).Should().Be(ReserveResult.Saturated, "five checks are in flight");
        t.RecordSuccess(reserved: true, forgetFailures: true);
        t.TryReserve(Now, Policy).Should().Be(ReserveResult.Allowed);
    }

    [Fact]
    public void After_the_allowance_one_attempt_per_wait()
    {
        var t = new SignInThrottle();
        for (var i = 0; i < 5; i++)
        {
            t.TryReserve(Now, Policy).Should().Be(ReserveResult.Allowed);
            t.RecordFailure(Now, Policy, reserved: true);
        }
        t.TryReserve(Now, Policy).Should().Be(ReserveResult.Blocked);
        t.WaitAt(Now).Should().Be(TimeSpan.FromSeconds(1));
        var later = Now.AddSeconds(1);
        t.TryReserve(later, Policy).Should().Be(ReserveResult.Allowed);
        t.TryReserve(later, Policy).Should().Be(ReserveResult.Saturated);
        t.RecordFailure(later, Policy, reserved: true);
        t.WaitAt(later).Should().Be(TimeSpan.FromSeconds(2));
        t.TryReserve(later, Policy, ignoreBlock: true).Should().Be(ReserveResult.Allowed, "a clean address's bypass");
    }

    [Fact]
    public void Failures_are_forgotten_after_the_window_and_stuck_attempts_after_the_timeout()
    {
        var t = new SignInThrottle();
        t.TryReserve(Now, Policy);
        t.RecordFailure(Now, Policy, reserved: true);
        t.TryReserve(Now, Policy);
        t.Refresh(Now.AddSeconds(31), Policy);
        t.Pending.Should().Be(0);
        t.Failures.Should().Be(1);
        t.Refresh(Now.AddMinutes(61), Policy);
        t.IsClean.Should().BeTrue();
    }

    [Fact]
    public void A_late_failure_never_shortens_a_longer_wait()
    {
        var t = new SignInThrottle { Failures = 20, BlockedUntilUtc = Now.AddSeconds(50) };
        var shortCap = new ThrottlePolicy(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromHours(1));
        t.RecordFailure(Now, shortCap, reserved: false);
        t.BlockedUntilUtc.Should().Be(Now.AddSeconds(50));
    }
}

/// <summary>Username normal forms of ADR 0018.</summary>
public sealed class UsernameRulesTests
{
    [Theory]
    [InlineData("admin", "admin")]
    [InlineData("ADMIN", "admin")]
    [InlineData("ａｄｍｉｎ", "admin")]
    [InlineData(" Ａdmin ", "admin")]
    [InlineData("ｶﾀｶﾅ", "カタカナ")]
    [InlineData("Ⅻ", "xii")]
    public void Normal_forms(string name, string expected) => UsernameRules.Normalize(name).Should().Be(expected);

    [Theory]
    [InlineData("ad\u200Bmin", "U+200B")]
    [InlineData("a\u202Eb", "U+202E")]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("a\uE000b", "U+E000")]
    [InlineData("ad\u034Fmin", "U+034F")]
    [InlineData("ad\u3164min", "U+3164")]
    [InlineData("ad\u115Fmin", "U+115F")]
    [InlineData("admin\uFFA0", "U+FFA0")]
    [InlineData("adm\uFE0Fin", "U+FE0F")]
    public void Forbidden_characters_are_found(string name, string codePoint) =>
        UsernameRules.FindForbidden(name).Should().Be(codePoint);

    [Fact]
    public void A_lone_surrogate_is_found() =>
        UsernameRules.FindForbidden("a" + (char)0xD800 + "b").Should().Be("U+D800");

    [Fact]
    public void Ordinary_names_pass() => UsernameRules.FindForbidden("张三_ops-01😀").Should().BeNull();
}
