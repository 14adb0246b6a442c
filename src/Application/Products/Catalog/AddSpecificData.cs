using System.Text.RegularExpressions;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/specific_data_add.dspy</c> 规格数据增加: spec data of a product the caller's org sells. A client
/// <c>id</c> (21-char nanoid alphabet) becomes the key when unused (<c>该id已存在</c> otherwise). analysis §3.1.6, §6 #5.
/// </summary>
public sealed record AddSpecificData : ICommand<Reply<IdData>>
{
    /// <summary>Optional client id.</summary>
    public string? Id { get; init; }
    /// <summary>产品id (required).</summary>
    public string? Productid { get; init; }
    /// <summary>规格数据 (required).</summary>
    public string? SpecData { get; init; }
}

public sealed partial class AddSpecificDataValidator : AbstractValidator<AddSpecificData>
{
    public AddSpecificDataValidator()
    {
        RuleFor(x => x.Id).Must(v => string.IsNullOrWhiteSpace(v) || IdShape().IsMatch(v.Trim())).WithMessage("{PropertyName} 只能包含字母、数字、_ 和 -,长度 1 到 32");
        RuleFor(x => x.Productid).Required().MaxChars(32);
        RuleFor(x => x.SpecData).Required().MaxChars(65536);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex IdShape();
}

public sealed class AddSpecificDataHandler(IKbossDbContext db, CatalogAccess access, ICurrentUser user) : ICommandHandler<AddSpecificData, Reply<IdData>>
{
    /// <summary>Message when the product does not exist.</summary>
    public const string NoProduct = "产品不存在";
    /// <summary>Message when the client id is taken.</summary>
    public const string IdTaken = "该id已存在";

    public async ValueTask<Reply<IdData>> Handle(AddSpecificData c, CancellationToken ct)
    {
        var productId = c.Productid.Trimmed();
        var seller = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.ResellerOrgId).FirstOrDefaultAsync(ct)
            ?? throw BusinessException.NotFound(NoProduct);
        await access.EnsureCanActOnAsync(seller, ct);
        var entity = new SpecificData { ProductId = productId, SpecData = c.SpecData!, OrgId = access.RequireOrg() };
        if (CatalogAccess.Clean(c.Id) is { } id)
        {
            if (await db.SpecificDatas.IgnoreQueryFilters().AnyAsync(x => x.Id == id, ct)) throw BusinessException.Conflict(IdTaken);
            entity.Id = id;
        }
        db.SpecificDatas.Add(entity);
        db.AuditEntries.Add(Audit.Entry(user, "catalog.spec_data.created", "specific_data", entity.Id, new { entity.ProductId }));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e)) { throw BusinessException.Conflict(IdTaken); }
        return Reply.Ok("添加成功", new IdData(entity.Id));
    }
}
