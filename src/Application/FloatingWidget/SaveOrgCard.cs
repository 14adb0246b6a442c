using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.FloatingWidget;
using Mediator;

namespace Kboss.Application.FloatingWidget;

/// <summary>
/// <c>POST /floating/add_opicture.dspy</c> 配置机构二维码名片 (analysis/platform.md E34, §7 #36): the card of the
/// caller's org (operators and admins; an <c>orgid</c> the caller may act on is accepted as well). Saving again
/// replaces the picture.
/// </summary>
public sealed record SaveOrgCard : ICommand<Reply<OrgCardView>>, IOrgScoped
{
    /// <summary>QR image URL or stored path (required).</summary>
    public string? Picture { get; init; }
    /// <summary>Org of the card (default: the caller's; not documented, analysis §3.4 E34).</summary>
    public string? Orgid { get; set; }
}

public sealed class SaveOrgCardValidator : AbstractValidator<SaveOrgCard>
{
    public SaveOrgCardValidator()
    {
        RuleFor(x => x.Picture).Required("picture不能为空").MaxChars(QrCard.MaxPicture).SafeLink();
        RuleFor(x => x.Orgid).MaxChars(64);
    }
}

public sealed class SaveOrgCardHandler(FloatingWidgetAccess access) : ICommandHandler<SaveOrgCard, Reply<OrgCardView>>
{
    public async ValueTask<Reply<OrgCardView>> Handle(SaveOrgCard c, CancellationToken ct)
    {
        var card = await access.UpsertAsync(QrCard.ForOrg(c.Orgid!, c.Picture!.Trim()), ct);
        return Reply.Ok("配置成功", new OrgCardView(card.OrgId, card.Picture));
    }
}
