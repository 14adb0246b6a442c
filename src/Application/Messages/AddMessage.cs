using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Messages;

/// <summary>
/// <c>POST /message/add_msg.dspy</c> 发送消息通知 (analysis/platform.md §3.2 E20): operators and admins send
/// <c>msgtitle</c>/<c>msgtext</c> of type <c>msgtype</c> to <c>receiverid</c> (one id, or a JSON list of 1–1000 ids,
/// duplicates removed), each an existing user of an org the caller may act on (else 403). <c>senderid</c> defaults to
/// the caller; another sender must be a user of such an org too. When the caller's org has switched the type's
/// template off: <c>该类型消息已取消发送</c> and nothing is sent. The text is stored as given (escaped where shown).
/// </summary>
public sealed record AddMessage : ICommand<Reply<SentData>>
{
    /// <summary>The documented body object (its fields arrive as the parameters below).</summary>
    public string? Body { get; init; }
    /// <summary>Sender user id (optional; the caller).</summary>
    public string? Senderid { get; init; }
    /// <summary>Receiver user id, or a JSON list of ids (required).</summary>
    public string? Receiverid { get; init; }
    /// <summary>Title (required, ≤ 200).</summary>
    public string? Msgtitle { get; init; }
    /// <summary>Message type (required, ≤ 100); ties in with the templates.</summary>
    public string? Msgtype { get; init; }
    /// <summary>Text (required, ≤ 4000).</summary>
    public string? Msgtext { get; init; }

    private string? _parsedFrom;
    private IReadOnlyList<string>? _receivers;

    /// <summary><see cref="Receiverid"/> as distinct trimmed ids; null when unreadable or empty.</summary>
    [JsonIgnore]
    internal IReadOnlyList<string>? Receivers
    {
        get
        {
            if (_parsedFrom == Receiverid) return _receivers;
            _parsedFrom = Receiverid;
            return _receivers = Parse(Receiverid);
        }
    }

    private static IReadOnlyList<string>? Parse(string? raw)
    {
        var text = raw.TrimmedOrNull();
        if (text is null) return null;
        if (!text.StartsWith('[')) return [text];
        try
        {
            using var doc = JsonDocument.Parse(text);
            var ids = doc.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString().TrimmedOrNull() : e.GetRawText())
                .ToList();
            return ids.Count == 0 || ids.Any(i => i is null) ? null : ids.Select(i => i!).Distinct().ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}

public sealed class AddMessageValidator : AbstractValidator<AddMessage>
{
    /// <summary>Most receivers of one send.</summary>
    public const int MaxReceivers = 1000;

    public AddMessageValidator()
    {
        RuleFor(x => x.Receiverid).Required("receiverid不能为空");
        RuleFor(x => x.Receivers).NotNull().WithName("receiverid").WithMessage("receiverid 须为用户ID或用户ID列表")
            .When(x => !string.IsNullOrWhiteSpace(x.Receiverid));
        RuleFor(x => x.Receivers!.Count).LessThanOrEqualTo(MaxReceivers).WithName("receiverid")
            .WithMessage($"receiverid 最多 {MaxReceivers} 个").When(x => x.Receivers is not null);
        RuleForEach(x => x.Receivers).MaximumLength(64).WithName("receiverid").When(x => x.Receivers is not null);
        RuleFor(x => x.Senderid).MaxChars(64);
        RuleFor(x => x.Msgtitle).Required().MaxChars(Message.TitleMax);
        RuleFor(x => x.Msgtype).Required().MaxChars(Message.TypeMax);
        RuleFor(x => x.Msgtext).Required().MaxChars(Message.TextMax);
    }
}

public sealed class AddMessageHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs, MessageDelivery delivery)
    : ICommandHandler<AddMessage, Reply<SentData>>
{
    public async ValueTask<Reply<SentData>> Handle(AddMessage c, CancellationToken ct)
    {
        var sender = await SenderAsync(c.Senderid.TrimmedOrNull(), ct);
        var type = c.Msgtype!.Trim();
        if (await delivery.TemplateAsync(user.OrgId!, type, ct) is { Sends: false })
            throw BusinessException.Conflict(MessageDelivery.SendingOff);

        var ids = c.Receivers!;
        var receivers = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        if (ids.FirstOrDefault(id => receivers.All(r => r.Id != id)) is { } missing)
            throw BusinessException.NotFound($"接收人不存在: {missing}");
        var scope = await orgs.ScopeAsync(ct);
        if (scope is not null && receivers.Any(r => !scope.Contains(r.OrgId)))
            throw new ForbiddenException("无权向其他机构的用户发送消息");

        var count = delivery.Add(sender, receivers, c.Msgtitle!.Trim(), c.Msgtext!, type);
        db.AuditEntries.Add(Audit.Entry(user, "message.sent", "message", type,
            new { sender, receivers = ids, title = c.Msgtitle }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("发送成功", new SentData(count));
    }

    private async Task<string> SenderAsync(string? senderId, CancellationToken ct)
    {
        if (senderId is null || senderId == user.UserId) return user.UserId!;
        var orgId = await db.Users.AsNoTracking().Where(u => u.Id == senderId).Select(u => u.OrgId)
            .FirstOrDefaultAsync(ct) ?? throw BusinessException.NotFound($"发送人不存在: {senderId}");
        await orgs.EnsureCanActOnAsync(orgId, "无权以其他机构的用户名义发送消息", ct);
        return senderId;
    }
}
