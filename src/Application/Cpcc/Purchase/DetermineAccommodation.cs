using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Application.Cpcc.Widgets;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Purchase;

/// <summary>
/// The B2 envelope: <c>{"status", "msg", "data": [undeployable ids], "reason"}</c>; <c>reason</c> is the stage that
/// decided (<c>static</c> or <c>dynamic</c>). spec: 43-cpcc-purchase.md determine_accommodat.
/// </summary>
public sealed record AccommodationReply
{
    /// <summary>True when the check ran.</summary>
    [JsonPropertyOrder(0)] public bool Status { get; init; }
    /// <summary>Message.</summary>
    [JsonPropertyOrder(1)] public string Msg { get; init; } = "";
    /// <summary>Ids of the products that can't be deployed (input order); every id when the check failed (fail closed).</summary>
    [JsonPropertyOrder(2)] public IReadOnlyList<string> Data { get; init; } = [];
    /// <summary><c>static</c> or <c>dynamic</c>.</summary>
    [JsonPropertyOrder(3)] public string Reason { get; init; } = "";
    /// <summary>Failure code; omitted on success.</summary>
    [JsonPropertyOrder(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }
}

/// <summary>
/// B2 <c>GET /dev/cpcc/cpcbuy/determine_accommodat.dspy</c>: which purchase-page products can't be deployed in cluster
/// <c>clusterid</c> of centre <c>cpcid</c>. Static stage on the widget stock of the cluster, then the dynamic stage on
/// live node capacity (the cluster's Kubernetes API, P2's rule) for the products left; fail closed (every id) when the
/// cluster can't be asked. Any logged-in user. spec: 43-cpcc-purchase.md; analysis/cpcc.md §3.G B2, §4.4.
/// </summary>
public sealed record DetermineAccommodation : IQuery<AccommodationReply>
{
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
    /// <summary>集群id.</summary>
    public string? Clusterid { get; init; }
    /// <summary>请求资源详情: <c>[{"id", "resources": [{"type", "model", "amount"}]}]</c> (cpu 核, memory Mi, disk Gi, gpu 卡).</summary>
    public string? Resources { get; init; }
    /// <summary>Node labels every candidate node must carry: <c>k=v,k2=v2</c> or a JSON array (may be empty).</summary>
    public string? Kyylabels { get; init; }
}

public sealed class DetermineAccommodationValidator : AbstractValidator<DetermineAccommodation>
{
    public DetermineAccommodationValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Clusterid).Required();
        RuleFor(x => x.Resources).Required().Must(r => string.IsNullOrWhiteSpace(r) || AccommodationPolicy.Parse(r) is not null)
            .WithMessage(AccommodationPolicy.BadResources);
        RuleFor(x => x.Kyylabels).Must(l => AccommodationPolicy.ParseLabels(l) is not null).WithMessage("kyylabels 格式应为 key=value,多个以逗号分隔");
    }
}

public sealed class DetermineAccommodationHandler(IKbossDbContext db, WidgetCatalog catalog, InstanceDeployer deployer, IKubernetesGateway gateway)
    : IQueryHandler<DetermineAccommodation, AccommodationReply>
{
    /// <summary>Success message.</summary>
    public const string Ok = "获取不可部署产品ID成功";

    public async ValueTask<AccommodationReply> Handle(DetermineAccommodation q, CancellationToken ct)
    {
        var cpcid = q.Cpcid!.Trim();
        var clusterId = q.Clusterid!.Trim();
        if (!await db.ComputeCenters.AsNoTracking().AnyAsync(c => c.Id == cpcid, ct)) throw BusinessException.NotFound(CenterGuard.NotFoundMessage);
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(k => k.Id == clusterId && k.Cpcid == cpcid, ct)
                      ?? throw BusinessException.NotFound(Clusters.UpdateClusterHandler.NotFound);
        if (cluster.Ready != ClusterReady.Installed) throw BusinessException.Conflict(NewInstanceConfigHandler.NotReady);
        var (products, _) = AccommodationPolicy.Parse(q.Resources)!.Value;
        var labels = AccommodationPolicy.ParseLabels(q.Kyylabels)!;

        var failedStatic = AccommodationPolicy.Static(products, await catalog.GetAsync(cpcid, ct), clusterId);
        var remaining = products.Where(p => !failedStatic.Contains(p.Id)).ToList();
        if (remaining.Count == 0) return new AccommodationReply { Status = true, Msg = Ok, Data = Ordered(products, failedStatic), Reason = "static" };

        try
        {
            var kubeconfig = await deployer.KubeconfigAsync(clusterId, ct);
            var nodes = await gateway.ListNodesAsync(kubeconfig, ct);
            var pods = await gateway.ListPodsAsync(kubeconfig, ct);
            var failedDynamic = AccommodationPolicy.Dynamic(remaining, nodes, pods, labels);
            return new AccommodationReply { Status = true, Msg = Ok, Data = Ordered(products, [.. failedStatic, .. failedDynamic]), Reason = "dynamic" };
        }
        catch (Exception e) when (e is KubeGatewayException
                                  or BusinessException { Code: ErrorCodes.UpstreamFailed }
                                  or BusinessException { Code: ErrorCodes.InvalidArgument }) // a refused kubeconfig

        {
            return new AccommodationReply
            {
                Status = false, Msg = InstanceDeployer.Failed, Data = products.Select(p => p.Id).Distinct().ToList(), Reason = "dynamic",
                Code = ErrorCodes.UpstreamFailed,
            };
        }
    }

    private static List<string> Ordered(IEnumerable<ProductNeed> products, IReadOnlyCollection<string> ids) =>
        products.Select(p => p.Id).Where(ids.Contains).Distinct().ToList();
}
