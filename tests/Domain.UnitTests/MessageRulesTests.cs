using Kboss.Domain.Common;
using Kboss.Domain.Documents;
using Kboss.Domain.Messages;

namespace Kboss.Domain.UnitTests;

/// <summary>Placeholders (analysis/platform.md §4.3), read state (§4.2), template switch and document status (§4.4).
/// </summary>
public sealed class MessageRulesTests
{
    private static readonly Dictionary<string, string> Price = new() { ["price"] = "10000" };

    [Theory]
    [InlineData("充值金额:$price", "充值金额:10000")] // the spec's example
    [InlineData("线下充值", "线下充值")]
    [InlineData("${price}元", "10000元")]
    [InlineData("$price_total / $price", "$price_total / 10000")] // whole identifiers only
    [InlineData("$$price", "$10000")]
    [InlineData("$ price $1 $", "$ price $1 $")]
    public void Render_replaces_whole_placeholders_and_keeps_unknown_ones(string template, string expected) =>
        TemplateText.Render(template, Price).Text.Should().Be(expected);

    [Fact]
    public void Render_reports_unknown_placeholders_and_escapes_values()
    {
        var (text, unknown) = TemplateText.Render("<b>$name</b> $amount ${x}",
            new Dictionary<string, string> { ["name"] = "<img src=x onerror='a'>&\"" });
        text.Should().Be("<b>&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;</b> $amount ${x}");
        unknown.Should().Equal("amount", "x");
        TemplateText.Escape("中文 café").Should().Be("中文 café");
    }

    [Fact]
    public void A_message_is_read_once_and_for_all()
    {
        var m = new Message();
        m.MsgStatus.Should().Be(MessageStatus.Unread);
        Message.IsUnread.Compile()(m).Should().BeTrue();
        m.MarkRead();
        m.MarkRead();
        m.MsgStatus.Should().Be(MessageStatus.Read);
        Message.IsUnread.Compile()(m).Should().BeFalse();
    }

    [Fact]
    public void A_template_starts_sending_and_switches_idempotently()
    {
        var t = MessageTemplate.Create("org", "产品服务", "x");
        (t.Sends, t.IsSend).Should().Be((true, "1"));
        t.SetSending(false);
        t.SetSending(false);
        (t.Sends, t.IsSend).Should().Be((false, "0"));
        t.Change(null, "y");
        (t.MsgType, t.MsgText).Should().Be(("产品服务", "y"));
    }

    [Fact]
    public void A_document_is_hidden_until_published_and_status_is_0_or_1()
    {
        var d = new Document();
        d.Status.Should().Be(Document.Hidden);
        d.SetStatus(1).Ok.Should().BeTrue();
        d.Status.Should().Be(Document.Shown);
        var refused = d.SetStatus(2);
        refused.Failure.Should().Be(new Failure(FailureKind.InvalidArgument, "status只能为0或1", "status"));
        d.Status.Should().Be(Document.Shown);
    }
}
