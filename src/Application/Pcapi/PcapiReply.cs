using System.Text.Json.Serialization;

namespace Kboss.Application.Pcapi;

/// <summary>
/// The pcapi envelope <c>{"status", "info", "data"}</c> (spec: 36-cpcc-pcapi.md; ARCHITECTURE.md §2: pcapi endpoints use
/// <c>info</c> instead of <c>msg</c>). <c>data</c> is always present (<c>""</c> when a failure has nothing to report, as in the
/// spec's <c>operate failed</c> example). Failures add the platform's machine-readable <c>code</c> and, for validation,
/// <c>errors</c>; <c>info</c> is then the documented failure text followed by the reason (e.g.
/// <c>operate failed: 列出节点失败: 集群 API 返回 500</c>).
/// </summary>
/// <typeparam name="T">Shape of <c>data</c>.</typeparam>
public sealed record PcapiReply<T>
{
    /// <summary>True on success.</summary>
    [JsonPropertyOrder(0)] public bool Status { get; init; }

    /// <summary>The documented text (<c>operate success</c>, <c>节点绑定标签成功</c>, …), with the reason on failure.</summary>
    [JsonPropertyOrder(1)] public string Info { get; init; } = "";

    /// <summary>Payload.</summary>
    [JsonPropertyOrder(2)] public T? Data { get; init; }

    /// <summary>Machine-readable failure code; omitted on success.</summary>
    [JsonPropertyOrder(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }

    /// <summary>Per-parameter validation messages; omitted unless validation failed.</summary>
    [JsonPropertyOrder(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
