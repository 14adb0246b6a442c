using Kboss.Application.Common.Interfaces;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure;

/// <summary><see cref="IK8sCloudSettings"/> read live from configuration section <c>K8s</c>.</summary>
public sealed class K8sCloudSettings(IConfiguration configuration) : IK8sCloudSettings
{
    private IConfigurationSection Section => configuration.GetSection("K8s");

    private string? Value(string key) => Section[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public string? ClusterId => Value("Cluster");

    public IReadOnlyList<string> AllowedImages
    {
        get
        {
            var section = Section.GetSection("AllowedImages");
            var items = section.GetChildren().Select(c => c.Value).Append(section.Value)
                .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return items.Distinct(StringComparer.Ordinal).ToList();
        }
    }

    public string DataMountPath => Value("DataMountPath") ?? "/data";
    public string GpuMemResourceName => Value("GpuMemResourceName") ?? "nvidia.com/gpumem";
    public string? StorageClass => Value("StorageClass");
    public string? CpuModel => Value("CpuModel");
    public string? GpuModel => Value("GpuModel");
}
