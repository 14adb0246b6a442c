using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E09 <c>POST /apv/get_apv_template.dspy</c> 获取审批模板: the templates of <c>business_id</c> with
/// <c>del_flg</c> (default <c>0</c>: the live one; <c>1</c>: deleted ones). No match → empty list.
/// spec: 13-approval.md; analysis/platform.md §3.1 E09.
/// </summary>
public sealed record GetApvTemplate : ApvBodyRequest, IQuery<Reply<IReadOnlyList<ApvTemplateView>>>
{
    /// <summary>Business id (required; the doc types it integer, it is text).</summary>
    public string? BusinessId { get; init; }
    /// <summary><c>0</c> (default) or <c>1</c>.</summary>
    public string? DelFlg { get; init; }
}

public sealed class GetApvTemplateValidator : AbstractValidator<GetApvTemplate>
{
    public GetApvTemplateValidator()
    {
        RuleFor(x => x.BusinessId).Required("business_id不能为空").MaxChars(64);
        RuleFor(x => x.DelFlg).OneOf([DelFlag.Alive, DelFlag.Deleted]);
    }
}

public sealed class GetApvTemplateHandler(IKbossDbContext db)
    : IQueryHandler<GetApvTemplate, Reply<IReadOnlyList<ApvTemplateView>>>
{
    public async ValueTask<Reply<IReadOnlyList<ApvTemplateView>>> Handle(GetApvTemplate q, CancellationToken ct)
    {
        var business = q.BusinessId!.Trim();
        var flag = q.DelFlg.TrimmedOrNull() ?? DelFlag.Alive;
        var rows = await db.ApvTemplates.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.BusinessId == business && t.DelFlg == flag).OrderBy(t => t.CreateAt).ToListAsync(ct);
        return Reply.Ok("success", (IReadOnlyList<ApvTemplateView>)rows.Select(ApvTemplateView.From).ToList());
    }
}
