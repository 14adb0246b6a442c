using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.K8sCloud;

/// <summary>
/// E55 <c>GET /k8cloud/user_get_instance.dspy</c>: 用户获取实例. The org's active instances (optionally of one
/// <c>customer_goods_id</c>), newest first, with the live pod phase from the cluster (a pod no longer there keeps the
/// stored status); a row that is not live shows Pending, Failed or Terminating with its <c>state</c> (ADR 0015). A
/// cluster failure → <c>upstream_failed</c>.
/// spec: 35-k8s-service.md; analysis/platform.md §3.7 E55, §6.4 #52.
/// </summary>
public sealed record ListCloudInstances : IQuery<Reply<IReadOnlyList<CloudInstanceDto>>>, IOrgScoped
{
    /// <summary>用户orgid (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>资源ID: filter to one purchased resource.</summary>
    public string? CustomerGoodsId { get; init; }
}

public sealed class ListCloudInstancesValidator : AbstractValidator<ListCloudInstances>
{
    public ListCloudInstancesValidator() => RuleFor(x => x.CustomerGoodsId).MaxChars(64);
}

public sealed class ListCloudInstancesHandler(IKbossDbContext db, CloudCluster cloud)
    : IQueryHandler<ListCloudInstances, Reply<IReadOnlyList<CloudInstanceDto>>>
{
    public async ValueTask<Reply<IReadOnlyList<CloudInstanceDto>>> Handle(ListCloudInstances q, CancellationToken ct)
    {
        var query = db.CloudInstances.AsNoTracking().Where(i => i.OrgId == q.Orgid);
        if (!string.IsNullOrWhiteSpace(q.CustomerGoodsId))
        {
            var goods = q.CustomerGoodsId.Trim();
            query = query.Where(i => i.CustomerGoodsId == goods);
        }
        var rows = (await query.ToListAsync(ct)).OrderByDescending(i => i.CreateAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var phases = new Dictionary<(string, string), string>();
        foreach (var clusterId in rows.Select(i => i.ClusterId).Distinct())
        {
            var cluster = await cloud.ByIdAsync(clusterId, ct);
            foreach (var (key, phase) in await cloud.PhasesAsync(cluster, ct)) phases[key] = phase;
        }
        IReadOnlyList<CloudInstanceDto> data = rows
            .Select(i => CloudInstanceDto.From(i,
                phases.TryGetValue((i.NamespaceName, i.Podname), out var p) && p.Length > 0 ? p : null))
            .ToList();
        return Reply.Ok("查询成功", data);
    }
}
