using Kboss.Domain.Common;
using Kboss.Domain.WeChat;

namespace Kboss.Domain.UnitTests;

/// <summary>The recharge record's rules (analysis/platform.md §2.5, §4.7; ADR 0030).</summary>
public sealed class RechargeRecordTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 4, 0, 0, DateTimeKind.Utc);

    private static RechargeRecord New(int fen = 12345) => RechargeRecord.Start("user", "org", "user", fen, "账户充值",
        RechargeTradeTypes.Native, null, Now, TimeSpan.FromHours(2));

    [Fact]
    public void Start_keeps_fen_and_exact_yuan_and_uses_the_id_as_out_trade_no()
    {
        var r = New(1);
        (r.TotalFen, r.Amount, r.State, r.TradeState, r.ExpiresAt).Should()
            .Be((1, 0.01m, RechargeStates.Pending, TradeStates.NotPay, Now.AddHours(2)));
        r.OutTradeNo.Should().Be(r.Id).And.HaveLength(21);
        New(5_000_000).Amount.Should().Be(50000m);
        New().Amount.Should().Be(123.45m);
    }

    [Fact]
    public void Only_the_records_own_amount_is_accepted_as_payment()
    {
        New().CheckPayment(12345).Ok.Should().BeTrue();
        var wrong = New().CheckPayment(12344);
        (wrong.Failure!.Kind, wrong.Failure.Message).Should()
            .Be((FailureKind.Conflict, "支付金额 12344 分与充值记录金额 12345 分不一致"));
    }

    [Fact]
    public void Pending_closes_or_fails_once_and_a_settled_record_never_changes()
    {
        var r = New();
        r.OrderPlaced("weixin://wxpay/bizpayurl?pr=x", null, Now);
        r.Close("超时未支付", TradeStates.Closed, Now.AddHours(3)).Ok.Should().BeTrue();
        (r.State, r.TradeState, r.FailureReason).Should().Be((RechargeStates.Closed, TradeStates.Closed, "超时未支付"));
        r.Fail("x", TradeStates.PayError, Now).Failure!.Kind.Should().Be(FailureKind.Conflict);
        r.Close("y", TradeStates.Closed, Now).Ok.Should().BeFalse();
        r.OrderPlaced("other", "other", Now);
        r.CodeUrl.Should().Be("weixin://wxpay/bizpayurl?pr=x");

        var f = New();
        f.Fail(new string('原', 600), TradeStates.PayError, Now).Ok.Should().BeTrue();
        (f.State, f.FailureReason.Length).Should().Be((RechargeStates.Failed, RechargeRecord.ReasonLength));
    }

    [Fact]
    public void The_crediting_guard_matches_only_pending_records()
    {
        var guard = RechargeRecord.IsPending.Compile();
        var open = New();
        guard(open).Should().BeTrue();
        open.Close("c", TradeStates.Closed, Now);
        guard(open).Should().BeFalse();
    }
}
