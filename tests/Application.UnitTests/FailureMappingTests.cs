using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Cpcc.Widgets;
using Kboss.Domain.Common;

namespace Kboss.Application.UnitTests;

/// <summary>Failure kinds → wire codes and exceptions (one mapping), and the quote's parse-once request.</summary>
public sealed class FailureMappingTests
{
    [Theory]
    [InlineData(FailureKind.InvalidArgument, "invalid_argument")]
    [InlineData(FailureKind.NotFound, "not_found")]
    [InlineData(FailureKind.Conflict, "conflict")]
    [InlineData(FailureKind.InsufficientStock, "insufficient_stock")]
    [InlineData(FailureKind.Forbidden, "forbidden")]
    public void Every_kind_has_its_code(FailureKind kind, string code) => ErrorCodes.Of(kind).Should().Be(code);

    [Fact]
    public void The_mapping_covers_every_kind() =>
        Enum.GetValues<FailureKind>().Select(ErrorCodes.Of).Should().OnlyHaveUniqueItems();

    [Fact]
    public void A_failed_reply_takes_message_and_code_from_the_failure()
    {
        var r = Reply.Fail(new Failure(FailureKind.InsufficientStock, "gpu A 库存不足 (库存: 1, 请求: 2)"), 7);
        (r.Status, r.Msg, r.Code, r.Data).Should().Be((false, "gpu A 库存不足 (库存: 1, 请求: 2)", "insufficient_stock", 7));
    }

    [Fact]
    public void Refusals_become_the_exception_the_envelope_renders()
    {
        new Failure(FailureKind.Forbidden, "不行").ToException().Should().BeOfType<ForbiddenException>()
            .Which.Message.Should().Be("不行");
        new Failure(FailureKind.InvalidArgument, "请填写驳回原因", "reject_reason").ToException()
            .Should().BeOfType<RequestValidationException>()
            .Which.Errors.Should().ContainKey("reject_reason").WhoseValue.Should().Equal("请填写驳回原因");
        var business = new Failure(FailureKind.InvalidArgument, "库存超出上限").ToException().Should()
            .BeOfType<BusinessException>().Subject;
        (business.Message, business.Code).Should().Be(("库存超出上限", "invalid_argument"));
        new Failure(FailureKind.Conflict, "该部件仍有消耗,无法移除").ToException().Should().BeOfType<BusinessException>()
            .Which.Code.Should().Be("conflict");
    }

    [Fact]
    public void Or_throw_passes_done_results_through()
    {
        Result.Done.OrThrow();
        ((Result<int>)5).OrThrow().Should().Be(5);
        var refused = () => ((Result<int>)new Failure(FailureKind.NotFound, "记录不存在")).OrThrow();
        refused.Should().Throw<BusinessException>().Which.Code.Should().Be("not_found");
    }

    [Fact]
    public void Quote_resources_are_parsed_once_and_shared()
    {
        var q = new QuoteWidgetPrice { Cpcid = "c", Resources = """[{"type":"gpu","model":"A","amount":2}]""" };
        var first = q.Lines;
        first.Should().ContainSingle().Which.Amount.Should().Be(2);
        q.Lines.Should().BeSameAs(first);
        (q with { Duration = "3" }).Lines.Should().BeSameAs(first, "a copy with the same text keeps the parse");
        (q with { Resources = "[]" }).Lines.Should().BeNull();
        new QuoteWidgetPriceValidator().Validate(q with { Resources = "x" }).Errors.Should().ContainSingle()
            .Which.ErrorMessage.Should().Be("resources参数格式错误");
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(" 24 ", 24)]
    [InlineData("100000", 100000)]
    [InlineData("0", null)]
    [InlineData("100001", null)]
    [InlineData("1.5", null)]
    public void Quote_duration_parses_in_one_place(string? text, int? hours) =>
        new QuoteWidgetPrice { Duration = text }.Hours.Should().Be(hours);
}
