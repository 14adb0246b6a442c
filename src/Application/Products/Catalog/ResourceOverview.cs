using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Catalog;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary>
/// <c>GET /product/resource_overview.dspy</c> 产品资源概览: the user's live resources counted per product —
/// <c>total</c>, <c>running</c> (status running and not past expiry) and <c>expired</c> (past expiry or status expired).
/// <c>userid</c> defaults to the caller; another user only for an operator of that user's org. analysis §3.1.18, §6 #11.
/// </summary>
public sealed record ResourceOverview : IQuery<Reply<IReadOnlyList<ResourceOverviewRow>>>
{
    /// <summary>不是必传参数: the user (default the caller).</summary>
    public string? Userid { get; init; }
}

/// <summary>Counts of one product's resources.</summary>
/// <param name="Productid">Product id (empty when the resource names none).</param>
/// <param name="Productname">Product name (null when unknown).</param>
/// <param name="Total">All live resources.</param>
/// <param name="Running">Running, not expired.</param>
/// <param name="Expired">Expired.</param>
public sealed record ResourceOverviewRow(string Productid, string? Productname, int Total, int Running, int Expired);

public sealed class ResourceOverviewValidator : AbstractValidator<ResourceOverview>
{
    public ResourceOverviewValidator() => RuleFor(x => x.Userid).MaxChars(32);
}

/// <summary>Handles <see cref="ResourceOverview"/>: one grouped query and one name query (plus the user lookup for another user).</summary>
public sealed class ResourceOverviewHandler(IKbossDbContext db, MarketplaceAccess access, TimeProvider clock)
    : IQueryHandler<ResourceOverview, Reply<IReadOnlyList<ResourceOverviewRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<ResourceOverviewRow>>> Handle(ResourceOverview q, CancellationToken ct)
    {
        var userId = await access.ResolveUserAsync(q.Userid, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var groups = await db.CustomerResources.AsNoTracking().Where(r => r.UserId == userId)
            .GroupBy(r => r.ProductId ?? "")
            .Select(g => new
            {
                Productid = g.Key,
                Total = g.Count(),
                Running = g.Count(r => r.Status == ResourceStatuses.Running && (r.ExpireTime == null || r.ExpireTime > now)),
                Expired = g.Count(r => r.Status == ResourceStatuses.Expired || (r.ExpireTime != null && r.ExpireTime <= now)),
            })
            .OrderBy(g => g.Productid).ToListAsync(ct);
        var ids = groups.Select(g => g.Productid).ToList();
        var names = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return Reply.Ok<IReadOnlyList<ResourceOverviewRow>>("查找成功",
            groups.Select(g => new ResourceOverviewRow(g.Productid, names.GetValueOrDefault(g.Productid), g.Total, g.Running, g.Expired)).ToList());
    }
}
