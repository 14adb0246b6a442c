using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Clusters;

/// <summary>Reply data of K2: <c>{"id","cpcid","name","enable_date","export_date"}</c>.</summary>
/// <param name="Id">Cluster id.</param>
/// <param name="Cpcid">Centre id.</param>
/// <param name="Name">集群名称.</param>
/// <param name="EnableDate">启用日期.</param>
/// <param name="ExportDate">停止日期.</param>
public sealed record UpdatedCluster(string Id, string Cpcid, string Name, DateOnly? EnableDate, DateOnly? ExportDate);

/// <summary>
/// K2 <c>POST /dev/cpcc/cpccluster/update_cpccluster.dspy</c>: changes a cluster's name and dates only ("只能修改集群名称和
/// 两个时间参数", enforced here). <c>controllerid</c>, <c>cluster_type</c> and <c>clusterjoin</c> are accepted only when
/// absent, equal to the stored value, or (join command) the mask; anything else → <c>只能修改集群名称和启停时间</c>.
/// Absent name/dates keep the stored values. spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D K2.
/// </summary>
public sealed record UpdateCluster : ICommand<Reply<UpdatedCluster>>
{
    /// <summary>所属算力中心ID.</summary>
    public string? Cpcid { get; init; }
    /// <summary>算力集群id.</summary>
    public string? Id { get; init; }
    /// <summary>集群控制节点id (not modifiable).</summary>
    public string? Controllerid { get; init; }
    /// <summary>集群名称 (≤ 100 chars).</summary>
    public string? Name { get; init; }
    /// <summary>集群类型 0/1 (not modifiable).</summary>
    public string? ClusterType { get; init; }
    /// <summary>集群注册码 (not modifiable).</summary>
    public string? Clusterjoin { get; init; }
    /// <summary>启用时间 yyyy-MM-dd.</summary>
    public string? EnableDate { get; init; }
    /// <summary>停止时间 yyyy-MM-dd.</summary>
    public string? ExportDate { get; init; }
}

public sealed class UpdateClusterValidator : AbstractValidator<UpdateCluster>
{
    public UpdateClusterValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Id).Required();
        RuleFor(x => x.Name).MaxChars(100);
        RuleFor(x => x.ClusterType).OneOf([ClusterTypes.Kubernetes, ClusterTypes.Slurm]);
        RuleFor(x => x.EnableDate).OptionalDate();
        RuleFor(x => x.ExportDate).OptionalDate();
    }
}

public sealed class UpdateClusterHandler(IKbossDbContext db, CenterGuard guard, ISecretProtector secrets, ICurrentUser user)
    : ICommandHandler<UpdateCluster, Reply<UpdatedCluster>>
{
    /// <summary>Message when an unknown cluster id is given.</summary>
    public const string NotFound = "算力集群不存在";
    /// <summary>Message when a read-only field would change.</summary>
    public const string OnlyNameAndDates = "只能修改集群名称和启停时间";

    public async ValueTask<Reply<UpdatedCluster>> Handle(UpdateCluster c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Cpcid!, track: false, ct);
        var cluster = await db.Clusters.FirstOrDefaultAsync(k => k.Id == c.Id!.Trim() && k.Cpcid == center.Id, ct)
                      ?? throw BusinessException.NotFound(NotFound);
        if (Changes(c.Controllerid, cluster.ControllerId ?? "") || Changes(c.ClusterType, cluster.ClusterType)
            || (!SecretMask.MeansKeep(c.Clusterjoin?.Trim()) && c.Clusterjoin!.Trim() != Plain(cluster.ClusterJoinProtected)))
            throw BusinessException.Conflict(OnlyNameAndDates);

        var before = new { cluster.Name, cluster.EnableDate, cluster.ExportDate };
        if (!string.IsNullOrWhiteSpace(c.Name)) cluster.Name = c.Name.Trim();
        if (!string.IsNullOrWhiteSpace(c.EnableDate)) cluster.EnableDate = RuleExtensions.ToDate(c.EnableDate);
        if (!string.IsNullOrWhiteSpace(c.ExportDate)) cluster.ExportDate = RuleExtensions.ToDate(c.ExportDate);
        if (cluster.EnableDate is { } e && cluster.ExportDate is { } x && x < e)
            throw RequestValidationException.For("export_date", "停止日期不能早于启用日期");
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.cluster.updated", "cluster", cluster.Id,
            new { before, after = new { cluster.Name, cluster.EnableDate, cluster.ExportDate } }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("更新算力集群成功", new UpdatedCluster(cluster.Id, cluster.Cpcid, cluster.Name, cluster.EnableDate, cluster.ExportDate));
    }

    private static bool Changes(string? given, string stored) => !string.IsNullOrWhiteSpace(given) && given.Trim() != stored;

    private string Plain(string protectedValue) => protectedValue.Length == 0 ? "" : secrets.Unprotect(protectedValue);
}
