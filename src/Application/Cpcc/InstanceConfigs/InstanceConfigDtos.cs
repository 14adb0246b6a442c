using System.Text.Json.Serialization;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;
using static Kboss.Application.Cpcc.InstanceConfigs.InstanceConfigFieldsValidator;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>
/// The K8 echo: the stored request fields as strings plus ids and org (no derived names, no <c>action</c>);
/// <c>source_authpasswd</c> masked. spec: 40-cpcc-clusters.md update_cpcpodyaml.
/// </summary>
public record InstanceConfigEcho
{
    /// <summary>Cluster id.</summary>
    public string Clusterid { get; init; } = "";
    /// <summary>Centre id.</summary>
    public string Cpcid { get; init; } = "";
    /// <summary>Config id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Instance type.</summary>
    public string InstanceType { get; init; } = "";
    /// <summary>Owning org.</summary>
    public string Orgid { get; init; } = "";
    /// <summary>Image.</summary>
    public string PodImagepath { get; init; } = "";
    /// <summary>Service port.</summary>
    public string SourceApiport { get; init; } = "";
    /// <summary>Always <c>"******"</c>.</summary>
    public string SourceAuthpasswd { get; init; } = SecretMask.Value;
    /// <summary>Initial user.</summary>
    public string SourceAuthuser { get; init; } = "";
    /// <summary>CPU limit.</summary>
    public string SourceCpurate { get; init; } = "";
    /// <summary>Container port.</summary>
    public string SourceInsideport { get; init; } = "";
    /// <summary>Memory limit.</summary>
    public string SourceMemrate { get; init; } = "";
    /// <summary>Mount path.</summary>
    public string SourceMountpath { get; init; } = "";
    /// <summary>Instance name.</summary>
    public string SourceName { get; init; } = "";
    /// <summary>Node port.</summary>
    public string SourceOutsideport { get; init; } = "";
    /// <summary>Controller kind.</summary>
    public string SourcePodengine { get; init; } = "";
    /// <summary>Port mode.</summary>
    public string SourcePortmode { get; init; } = "";
    /// <summary>Replicas.</summary>
    public string SourceReplicasetnum { get; init; } = "";
    /// <summary>Restart policy.</summary>
    public string SourceRestartpolicy { get; init; } = "";
    /// <summary>Instance label.</summary>
    public string SourceSelflabel { get; init; } = "";
    /// <summary>Node selector.</summary>
    public string SourceNodeselector { get; init; } = "";
    /// <summary>Volume size.</summary>
    public string SourceStoragelimits { get; init; } = "";

    /// <summary>Maps a config.</summary>
    public static InstanceConfigEcho From(InstanceConfig c) => new()
    {
        Clusterid = c.ClusterId, Cpcid = c.Cpcid, Id = c.Id, InstanceType = c.InstanceType, Orgid = c.OrgId,
        PodImagepath = c.PodImagepath, SourceApiport = Text(c.SourceApiport), SourceAuthuser = c.SourceAuthuser,
        SourceCpurate = c.SourceCpurate, SourceInsideport = Text(c.SourceInsideport), SourceMemrate = c.SourceMemrate,
        SourceMountpath = c.SourceMountpath, SourceName = c.SourceName, SourceOutsideport = Text(c.SourceOutsideport),
        SourcePodengine = c.SourcePodengine, SourcePortmode = c.SourcePortmode, SourceReplicasetnum = Text(c.SourceReplicasetnum),
        SourceRestartpolicy = c.SourceRestartpolicy, SourceSelflabel = c.SourceSelflabel,
        SourceNodeselector = c.SourceNodeselector, SourceStoragelimits = c.SourceStoragelimits,
    };
}

/// <summary>
/// The K6 echo: <see cref="InstanceConfigEcho"/> plus <c>action</c> (<c>apply</c>) and the derived Kubernetes names.
/// spec: 40-cpcc-clusters.md new_cpcpodyaml.
/// </summary>
public sealed record NewInstanceConfigEcho : InstanceConfigEcho
{
    /// <summary>The executor action the config is meant for: <c>apply</c>.</summary>
    [JsonPropertyOrder(-5)] public string Action { get; init; } = "apply";
    /// <summary>Namespace.</summary>
    [JsonPropertyOrder(-4)] public string NamespaceName { get; init; } = "";
    /// <summary>Service account.</summary>
    [JsonPropertyOrder(-3)] public string ServiceaccountName { get; init; } = "";
    /// <summary>Controller name.</summary>
    [JsonPropertyOrder(-2)] public string PodcdName { get; init; } = "";
    /// <summary>Service name.</summary>
    [JsonPropertyOrder(-1)] public string ServiceName { get; init; } = "";

