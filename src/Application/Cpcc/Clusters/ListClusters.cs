using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Clusters;

/// <summary>
/// A K1 row. <c>clusterjoin</c> and <c>kubeconfig</c> are cluster-admin credentials: returned as <c>"******"</c> when
/// stored, <c>""</c> when not (analysis/cpcc.md §4.10); <c>controllerid_text</c> is the controller device's IP;
/// <c>ready</c> is always present (§6.3 #16). spec: 40-cpcc-clusters.md get_cpccluster.
/// </summary>
public sealed record ClusterRow
{
    /// <summary>Cluster id.</summary>
    public string Id { get; init; } = "";
    /// <summary>集群名称.</summary>
    public string Name { get; init; } = "";
    /// <summary>Centre id.</summary>
    public string Cpcid { get; init; } = "";
    /// <summary>0 kubernetes / 1 slurm.</summary>
    public string Clustertype { get; init; } = "";
    /// <summary>Controller device id ("" when none).</summary>
    public string Controllerid { get; init; } = "";
    /// <summary>启用日期.</summary>
    public DateOnly? EnableDate { get; init; }
    /// <summary>停止日期.</summary>
    public DateOnly? ExportDate { get; init; }
    /// <summary>Masked join command.</summary>
    public string Clusterjoin { get; init; } = "";
    /// <summary>Masked kubeconfig.</summary>
    public string Kubeconfig { get; init; } = "";
    /// <summary>kubernetes / slurm.</summary>
    public string ClustertypeText { get; init; } = "";
    /// <summary>Controller IP ("" when none).</summary>
    public string ControlleridText { get; init; } = "";
    /// <summary>0 正在安装 / 1 安装完成.</summary>
    public int Ready { get; init; }
    /// <summary>1-based row number.</summary>
    [JsonPropertyName("row_num_")]
    public int RowNum { get; init; }

    /// <summary>"******" when <paramref name="protectedValue"/> is stored, else "".</summary>
    public static string Mask(string protectedValue) => protectedValue.Length == 0 ? "" : SecretMask.Value;

    /// <summary>Maps a cluster.</summary>
    public static ClusterRow From(Cluster k, string? controllerIp, int rowNum) => new()
    {
        Id = k.Id, Name = k.Name, Cpcid = k.Cpcid, Clustertype = k.ClusterType, Controllerid = k.ControllerId ?? "",
        EnableDate = k.EnableDate, ExportDate = k.ExportDate, Clusterjoin = Mask(k.ClusterJoinProtected),
        Kubeconfig = Mask(k.KubeconfigProtected), ClustertypeText = ClusterTypes.Text(k.ClusterType),
        ControlleridText = controllerIp ?? "", Ready = k.Ready, RowNum = rowNum,
    };
}

/// <summary>
/// K1 <c>GET /dev/cpcc/cpccluster/get_cpccluster.dspy</c>: every cluster of a centre, ordered by id.
/// Missing <c>cpcid</c> → <c>无算力中心ID</c>. spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D K1.
/// </summary>
public sealed record ListClusters : IQuery<Reply<Paged<ClusterRow>>>
{
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
}

public sealed class ListClustersValidator : AbstractValidator<ListClusters>
{
    public ListClustersValidator() => RuleFor(x => x.Cpcid).Required("无算力中心ID");
}

/// <summary>Handles <see cref="ListClusters"/> in one query (clusters with their controller's IP).</summary>
public sealed class ListClustersHandler(IKbossDbContext db, CenterGuard guard) : IQueryHandler<ListClusters, Reply<Paged<ClusterRow>>>
{
    public async ValueTask<Reply<Paged<ClusterRow>>> Handle(ListClusters q, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(q.Cpcid!, track: false, ct);
        var rows = await db.Clusters.AsNoTracking().Where(k => k.Cpcid == center.Id).OrderBy(k => k.Id)
            .Select(k => new { Cluster = k, Ip = db.Devices.Where(d => d.Id == k.ControllerId).Select(d => d.Ip).FirstOrDefault() })
            .ToListAsync(ct);
        var dtos = rows.Select((r, i) => ClusterRow.From(r.Cluster, r.Ip, i + 1)).ToList();
        return Reply.Ok("获取算力集群成功", new Paged<ClusterRow>(dtos.Count, dtos));
    }
}
