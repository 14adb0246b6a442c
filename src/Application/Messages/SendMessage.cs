using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Identity;
using Kboss.Domain.Messages;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Messages;

/// <summary>
/// The one command every system notification uses (lease expiry, balance warnings, approvals; analysis/platform.md
/// §4.2, §4.3; docs/patterns.md "Sending a notification"). Not routed: other areas send it in-process
/// (<c>await mediator.Send(new SendMessage(...) { ReceiverId = userId }, ct)</c>).
/// <para>The template of <see cref="MsgType"/> owned by the receivers' operating org (the org owning theirs, else
/// their own) decides: sending off → nothing is written (<see cref="SendMessageResult.Suppressed"/>); otherwise its
/// text, or <see cref="DefaultText"/> when the org has no template, is rendered with <see cref="Parameters"/>
/// (<c>$name</c> / <c>${name}</c>, values HTML-escaped, unknown placeholders kept and logged) and one unread message
/// per receiver is saved, sender <c>system</c>.</para>
/// </summary>
/// <param name="MsgType">Template code = message type (e.g. <c>余额预警</c>), ≤ 100 characters.</param>
/// <param name="Title">Title, ≤ 200 characters; may hold placeholders too.</param>
/// <param name="DefaultText">Text used when the operating org has no template of this type.</param>
/// <param name="Parameters">Placeholder values by name.</param>
public sealed record SendMessage(string MsgType, string Title, string DefaultText,
    IReadOnlyDictionary<string, string> Parameters) : ICommand<SendMessageResult>
{
    /// <summary>One receiving user; or set <see cref="ReceiverOrgId"/>.</summary>
    public string? ReceiverId { get; init; }
    /// <summary>Every alive user of this org receives it; or set <see cref="ReceiverId"/>.</summary>
    public string? ReceiverOrgId { get; init; }
}

/// <summary>What <see cref="SendMessage"/> did.</summary>
/// <param name="Delivered">Messages written (0 when suppressed or the receiver is gone).</param>
/// <param name="Suppressed">True when the template's sending is switched off.</param>
public sealed record SendMessageResult(int Delivered, bool Suppressed);

public sealed class SendMessageValidator : AbstractValidator<SendMessage>
{
    public SendMessageValidator()
    {
        RuleFor(x => x.MsgType).NotEmpty().MaximumLength(Message.TypeMax);
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Message.TitleMax);
        RuleFor(x => x.DefaultText).NotEmpty().MaximumLength(Message.TextMax);
        RuleFor(x => x).Must(x => (x.ReceiverId is null) != (x.ReceiverOrgId is null))
            .WithName("receiverid").WithMessage("receiverid 与 receiver_orgid 必须且只能提供一个");
    }
}

public sealed class SendMessageHandler(IKbossDbContext db, MessageDelivery delivery, ILogger<SendMessageHandler> log)
    : ICommandHandler<SendMessage, SendMessageResult>
{
    public async ValueTask<SendMessageResult> Handle(SendMessage c, CancellationToken ct)
    {
        var receivers = await db.Users.AsNoTracking()
            .Where(u => c.ReceiverId != null ? u.Id == c.ReceiverId : u.OrgId == c.ReceiverOrgId).ToListAsync(ct);
        if (receivers.Count == 0) return new SendMessageResult(0, false);
        var orgId = c.ReceiverOrgId ?? receivers[0].OrgId;
        var template = await delivery.TemplateAsync(await delivery.OperatingOrgAsync(orgId, ct), c.MsgType, ct);
        if (template is { Sends: false }) return new SendMessageResult(0, true);

        var (text, unknownInText) = TemplateText.Render(template?.MsgText ?? c.DefaultText, c.Parameters);
        var (title, unknownInTitle) = TemplateText.Render(c.Title, c.Parameters);
        if (unknownInText.Count + unknownInTitle.Count > 0)
            log.LogWarning("Message type {MsgType}: no value for placeholders {Names}; kept literally", c.MsgType,
                string.Join(",", unknownInTitle.Concat(unknownInText)));
        var count = delivery.Add(Message.SystemSender, receivers, Clip(title, Message.TitleMax),
            Clip(text, Message.TextMax), c.MsgType);
        await db.SaveChangesAsync(ct);
        return new SendMessageResult(count, false);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
