using Kboss.Domain.Common;
using Kboss.Domain.FloatingWidget;
using Kboss.Domain.MiniProgram;

namespace Kboss.Domain.UnitTests;

/// <summary>SMS code rules (analysis/platform.md §4.5) and ops supply rules (§4.10), without I/O.</summary>
public sealed class SmsCodeRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 4, 0, 0, DateTimeKind.Utc);
    private static readonly SmsCodePolicy Caps = new(MaxPerMobilePerDay: 10, MaxPerAddressPerDay: 50);

    [Fact]
    public void Codes_are_six_digits_and_spread_over_the_range()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => SmsCode.NewCode()).ToList();
        codes.Should().OnlyContain(c => c.Length == 6 && c.All(char.IsAsciiDigit));
        codes.Distinct().Count().Should().BeGreaterThan(1900);
        codes.Select(c => c[0]).Distinct().Count().Should().Be(10, "leading zeros occur");
    }

    [Fact]
    public void A_recorded_code_keeps_only_a_salted_hash_and_matches_only_its_code()
    {
        var a = SmsCode.Record("13800000000", "042917", "10.0.0.1", Now);
        var b = SmsCode.Record("13800000000", "042917", "10.0.0.1", Now);
        a.CodeHash.Should().NotContain("042917").And.NotBe(b.CodeHash, "each row has its own salt");
        a.Matches("042917").Should().BeTrue();
        a.Matches("042918").Should().BeFalse();
        a.Matches("").Should().BeFalse();
        a.ExpireAt.Should().Be(Now.AddMinutes(5));
        a.State.Should().Be(SmsCodeState.Pending);
    }

    [Fact]
    public void Only_sent_unexpired_codes_under_five_tries_are_usable()
    {
        var code = SmsCode.Record("13800000000", "123456", "a", Now);
        var usable = SmsCode.Usable(Now.AddMinutes(4)).Compile();
        usable(code).Should().BeFalse("pending");
        code.MarkSent();
        usable(code).Should().BeTrue();
        SmsCode.Usable(Now.AddMinutes(5)).Compile()(code).Should().BeFalse("expired at 5 minutes");
        code.MarkFailed(new string('x', 300));
        usable(code).Should().BeFalse();
        code.FailureReason.Should().HaveLength(200);
    }

    [Theory]
    [InlineData(59, 0, 0, "发送过于频繁,请稍后再试")]
    [InlineData(60, 0, 0, null)]
    [InlineData(60, 10, 0, "今日验证码发送次数已达上限,请明天再试")]
    [InlineData(60, 9, 49, null)]
    [InlineData(600, 1, 50, "今日验证码发送次数已达上限,请明天再试")]
    public void Sends_wait_60_seconds_and_respect_the_daily_caps(int secondsSinceLast, int mobileToday,
        int addressToday, string? refusal) =>
        SmsCode.SendRefusal(Now.AddSeconds(-secondsSinceLast), mobileToday, addressToday, Now, Caps)
            .Should().Be(refusal);

    [Fact]
    public void The_first_code_of_a_mobile_is_not_held_back() =>
        SmsCode.SendRefusal(null, 0, 0, Now, Caps).Should().BeNull();

    [Fact]
    public void Basic_info_must_be_a_json_object_and_its_top_level_keys_are_the_supply_keys()
    {
        KyySupply.Create("org", "{\"a\":1,\"b\":{\"c\":2}}", null).Ok.Should().BeTrue();
        var refused = KyySupply.Create("org", "[1]", null);
        refused.Failure.Should().Be(new Failure(FailureKind.InvalidArgument, KyySupply.BadBasicInfo, "basic_info"));
        KyySupply.KeysOf("{\"a\":1,\"b\":{\"c\":2}}").Should().Equal("a", "b");
        KyySupply.KeysOf("not json").Should().BeEmpty();
        KyySupply.KeysOf("\"s\"").Should().BeEmpty();
        var row = KyySupply.Create("org", "{}", "r").Value!;
        row.Update(null, null).Ok.Should().BeTrue();
        row.Remark.Should().Be("r", "absent fields are kept");
        row.Update("{", null).Ok.Should().BeFalse();
        row.BasicInfo.Should().Be("{}");
        row.AttachWorkbook("a.xlsx", "<table></table>", null);
        row.ExcelInfo.Should().Be("<table></table>");
        row.Remark.Should().Be("r");
    }
}
