namespace Kboss.Application.Common.Interfaces;

/// <summary>
/// Settings of the k8s service (<c>/k8cloud/*</c>, analysis/platform.md §3.7, §4.9, §6.4 #54), read on every request
/// from configuration section <c>K8s</c>.
/// </summary>
public interface IK8sCloudSettings
{
    /// <summary><c>K8s:Cluster</c>: id of the cluster users' instances run in; null when not configured.</summary>
    string? ClusterId { get; }
    /// <summary><c>K8s:AllowedImages</c>: the images users may run (comma-separated or an array).</summary>
    IReadOnlyList<string> AllowedImages { get; }
    /// <summary><c>K8s:DataMountPath</c>: where the PVC is mounted (default <c>/data</c>).</summary>
    string DataMountPath { get; }
    /// <summary><c>K8s:GpuMemResourceName</c>: extended resource of GPU memory per card (default <c>nvidia.com/gpumem</c>).</summary>
    string GpuMemResourceName { get; }
    /// <summary><c>K8s:StorageClass</c>: storage class of the PVCs; null for the cluster's default.</summary>
    string? StorageClass { get; }
    /// <summary><c>K8s:CpuModel</c>: cpu widget model whose stock instances take; null when not configured.</summary>
    string? CpuModel { get; }
    /// <summary><c>K8s:GpuModel</c>: gpu widget model whose stock GPU instances take; null when not configured.</summary>
    string? GpuModel { get; }
}
