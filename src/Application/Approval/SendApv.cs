using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Approval;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E16 <c>POST /test/send_apv.dspy</c> 发送审批测试接口: sends an approval through the hub exactly as an in-process
/// business does (<see cref="ApprovalHub"/>): business by <c>business_id</c>, else <c>business_name</c>; templates
/// rendered with <c>form_component.title</c> / <c>.detail</c>; answers the DingTalk instance id (<c>apv_id</c>).
/// The initiator is always the caller. Errors: 审批业务不存在, 未配置审批密钥, 未配置发送人和表单, 未配置审批模板,
/// 未配置审批流, 钉钉发起审批失败: …. spec: 13-approval.md; analysis/platform.md §3.1 E16, §4.1.
/// </summary>
public sealed record SendApv : ApvBodyRequest, ICommand<Reply<string>>, IOrgScoped
{
    /// <summary>Contact phone stored on the record.</summary>
    public string? Phone { get; init; }
    /// <summary>Org whose configuration is used (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Initiator; ignored (always the caller).</summary>
    public string? UserId { get; init; }
    /// <summary>Business id (or <c>business_name</c>).</summary>
    public string? BusinessId { get; init; }
    /// <summary>Business name, when no <c>business_id</c> is given.</summary>
    public string? BusinessName { get; init; }
    /// <summary>JSON object <c>{"title": {name: value}, "detail": {name: value}}</c> (required).</summary>
    public string? FormComponent { get; init; }
    /// <summary>Org the result applies to.</summary>
    public string? ResultOrg { get; init; }

    /// <summary><see cref="FormComponent"/> parsed once: title and detail values, or null when malformed.</summary>
    [JsonIgnore]
    internal (IReadOnlyDictionary<string, string> Title, IReadOnlyDictionary<string, string> Detail)? Values =>
        _parsed ? _values : ParseOnce();
    private bool _parsed;
    private (IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>)? _values;

    private (IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>)? ParseOnce()
    {
        _parsed = true;
        try
        {
            using var doc = JsonDocument.Parse(FormComponent ?? "");
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            JsonElement? Part(string name) => doc.RootElement.TryGetProperty(name, out var p) ? p : null;
            return _values = (ApprovalTemplateText.Values(Part("title")), ApprovalTemplateText.Values(Part("detail")));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed class SendApvValidator : AbstractValidator<SendApv>
{
    public SendApvValidator()
    {
        RuleFor(x => x.Phone).MaxChars(20);
        RuleFor(x => x.BusinessId).MaxChars(64);
        RuleFor(x => x.BusinessName).MaxChars(100);
        RuleFor(x => x.BusinessId)
            .Must((x, v) => !string.IsNullOrWhiteSpace(v) || !string.IsNullOrWhiteSpace(x.BusinessName))
            .WithMessage("business_id不能为空");
        RuleFor(x => x.FormComponent).Required("form_component不能为空").MaxChars(8000)
            .Must((x, _) => x.Values is not null).WithMessage("form_component格式错误");
        RuleFor(x => x.ResultOrg).MaxChars(64);
    }
}

public sealed class SendApvHandler(IKbossDbContext db, ICurrentUser user, ApprovalHub hub)
    : ICommandHandler<SendApv, Reply<string>>
{
    public async ValueTask<Reply<string>> Handle(SendApv c, CancellationToken ct)
    {
        var id = c.BusinessId.Trimmed();
        var name = c.BusinessName.Trimmed();
        var business = await db.ApvBusinesses.AsNoTracking()
                           .FirstOrDefaultAsync(b => id.Length > 0 ? b.Id == id : b.BusinessName == name, ct)
                       ?? throw BusinessException.NotFound(ApprovalConfig.NoBusinessMessage);
        var (title, detail) = c.Values!.Value;
        var started = await hub.SendAsync(new ApprovalRequest(c.Orgid!, business.BusinessName, "", title, detail,
            user.UserId, c.ResultOrg, c.Phone), business, ct);
        return Reply.Ok("success", started.ApvId);
    }
}
