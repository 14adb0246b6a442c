using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.CpccLocalisation;

/// <summary><c>provider_info</c> of a converted centre.</summary>
/// <param name="Providerid">供应商id.</param>
/// <param name="Name">供应商名称.</param>
public sealed record CpccProviderInfo(string? Providerid, string? Name);

/// <summary>One centre and its provider status (documented example of CPC-01).</summary>
/// <param name="Cpccid">算力中心id.</param>
/// <param name="Cpccname">算力中心名称.</param>
/// <param name="ProviderConvertState">已转换 (true) / 未转换 (false).</param>
/// <param name="InitProduct">Whether products are configured for its provider.</param>
/// <param name="ProviderInfo"><c>{providerid, name}</c>; both null when not converted.</param>
public sealed record CpccProviderRow(string Cpccid, string Cpccname, bool ProviderConvertState, bool InitProduct,
    CpccProviderInfo ProviderInfo);

/// <summary>
/// CPC-01 <c>GET /provider/get_cpcc_provider.dspy</c> 算力中心供应商列表: the live centres of <c>orgid</c> (the
/// caller's by default), optionally one (<c>cpccid</c>), each with whether it was turned into a provider (CPC-02) and
/// whether products are configured for it (CPC-04). spec: 11-provider-cpcc-localization.md; finance.md §3.3 CPC-01.
/// </summary>
public sealed record ListCpccProviders : IQuery<Reply<IReadOnlyList<CpccProviderRow>>>, IOrgScoped
{
    /// <summary>机构id.</summary>
    public string? Orgid { get; set; }
    /// <summary>用于筛选指定算力中心.</summary>
    public string? Cpccid { get; init; }
}

public sealed class ListCpccProvidersValidator : AbstractValidator<ListCpccProviders>
{
    public ListCpccProvidersValidator() => RuleFor(x => x.Cpccid).MaxChars(32);
}

public sealed class ListCpccProvidersHandler(IKbossDbContext db)
    : IQueryHandler<ListCpccProviders, Reply<IReadOnlyList<CpccProviderRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<CpccProviderRow>>> Handle(ListCpccProviders q, CancellationToken ct)
    {
        var centers = db.ComputeCenters.AsNoTracking().Where(c => c.OrgId == q.Orgid);
        if (q.Cpccid.TrimmedOrNull() is { } id) centers = centers.Where(c => c.Id == id);
        var rows = await (from c in centers
                          join l in db.CpccProviderLinks.AsNoTracking() on c.Id equals l.Cpcid into links
                          from l in links.DefaultIfEmpty()
                          join p in db.Providers.AsNoTracking() on l.ProviderId equals p.Id into providers
                          from p in providers.DefaultIfEmpty()
                          orderby c.CreateAt, c.Id
                          select new
                          {
                              c.Id, c.Name, ProviderId = (string?)l.ProviderId, ProviderName = (string?)p.Name,
                              Init = db.Products.Any(x => x.ProviderId == l.ProviderId),
                          }).ToListAsync(ct);
        IReadOnlyList<CpccProviderRow> data = rows.Select(r => new CpccProviderRow(r.Id, r.Name,
            r.ProviderId is not null, r.ProviderId is not null && r.Init,
            new CpccProviderInfo(r.ProviderId, r.ProviderName))).ToList();
        return Reply.Ok("get cpcc success", data);
    }
}
