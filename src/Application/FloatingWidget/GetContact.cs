using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.FloatingWidget;

/// <summary>
/// <c>GET /floating/contact.dspy</c> 联系我们 (analysis/platform.md E37, §4.8): the salesperson of <c>userid</c>
/// (default: the caller; another user only for operators/admins over that user's org) — name and QR card, phone and
/// email from configuration — else the platform contact from configuration with the platform org's card. Anonymous
/// callers without <c>userid</c> get the platform contact.
/// </summary>
public sealed record GetContact : IQuery<Reply<ContactView>>
{
    /// <summary>User whose salesperson is asked for (default: the caller).</summary>
    public string? Userid { get; init; }
}

public sealed class GetContactValidator : AbstractValidator<GetContact>
{
    public GetContactValidator() => RuleFor(x => x.Userid).MaxChars(64);
}

public sealed class GetContactHandler(IKbossDbContext db, ICurrentUser user, FloatingWidgetAccess access,
    IFloatingWidgetSettings settings) : IQueryHandler<GetContact, Reply<ContactView>>
{
    public async ValueTask<Reply<ContactView>> Handle(GetContact q, CancellationToken ct)
    {
        var contact = settings.Contact;
        if (user.IsAuthenticated || q.Userid.TrimmedOrNull() is not null)
        {
            var person = await access.ResolveUserAsync(q.Userid, ct);
            if (await access.SalesCardForAsync(person, ct) is { } card)
            {
                var name = await db.Users.AsNoTracking().Where(u => u.Id == card.UserId)
                    .Select(u => u.DisplayName == "" ? u.Username : u.DisplayName).FirstOrDefaultAsync(ct);
                return Reply.Ok("查询成功",
                    new ContactView(name, contact.Phone, contact.Email, card.Picture, card.UserId));
            }
        }
        var platform = await access.PlatformOrgIdAsync(ct);
        var platformCard = platform is null ? null : await access.OrgCardAsync(platform, ct);
        return Reply.Ok("查询成功",
            new ContactView(contact.Name, contact.Phone, contact.Email, platformCard?.Picture, null));
    }
}
