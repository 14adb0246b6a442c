using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Mediator;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/specification_template_add.dspy</c> 产品模板添加: an operator adds a template for a provider to an
/// org it may act on (default its own). analysis/catalog.md §3.1.1.
/// </summary>
public sealed record AddSpecificationTemplate : ICommand<Reply<IdData>>, IOrgScoped
{
    /// <summary>运营机构id (default: the caller's org).</summary>
    public string? Orgid { get; set; }
    /// <summary>模板名称 (required).</summary>
    public string? Patternname { get; init; }
    /// <summary>给哪个供应商添加的id (required).</summary>
    public string? Productid { get; init; }
    /// <summary>模板内容 (required).</summary>
    public string? SpecPattern { get; init; }
}

public sealed class AddSpecificationTemplateValidator : AbstractValidator<AddSpecificationTemplate>
{
    public AddSpecificationTemplateValidator()
    {
        RuleFor(x => x.Patternname).Required().MaxChars(200);
        RuleFor(x => x.Productid).Required().MaxChars(32);
        RuleFor(x => x.SpecPattern).Required().MaxChars(65536);
    }
}

public sealed class AddSpecificationTemplateHandler(IKbossDbContext db, ICurrentUser user) : ICommandHandler<AddSpecificationTemplate, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(AddSpecificationTemplate c, CancellationToken ct)
    {
        var entity = new SpecificationTemplate
        {
            OrgId = c.Orgid ?? throw new UnauthenticatedException(), PatternName = c.Patternname!.Trim(),
            ProductId = c.Productid!.Trim(), SpecPattern = c.SpecPattern!,
        };
        db.SpecificationTemplates.Add(entity);
        db.AuditEntries.Add(Audit.Entry(user, "catalog.template.created", "specification_template", entity.Id, new { entity.OrgId, entity.PatternName, entity.ProductId }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("添加成功", new IdData(entity.Id));
    }
}
