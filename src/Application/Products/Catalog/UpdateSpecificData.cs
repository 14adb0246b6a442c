using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary><c>GET /product/specific_data_update.dspy</c> 规格数据更新: partial update. analysis §3.1.9.</summary>
public sealed record UpdateSpecificData : ICommand<Reply<SpecificDataDto>>
{
    /// <summary>Record id (required).</summary>
    public string? Id { get; init; }
    /// <summary>产品id.</summary>
    public string? Productid { get; init; }
    /// <summary>规格数据.</summary>
    public string? SpecData { get; init; }
}

public sealed class UpdateSpecificDataValidator : AbstractValidator<UpdateSpecificData>
{
    public UpdateSpecificDataValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(32);
        RuleFor(x => x.Productid).MaxChars(32).Must(v => v is null || v.Trim().Length > 0).WithMessage("{PropertyName} 不能为空");
        RuleFor(x => x.SpecData).MaxChars(65536);
    }
}

public sealed class UpdateSpecificDataHandler(IKbossDbContext db, CatalogAccess access, ICurrentUser user)
    : ICommandHandler<UpdateSpecificData, Reply<SpecificDataDto>>
{
    public async ValueTask<Reply<SpecificDataDto>> Handle(UpdateSpecificData c, CancellationToken ct)
    {
        var d = await db.SpecificDatas.FirstOrDefaultAsync(x => x.Id == c.Id.Trimmed(), ct)
                ?? throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
        await access.EnsureCanActOnAsync(d.OrgId, ct);
        if (c.Productid is not null && c.Productid.Trim() != d.ProductId)
        {
            var productId = c.Productid.Trim();
            var seller = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.ResellerOrgId).FirstOrDefaultAsync(ct)
                ?? throw BusinessException.NotFound(AddSpecificDataHandler.NoProduct);
            await access.EnsureCanActOnAsync(seller, ct);
            d.ProductId = productId;
        }
        if (c.SpecData is not null) d.SpecData = c.SpecData;
        db.AuditEntries.Add(Audit.Entry(user, "catalog.spec_data.updated", "specific_data", d.Id, new { d.ProductId }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("更新成功", SpecificDataDto.From(d));
    }
}