    /// <summary>Maps a new config.</summary>
    public static NewInstanceConfigEcho FromNew(InstanceConfig c) => new(InstanceConfigEcho.From(c))
    {
        NamespaceName = c.NamespaceName, ServiceaccountName = c.ServiceaccountName, PodcdName = c.PodcdName, ServiceName = c.ServiceName,
    };

    private NewInstanceConfigEcho(InstanceConfigEcho e) : base(e) { }
}

/// <summary>
/// A K7 row: replicas and ports as numbers (as in the spec's example), <c>source_authpasswd</c> masked,
/// <c>username</c> the owner's display name. spec: 40-cpcc-clusters.md get_cpcpodyaml.
/// </summary>
public sealed record InstanceConfigRow
{
    /// <summary>Config id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Namespace.</summary>
    public string NamespaceName { get; init; } = "";
    /// <summary>Service account.</summary>
    public string ServiceaccountName { get; init; } = "";
    /// <summary>Controller name.</summary>
    public string PodcdName { get; init; } = "";
    /// <summary>Service name.</summary>
    public string ServiceName { get; init; } = "";
    /// <summary>Cluster id.</summary>
    public string Clusterid { get; init; } = "";
    /// <summary>Centre id.</summary>
    public string Cpcid { get; init; } = "";
    /// <summary>Owning org.</summary>
    public string Orgid { get; init; } = "";
    /// <summary>Instance name.</summary>
    public string SourceName { get; init; } = "";
    /// <summary>Initial user.</summary>
    public string SourceAuthuser { get; init; } = "";
    /// <summary>Always <c>"******"</c>.</summary>
    public string SourceAuthpasswd { get; init; } = SecretMask.Value;
    /// <summary>Controller kind.</summary>
    public string SourcePodengine { get; init; } = "";
    /// <summary>Replicas.</summary>
    public int SourceReplicasetnum { get; init; }
    /// <summary>Image.</summary>
    public string PodImagepath { get; init; } = "";
    /// <summary>Memory limit.</summary>
    public string SourceMemrate { get; init; } = "";
    /// <summary>CPU limit.</summary>
    public string SourceCpurate { get; init; } = "";
    /// <summary>Instance label.</summary>
    public string SourceSelflabel { get; init; } = "";
    /// <summary>Port mode.</summary>
    public string SourcePortmode { get; init; } = "";
    /// <summary>Restart policy.</summary>
    public string SourceRestartpolicy { get; init; } = "";
    /// <summary>Service port.</summary>
    public int SourceApiport { get; init; }
    /// <summary>Container port.</summary>
    public int SourceInsideport { get; init; }
    /// <summary>Node port.</summary>
    public int SourceOutsideport { get; init; }
    /// <summary>Mount path.</summary>
    public string SourceMountpath { get; init; } = "";
    /// <summary>Volume size.</summary>
    public string SourceStoragelimits { get; init; } = "";
    /// <summary>Instance type.</summary>
    public string InstanceType { get; init; } = "";
    /// <summary>Node selector.</summary>
    public string SourceNodeselector { get; init; } = "";
    /// <summary>Owner's display name ("" when unknown).</summary>
    public string Username { get; init; } = "";
    /// <summary>Outside-call state (ADR 0015): pending, live, updating, deleting, pending_reconcile or
    /// failed.</summary>
    public string State { get; init; } = "";
    /// <summary>Why the last cluster call failed or is unknown; "" otherwise.</summary>
    public string FailureReason { get; init; } = "";
    /// <summary>1-based row number.</summary>
    [JsonPropertyName("row_num_")]
    public int RowNum { get; init; }

    /// <summary>Maps a config.</summary>
    public static InstanceConfigRow From(InstanceConfig c, string? username, int rowNum) => new()
    {
        Id = c.Id, NamespaceName = c.NamespaceName, ServiceaccountName = c.ServiceaccountName, PodcdName = c.PodcdName,
        ServiceName = c.ServiceName, Clusterid = c.ClusterId, Cpcid = c.Cpcid, Orgid = c.OrgId, SourceName = c.SourceName,
        SourceAuthuser = c.SourceAuthuser, SourcePodengine = c.SourcePodengine, SourceReplicasetnum = c.SourceReplicasetnum,
        PodImagepath = c.PodImagepath, SourceMemrate = c.SourceMemrate, SourceCpurate = c.SourceCpurate,
        SourceSelflabel = c.SourceSelflabel, SourcePortmode = c.SourcePortmode, SourceRestartpolicy = c.SourceRestartpolicy,
        SourceApiport = c.SourceApiport, SourceInsideport = c.SourceInsideport, SourceOutsideport = c.SourceOutsideport,
        SourceMountpath = c.SourceMountpath, SourceStoragelimits = c.SourceStoragelimits, InstanceType = c.InstanceType,
        SourceNodeselector = c.SourceNodeselector, Username = username ?? "", State = c.State,
        FailureReason = c.FailureReason, RowNum = rowNum,
    };
}
