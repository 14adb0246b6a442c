using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.FloatingWidget;
using Kboss.Domain.Identity;
using Mediator;

namespace Kboss.Application.FloatingWidget;

/// <summary>
/// <c>POST /floating/add_picture.dspy</c> 配置销售二维码名片 (analysis/platform.md E33): the sales card of
/// <c>userid</c> (default: the caller), who must be a sales user; the caller is that user, or an operator/admin
/// over the user's org (else 403). Saving again replaces the picture. <c>picture</c> is stored as text.
/// </summary>
public sealed record SaveSalesCard : ICommand<Reply<SalesCardView>>
{
    /// <summary>Sales user who owns the card (default: the caller).</summary>
    public string? Userid { get; init; }
    /// <summary>QR image URL or stored path (required).</summary>
    public string? Picture { get; init; }
}

public sealed class SaveSalesCardValidator : AbstractValidator<SaveSalesCard>
{
    public SaveSalesCardValidator()
    {
        RuleFor(x => x.Userid).MaxChars(64);
        RuleFor(x => x.Picture).Required("picture不能为空").MaxChars(QrCard.MaxPicture).SafeLink();
    }
}

public sealed class SaveSalesCardHandler(FloatingWidgetAccess access)
    : ICommandHandler<SaveSalesCard, Reply<SalesCardView>>
{
    public async ValueTask<Reply<SalesCardView>> Handle(SaveSalesCard c, CancellationToken ct)
    {
        var sales = await access.ResolveUserAsync(c.Userid, ct);
        if (!sales.RoleList.Contains(Roles.Sales))
            throw RequestValidationException.For("userid", "该用户不是销售,不能配置销售二维码名片");
        var card = await access.UpsertAsync(QrCard.ForSales(sales.Id, sales.OrgId, c.Picture!.Trim()), ct);
        return Reply.Ok("配置成功", new SalesCardView(card.UserId, card.OrgId, card.Picture));
    }
}
