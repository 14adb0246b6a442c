using Kboss.Application.Common.Interfaces;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure;

/// <summary><see cref="IK8sCloudSettings"/> read live from configuration section <c>K8s</c>.</summary>
public sealed class K8sCloudSettings(IConfiguration configuration) : IK8sCloudSettings
{
    private IConfigurationSection Section => configuration.GetSection("K8s");

    private string? Value(string key) => Section[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    /// <inheritdoc />
    public string? ClusterId => Value("Cluster");

    /// <inheritdoc />
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

    /// <inheritdoc />
    public string DataMountPath => Value("DataMountPath") ?? "/data";
    /// <inheritdoc />
    public string GpuMemResourceName => Value("GpuMemResourceName") ?? "nvidia.com/gpumem";
    /// <inheritdoc />
    public string? StorageClass => Value("StorageClass");
    /// <inheritdoc />
    public string? CpuModel => Value("CpuModel");
    /// <inheritdoc />
    public string? GpuModel => Value("GpuModel");
}
