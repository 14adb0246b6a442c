using System.Text.Json.Serialization;

namespace Kboss.Application.Pcapi;

/// <summary>The pcapi envelope <c>{"status", "info", "data"}</c> (spec: 36-cpcc-pcapi.md).</summary>
public sealed record PcapiReply
{
    /// <summary>An empty reply (set the properties).</summary>
    public PcapiReply() { }

    /// <summary>Success with typed <c>data</c> (<see cref="PcapiReply{T}"/>).</summary>
    public static PcapiReply<T> Ok<T>(string info, T data) => new() { Status = true, Info = info, Data = data };

    /// <summary>Typed failure: <c>info</c> = <paramref name="documented"/> + <c>": "</c> + <paramref name="reason"/>.</summary>
    public static PcapiReply<T> Fail<T>(string documented, string reason, string code, T data) =>
        new() { Status = false, Info = $"{documented}: {reason}", Data = data, Code = code };

    /// <summary>A reply with <paramref name="status"/>, <paramref name="info"/> and <paramref name="data"/>.</summary>
    public PcapiReply(bool status, string info, object? data)
    {
        Status = status;
        Info = info;
        Data = data;
    }

    /// <summary>True on success.</summary>
    [JsonPropertyOrder(0)] public bool Status { get; init; }
    /// <summary>Message (<c>operate success</c> / <c>operate failed</c> or the reason).</summary>
    [JsonPropertyOrder(1)] public string Info { get; init; } = "";
    /// <summary>Payload; written as <c>null</c> when none.</summary>
    [JsonPropertyOrder(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public object? Data { get; init; }
    /// <summary>Why it failed (Chinese, for a person); omitted on success.</summary>
    [JsonPropertyOrder(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
    /// <summary>Machine-readable failure code; omitted on success.</summary>
    [JsonPropertyOrder(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }
}
