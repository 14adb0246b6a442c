using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Centers;

/// <summary>
/// C1 <c>GET /dev/cpcc/cpclist/get_cpclist.dspy</c>: the org's centres, paged (<c>page</c> 1-based, <c>rows</c>
/// default 10, <c>sort</c> a row field, optionally <c>"field desc"</c> or <c>"-field"</c>; default <c>id</c> ascending).
/// spec: 37-cpcc-centers.md; analysis/cpcc.md §3.A C1.
/// </summary>
public sealed record ListCenters : IQuery<Reply<Paged<CenterDto>>>, IOrgScoped
{
    /// <summary>Page, 1-based.</summary>
    public string? Page { get; init; }
    /// <summary>Rows per page (1–1000).</summary>
    public string? Rows { get; init; }
    /// <summary>Sort field: id, name, pcapi_url, enable_date, expire_date, contactname.</summary>
    public string? Sort { get; init; }
    /// <inheritdoc />
    public string? Orgid { get; set; }
}

public sealed class ListCentersValidator : AbstractValidator<ListCenters>
{
    /// <summary>Sortable fields of a centre row.</summary>
    public static readonly SortMap<Domain.Cpcc.ComputeCenter> Sorts = new SortMap<Domain.Cpcc.ComputeCenter>()
        .Add("id", c => c.Id).Add("name", c => c.Name).Add("pcapi_url", c => c.PcapiUrl)
        .Add("enable_date", c => c.EnableDate).Add("expire_date", c => c.ExpireDate).Add("contactname", c => c.ContactName);

    public ListCentersValidator()
    {
        RuleFor(x => x.Page).OptionalInt(1, 1_000_000);
        RuleFor(x => x.Rows).OptionalInt(1, PageSpec.MaxRows);
        RuleFor(x => x.Sort).Must(s => Sorts.Supports(PageSpec.ParseSort(s, "id").Field))
            .WithMessage($"sort 不支持该排序字段,可选: {string.Join("/", Sorts.Fields)}");
    }
}

/// <summary>Handles <see cref="ListCenters"/> in two queries (count, page with org names).</summary>
public sealed class ListCentersHandler(IKbossDbContext db) : IQueryHandler<ListCenters, Reply<Paged<CenterDto>>>
{
    public async ValueTask<Reply<Paged<CenterDto>>> Handle(ListCenters q, CancellationToken ct)
    {
        var page = PageSpec.Parse(q.Page, q.Rows, q.Sort, "id");
        var baseQuery = db.ComputeCenters.AsNoTracking().Where(c => c.OrgId == q.Orgid);
        var total = await baseQuery.CountAsync(ct);
        var ordered = ListCentersValidator.Sorts.Apply(baseQuery, page, c => c.Id);
        var rows = await ordered.Skip(page.Skip).Take(page.Rows)
            .Select(c => new { Center = c, OrgName = db.Organizations.Where(o => o.Id == c.OrgId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var dtos = rows.Select((r, i) => CenterDto.From(r.Center, r.OrgName ?? "", page.Skip + i + 1)).ToList();
        return Reply.Ok("算力中心数据查询成功", new Paged<CenterDto>(total, dtos));
    }
}
