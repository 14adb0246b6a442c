using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Approval;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E08 <c>POST /apv/apv_template.dspy</c> 设置审批模板 (upsert): <c>id</c> of a live template → update it; else the
/// business's live template → update it (its id stays); else insert (with <c>id</c> when free). Templates hold
/// <c>$name</c> / <c>${name}</c> placeholders (§4.3). The business must be live (审批业务不存在).
/// spec: 13-approval.md; analysis/platform.md §3.1 E08.
/// </summary>
public sealed record SetApvTemplate : ApvBodyRequest, ICommand<Reply<string>>
{
    /// <summary>Template id (optional).</summary>
    public string? Id { get; init; }
    /// <summary>Business id (required).</summary>
    public string? BusinessId { get; init; }
    /// <summary>Title template (required).</summary>
    public string? TitleTemplate { get; init; }
    /// <summary>Detail template (required).</summary>
    public string? DetailTemplate { get; init; }
}

public sealed class SetApvTemplateValidator : AbstractValidator<SetApvTemplate>
{
    public SetApvTemplateValidator()
    {
        RuleFor(x => x.Id).MaxChars(32);
        RuleFor(x => x.BusinessId).Required("business_id不能为空").MaxChars(64);
        RuleFor(x => x.TitleTemplate).Required("title_template不能为空").MaxChars(1000);
        RuleFor(x => x.DetailTemplate).Required("detail_template不能为空").MaxChars(4000);
    }
}

public sealed class SetApvTemplateHandler(IKbossDbContext db, ICurrentUser user, ApprovalConfig config)
    : ICommandHandler<SetApvTemplate, Reply<string>>
{
    public async ValueTask<Reply<string>> Handle(SetApvTemplate c, CancellationToken ct)
    {
        var business = await config.BusinessAsync(c.BusinessId, ct);
        var id = c.Id.Trimmed();
        var template = (id.Length > 0 ? await db.ApvTemplates.FirstOrDefaultAsync(t => t.Id == id, ct) : null)
                       ?? await db.ApvTemplates.FirstOrDefaultAsync(t => t.BusinessId == business.Id, ct);
        if (template is null)
        {
            var taken = id.Length == 0 || await db.ApvTemplates.IgnoreQueryFilters().AnyAsync(t => t.Id == id, ct);
            template = new ApvTemplate { BusinessId = business.Id };
            if (!taken) template.Id = id;
            db.ApvTemplates.Add(template);
        }
        template.BusinessId = business.Id;
        template.TitleTemplate = c.TitleTemplate!.Trim();
        template.DetailTemplate = c.DetailTemplate!.Trim();
        db.AuditEntries.Add(Audit.Entry(user, "apv.template.saved", "apv_template", template.Id,
            new { business_id = business.Id, title_template = template.TitleTemplate }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("该业务已有审批模板");
        }
        return Reply.Ok("success", template.Id);
    }
}
