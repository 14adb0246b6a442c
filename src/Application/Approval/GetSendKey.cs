using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E13 <c>POST /apv/send_key_select.dspy</c> 查询发送人和表单: the org's senders and forms, of one business or all.
/// spec: analysis/platform.md §3.1 E13.
/// </summary>
public sealed record GetSendKey : ApvBodyRequest, IQuery<Reply<IReadOnlyList<ApvSendKeyView>>>, IOrgScoped
{
    /// <summary>Org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Business filter.</summary>
    public string? BusinessId { get; init; }
}

public sealed class GetSendKeyValidator : AbstractValidator<GetSendKey>
{
    public GetSendKeyValidator() => RuleFor(x => x.BusinessId).MaxChars(64);
}

public sealed class GetSendKeyHandler(IKbossDbContext db)
    : IQueryHandler<GetSendKey, Reply<IReadOnlyList<ApvSendKeyView>>>
{
    public async ValueTask<Reply<IReadOnlyList<ApvSendKeyView>>> Handle(GetSendKey q, CancellationToken ct)
    {
        var rows = db.ApvSendKeys.AsNoTracking().Where(s => s.OrgId == q.Orgid);
        if (q.BusinessId.TrimmedOrNull() is { } business) rows = rows.Where(s => s.BusinessId == business);
        var list = await rows.OrderBy(s => s.CreateAt).ToListAsync(ct);
        return Reply.Ok("success", (IReadOnlyList<ApvSendKeyView>)list.Select(ApvSendKeyView.From).ToList());
    }
}
