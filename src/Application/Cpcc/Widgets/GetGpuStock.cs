using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>
/// B1 <c>GET /dev/cpcc/cpcwidget/obtaining_gpuinfo.dspy</c>: GPU models with the cards still available
/// (stock − consumed, never below 0 per cluster), merged by model name across widgets and centres, filtered by
/// <c>cpcid</c> and/or <c>clusterid</c> when given (public: a purchase page names its centre); without both, the
/// centres of the orgs the caller may act on (admin: all) and an anonymous caller must name one (ADR 0017); keys
/// ordered by widget update_time ascending; models with 0 included. <c>data</c> is <c>{"model": count}</c>.
/// spec: 43-cpcc-purchase.md; analysis/cpcc.md §4.3.
/// </summary>
public sealed record GetGpuStock : IQuery<Reply<IReadOnlyDictionary<string, long>>>
{
    /// <summary>Centre filter (an anonymous caller gives it or <c>clusterid</c>).</summary>
    public string? Cpcid { get; init; }
    /// <summary>Optional cluster filter.</summary>
    public string? Clusterid { get; init; }
}

/// <summary>Validates <see cref="GetGpuStock"/> (both filters optional).</summary>
public sealed class GetGpuStockValidator : AbstractValidator<GetGpuStock>
{
    public GetGpuStockValidator()
    {
        RuleFor(x => x.Cpcid).MaximumLength(64).WithMessage("cpcid 格式错误");
        RuleFor(x => x.Clusterid).MaximumLength(64).WithMessage("clusterid 格式错误");
    }
}

/// <summary>Handles <see cref="GetGpuStock"/> with one query.</summary>
public sealed class GetGpuStockHandler(IKbossDbContext db, CenterGuard guard, OrgAccess orgs, ICurrentUser user)
    : IQueryHandler<GetGpuStock, Reply<IReadOnlyDictionary<string, long>>>
{
    public async ValueTask<Reply<IReadOnlyDictionary<string, long>>> Handle(GetGpuStock q, CancellationToken ct)
    {
        var cpcid = q.Cpcid.TrimmedOrNull();
        var clusterId = q.Clusterid.TrimmedOrNull();
        if (cpcid is not null && !await guard.ExistsAsync(cpcid, ct)) throw BusinessException.NotFound(CenterGuard.NotFoundMessage);
        if (clusterId is not null && !await db.Clusters.AsNoTracking().AnyAsync(k => k.Id == clusterId && (cpcid == null || k.Cpcid == cpcid), ct))
            throw BusinessException.NotFound("算力集群不存在");
        var query = db.Widgets.AsNoTracking().Where(w => w.Type == WidgetTypes.Gpu);
        if (cpcid is not null) query = query.Where(w => w.Cpcid == cpcid);
        else if (clusterId is null)
        {
            if (!user.IsAuthenticated) throw RequestValidationException.For("cpcid", "缺少必要参数: cpcid");
            var scope = await orgs.ScopeAsync(ct);
            if (scope is not null)
                query = query.Where(w => db.ComputeCenters.Any(c => c.Id == w.Cpcid && scope.Contains(c.OrgId)));
        }
        var rows = await query
            .OrderBy(w => w.UpdateTime).ThenBy(w => w.Id)
            .Select(w => new
            {
                w.Model,
                Available = w.Stocks.Where(s => clusterId == null || s.ClusterId == clusterId)
                    .Sum(s => s.Stock > s.Consumed ? s.Stock - s.Consumed : 0),
            })
            .ToListAsync(ct);
        var data = new Dictionary<string, long>();
        foreach (var r in rows) data[r.Model] = data.GetValueOrDefault(r.Model) + r.Available;
        return Reply.Ok("获取集群GPU库存成功", (IReadOnlyDictionary<string, long>)data);
    }
}
