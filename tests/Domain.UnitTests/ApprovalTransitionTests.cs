using Kboss.Domain.Approval;
using Kboss.Domain.Common;

namespace Kboss.Domain.UnitTests;

/// <summary>Every transition and refusal of an approval record, its deliveries and the approval rules.</summary>
public sealed class ApprovalTransitionTests
{
    private static readonly DateTime T0 = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);

    private static ApprovalRecord Sending()
    {
        var r = new ApprovalRecord();
        r.StartSending(T0);
        return r;
    }

    private static ApprovalRecord Running()
    {
        var r = Sending();
        r.Started("KD-VCUKKRAaPw2Y6_Dti3A07441698031462", T0.AddSeconds(1)).Ok.Should().BeTrue();
        return r;
    }

    [Fact]
    public void Sending_becomes_running_with_the_instance_id()
    {
        var r = Running();
        r.Status.Should().Be(ApprovalStatus.Running);
        r.ApvId.Should().Be("KD-VCUKKRAaPw2Y6_Dti3A07441698031462");
        r.StatusChangedAt.Should().Be(T0.AddSeconds(1));
        r.IsRunning.Should().BeTrue();
    }

    [Fact]
    public void Started_needs_an_id_and_a_sending_record()
    {
        Sending().Started(" ", T0).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);
        Running().Started("x", T0).Failure!.Message.Should().Be(ApprovalRecord.NotRunningMessage);
    }

    [Theory]
    [InlineData(false, ApprovalStatus.Failed)]
    [InlineData(true, ApprovalStatus.Unknown)]
    public void A_create_that_did_not_answer_ok_ends_failed_or_unknown(bool unknown, string status)
    {
        var r = Sending();
        r.NotStarted("钉钉: 参数错误", unknown, T0).Ok.Should().BeTrue();
        r.Status.Should().Be(status);
        r.FailureReason.Should().Be("钉钉: 参数错误");
        r.NotStarted("again", unknown, T0).Failure!.Kind.Should().Be(FailureKind.Conflict);
        r.Finish(ApprovalStatus.Agree, T0).Failure!.Message.Should().Be(ApprovalRecord.NotRunningMessage);
    }

    [Theory]
    [InlineData(ApprovalStatus.Agree)]
    [InlineData(ApprovalStatus.Refuse)]
    [InlineData(ApprovalStatus.Terminate)]
    public void Running_ends_once_with_a_result_and_a_repeat_changes_nothing(string result)
    {
        var r = Running();
        r.Finish(result, T0.AddMinutes(5)).Value.Should().BeTrue();
        r.Status.Should().Be(result);
        r.FinishTime.Should().Be(T0.AddMinutes(5));
        var again = r.Finish(result, T0.AddMinutes(9));
        again.Ok.Should().BeTrue();
        again.Value.Should().BeFalse();
        r.FinishTime.Should().Be(T0.AddMinutes(5));
        r.StatusChangedAt.Should().Be(T0.AddMinutes(5));
    }

    [Fact]
    public void Another_result_after_the_end_and_unknown_results_are_refused()
    {
        var r = Running();
        r.Finish(ApprovalStatus.Agree, T0);
        r.Finish(ApprovalStatus.Refuse, T0).Failure!.Message.Should().Be(ApprovalRecord.AlreadyEndedMessage);
        r.Status.Should().Be(ApprovalStatus.Agree);
        Running().Finish("maybe", T0).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);
        Running().Finish(ApprovalStatus.Running, T0).Failure!.Kind.Should().Be(FailureKind.InvalidArgument);
        Sending().Finish(ApprovalStatus.Agree, T0).Failure!.Message.Should().Be(ApprovalRecord.NotRunningMessage);
    }

    [Fact]
    public void A_delivery_retries_along_the_back_off_then_fails()
    {
        TimeSpan[] backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];
        var d = new ApprovalDelivery { NextAttemptAt = T0 };
        d.Failed("HTTP 500", T0, backoff).Ok.Should().BeTrue();
        (d.State, d.Attempts, d.NextAttemptAt, d.LastError).Should().Be((DeliveryStates.Pending, 1, T0.AddMinutes(1),
            "HTTP 500"));
        d.Failed("timeout", T0.AddMinutes(1), backoff);
        d.NextAttemptAt.Should().Be(T0.AddMinutes(6));
        d.Failed("timeout", T0.AddMinutes(6), backoff);
        d.State.Should().Be(DeliveryStates.Failed);
        d.Attempts.Should().Be(3);
        d.Succeeded(T0).Failure!.Kind.Should().Be(FailureKind.Conflict);
        d.Failed("x", T0, backoff).Failure!.Kind.Should().Be(FailureKind.Conflict);
    }

    [Fact]
    public void A_delivered_row_stays_delivered()
    {
        var d = new ApprovalDelivery();
        d.Failed("HTTP 502", T0, [TimeSpan.Zero]);
        d.Succeeded(T0.AddSeconds(1)).Ok.Should().BeTrue();
        (d.State, d.Attempts, d.SentAt, d.LastError).Should().Be((DeliveryStates.Sent, 2, T0.AddSeconds(1), ""));
        d.Succeeded(T0).Failure.Should().NotBeNull();
    }

    [Fact]
    public void The_documented_flow_example_is_refused_at_level_2()
    {
        const string doc = """
            [{"level_id":"1","level_mode":"NONE","apv_dd_user_phone":["15938717631"]},
             {"level_id":"2","level_mode":"NONE","apv_dd_user_phone":["15938717631","1"]}]
            """;
        ApprovalLevels.Parse(doc).Failure!.Message.Should().Be("第2级审批人手机号格式错误");
        ApprovalLevels.Parse(doc.Replace("\"1\"]", "\"13800000000\"]")).Failure!.Message
            .Should().Be("第2级为单人审批(NONE)时只能设置一个审批人");
    }

    [Theory]
    [InlineData("", "level_data不能为空")]
    [InlineData("[]", "level_data不能为空")]
    [InlineData("{", "level_data格式错误")]
    [InlineData("""[{"level_id":"0","level_mode":"NONE","apv_dd_user_phone":["15938717631"]}]""", "第1级的level_id必须是不重复的正整数")]
    [InlineData("""[{"level_id":"1","level_mode":"ANY","apv_dd_user_phone":["15938717631"]}]""", "第1级的level_mode必须是NONE、AND或OR")]
    [InlineData("""[{"level_id":"1","level_mode":"OR","apv_dd_user_phone":[]}]""", "第1级至少需要一个审批人")]
    public void Level_refusals_name_the_level(string json, string message) =>
        ApprovalLevels.Parse(json).Failure!.Message.Should().Be(message);

    [Fact]
    public void Levels_are_sorted_by_numeric_id()
    {
        var levels = ApprovalLevels.Parse("""
            [{"level_id":"10","level_mode":"AND","apv_dd_user_phone":["15938717631","13800000000"]},
             {"level_id":"2","level_mode":"NONE","apv_dd_user_phone":["15938717631"]}]
            """).Value!;
        levels.Select(l => l.LevelId).Should().Equal("2", "10");
    }

    [Fact]
    public void Placeholders_match_whole_names_and_unknown_ones_stay()
    {
        var values = new Dictionary<string, string> { ["price"] = "10000", ["n"] = "3" };
        ApprovalTemplateText.Render("充值金额:$price", values).Should().Be("充值金额:10000");
        ApprovalTemplateText.Render("线下充值", values).Should().Be("线下充值");
        ApprovalTemplateText.Render("$price_total / ${price}元 / $amount / ${n}台", values)
            .Should().Be("$price_total / 10000元 / $amount / 3台");
        ApprovalTemplateText.Unknown("$price $amount $price_total", values).Should().Equal("amount", "price_total");
    }

    [Fact]
    public void Form_values_are_invariant_text_and_empty_keys_are_dropped()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"":"","price":10000,"ok":true,"x":1.50,"s":"a"}""");
        ApprovalTemplateText.Values(doc.RootElement).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["price"] = "10000", ["ok"] = "true", ["x"] = "1.50", ["s"] = "a",
        });
    }
}
