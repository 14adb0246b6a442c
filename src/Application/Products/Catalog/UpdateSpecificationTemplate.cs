using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/specification_template_update.dspy</c> 产品模板更新: partial update (only parameters sent change);
/// moving a template to another org needs rights on both. analysis §3.1.4.
/// </summary>
public sealed record UpdateSpecificationTemplate : ICommand<Reply<SpecificationTemplateDto>>
{
    /// <summary>查找时返回的id (required).</summary>
    public string? Id { get; init; }
    /// <summary>机构id.</summary>
    public string? Orgid { get; init; }
    /// <summary>模板名称.</summary>
    public string? Patternname { get; init; }
    /// <summary>产品id.</summary>
    public string? Productid { get; init; }
    /// <summary>模板内容.</summary>
    public string? SpecPattern { get; init; }
}

public sealed class UpdateSpecificationTemplateValidator : AbstractValidator<UpdateSpecificationTemplate>
{
    public UpdateSpecificationTemplateValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(32);
        RuleFor(x => x.Orgid).MaxChars(32);
        RuleFor(x => x.Patternname).MaxChars(200);
        RuleFor(x => x.Productid).MaxChars(32);
        RuleFor(x => x.SpecPattern).MaxChars(65536);
    }
}

public sealed class UpdateSpecificationTemplateHandler(IKbossDbContext db, CatalogAccess access, ICurrentUser user)
    : ICommandHandler<UpdateSpecificationTemplate, Reply<SpecificationTemplateDto>>
{
    public async ValueTask<Reply<SpecificationTemplateDto>> Handle(UpdateSpecificationTemplate c, CancellationToken ct)
    {
        var t = await db.SpecificationTemplates.FirstOrDefaultAsync(x => x.Id == c.Id.Trimmed(), ct)
                ?? throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
        await access.EnsureCanActOnAsync(t.OrgId, ct);
        if (CatalogAccess.Clean(c.Orgid) is { } org && org != t.OrgId) t.OrgId = await access.ResolveOrgAsync(org, ct);
        if (c.Patternname is not null) t.PatternName = c.Patternname.Trim();
        if (c.Productid is not null) t.ProductId = c.Productid.Trim();
        if (c.SpecPattern is not null) t.SpecPattern = c.SpecPattern;
        db.AuditEntries.Add(Audit.Entry(user, "catalog.template.updated", "specification_template", t.Id, new { t.OrgId, t.PatternName, t.ProductId }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("更新成功", SpecificationTemplateDto.From(t));
    }
}
