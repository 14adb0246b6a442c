using Kboss.Domain.Common;

namespace Kboss.Domain.Cpcc;

/// <summary>
/// 算力集群: a Kubernetes cluster of a centre. Minimal for now (id, name, centre) so widget stock can name
/// clusters; the container-cloud issue adds the provisioning fields. spec: analysis/cpcc.md §2.3.
/// </summary>
public sealed class Cluster : Entity, ISoftDeletable
{
    /// <summary>集群名称.</summary>
    public string Name { get; set; } = "";
    /// <summary>Owning centre id.</summary>
    public string Cpcid { get; set; } = "";
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;
}
