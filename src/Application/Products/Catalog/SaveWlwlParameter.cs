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
/// <c>GET|POST /product/wlwl_parameter_save.dspy</c> (kboss addition, ADR 0008): an operator maintains the 未来网络 price
/// table. The four lookup values identify the row: an existing row gets the new <c>price</c>/<c>distance</c>/<c>sort</c>,
/// otherwise a row is added for the caller's org; <c>del_flg=1</c> deletes the row. A row belongs to the org that added
/// it: another org changing or deleting it → 403; the seeded rows (no org) are the platform's, admins only (ADR 0017).
/// </summary>
public sealed record SaveWlwlParameter : ICommand<Reply<IdData>>
{
    /// <summary>高校 (required).</summary>
    public string? HighSchool { get; init; }
    /// <summary>超算中心 (required).</summary>
    public string? ChaosuanCenter { get; init; }
    /// <summary>路由数 (required).</summary>
    public string? RouteNum { get; init; }
    /// <summary>宽带 (required).</summary>
    public string? Broadband { get; init; }
    /// <summary>Price (required unless deleting).</summary>
    public string? Price { get; init; }
    /// <summary>Distance class (required unless deleting).</summary>
    public string? Distance { get; init; }
    /// <summary>Display order.</summary>
    public string? Sort { get; init; }
    /// <summary><c>1</c> deletes the row.</summary>
    public string? DelFlg { get; init; }
}

public sealed class SaveWlwlParameterValidator : AbstractValidator<SaveWlwlParameter>
{
    public SaveWlwlParameterValidator()
    {
        RuleFor(x => x.HighSchool).Required().MaxChars(100);
        RuleFor(x => x.ChaosuanCenter).Required().MaxChars(100);
        RuleFor(x => x.RouteNum).Required().MaxChars(50);
        RuleFor(x => x.Broadband).Required().MaxChars(50);
        RuleFor(x => x.DelFlg).OneOf(MarketplaceValues.Flags);
        When(x => x.DelFlg?.Trim() != DelFlag.Deleted, () =>
        {
            RuleFor(x => x.Price).Required().OptionalDecimal(0m, 4);
            RuleFor(x => x.Distance).Required().MaxChars(50);
        });
        RuleFor(x => x.Sort).OptionalInt(0, int.MaxValue);
    }
}

public sealed class SaveWlwlParameterHandler(IKbossDbContext db, ICurrentUser user, CatalogAccess access)
    : ICommandHandler<SaveWlwlParameter, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(SaveWlwlParameter c, CancellationToken ct)
    {
        try { return await SaveAsync(c, ct); }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // a parallel request added the same combination first: apply this one as an update of that row
            db.ClearChanges();
            return await SaveAsync(c, ct);
        }
    }

    private async ValueTask<Reply<IdData>> SaveAsync(SaveWlwlParameter c, CancellationToken ct)
    {
        string school = c.HighSchool.Trimmed(), center = c.ChaosuanCenter.Trimmed();
        string routes = c.RouteNum.Trimmed(), band = c.Broadband.Trimmed();
        var row = await db.WlwlParameters.FirstOrDefaultAsync(r => r.HighSchool == school && r.ChaosuanCenter == center && r.RouteNum == routes && r.Broadband == band, ct);
        if (row is not null) await access.EnsureCanActOnAsync(row.OrgId, ct);
        if (c.DelFlg?.Trim() == DelFlag.Deleted)
        {
            if (row is null) throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
            row.MarkDeleted();
            db.AuditEntries.Add(Audit.Entry(user, "catalog.wlwl.deleted", "wlwl_parameter", row.Id, new { school, center, routes, band }));
            await db.SaveChangesAsync(ct);
            return Reply.Ok("删除成功", new IdData(row.Id));
        }
        var added = row is null;
        row ??= db.WlwlParameters.Add(new WlwlParameter
        {
            HighSchool = school, ChaosuanCenter = center, RouteNum = routes, Broadband = band,
            OrgId = access.RequireOrg(),
        }).Entity;
        RuleExtensions.TryDecimal(c.Price, out var price);
        row.Price = price;
        row.Distance = c.Distance.Trimmed();
        if (RuleExtensions.TryInt(c.Sort, out var sort)) row.Sort = (int)sort;
        db.AuditEntries.Add(Audit.Entry(user, "catalog.wlwl.saved", "wlwl_parameter", row.Id, new { school, center, routes, band, row.Price, row.Distance }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok(added ? "添加成功" : "更新成功", new IdData(row.Id));
    }
}
