using System.Text.Json.Serialization;

namespace Kboss.Application.Common.Models;

/// <summary>
/// The kboss envelope <c>{"status", "msg", "data", "code"?, "errors"?}</c> (ARCHITECTURE.md §2).
/// A failed business outcome is HTTP 200 with <c>status:false</c>, a Chinese <see cref="Msg"/> and a machine-readable
/// <see cref="Code"/> from <see cref="ErrorCodes"/>.
/// </summary>
/// <typeparam name="T">Shape of <c>data</c>.</typeparam>
public sealed record Reply<T> : IFileReply
{
    /// <summary>True on success.</summary>
    [JsonPropertyOrder(0)] public bool Status { get; init; }

    /// <summary>Human-readable Chinese message.</summary>
    [JsonPropertyOrder(1)] public string Msg { get; init; } = "";

    /// <summary>Payload; omitted when null.</summary>
    [JsonPropertyOrder(2)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public T? Data { get; init; }

    /// <summary>Machine-readable failure code; omitted on success.</summary>
    [JsonPropertyOrder(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Code { get; init; }

    /// <summary>Per-parameter validation messages; omitted unless validation failed.</summary>
    [JsonPropertyOrder(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>
    /// Top-level <c>classify_list</c> next to <c>data</c>, only where the spec shows it (finance.md §3.2 PRV-04,
    /// issue 11); omitted when null.
    /// </summary>
    [JsonPropertyOrder(5)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ClassifyList { get; init; }

    /// <summary>A file sent instead of the envelope (Excel exports); never serialised.</summary>
    [JsonIgnore]
    public FileDownload? File { get; init; }
}

/// <summary>Factory helpers for <see cref="Reply{T}"/>.</summary>
public static class Reply
{
    /// <summary>Success with <paramref name="data"/>.</summary>
    public static Reply<T> Ok<T>(string msg, T data) => new() { Status = true, Msg = msg, Data = data };

    /// <summary>Success answered with <paramref name="file"/> instead of the envelope.</summary>
    public static Reply<T> WithFile<T>(FileDownload file) => new() { Status = true, Msg = "导出成功", File = file };

    /// <summary>Failure with <paramref name="code"/>; <paramref name="data"/> only where the spec returns a partial result.</summary>
    public static Reply<T> Fail<T>(string msg, string code, T? data = default) =>
        new() { Status = false, Msg = msg, Code = code, Data = data };

    /// <summary>Failure carrying <paramref name="failure"/>'s message and the code of its kind.</summary>
    public static Reply<T> Fail<T>(Domain.Common.Failure failure, T? data = default) =>
        Fail(failure.Message, ErrorCodes.Of(failure.Kind), data);
}

/// <summary>Machine-readable failure codes carried in <c>code</c>.</summary>
public static class ErrorCodes
{
    /// <summary>A parameter is missing or malformed.</summary>
    public const string InvalidArgument = "invalid_argument";
    /// <summary>The named entity does not exist (or is not visible to the caller).</summary>
    public const string NotFound = "not_found";
    /// <summary>The change conflicts with existing data.</summary>
    public const string Conflict = "conflict";
    /// <summary>Not enough stock.</summary>
    public const string InsufficientStock = "insufficient_stock";
    /// <summary>An outside system failed.</summary>
    public const string UpstreamFailed = "upstream_failed";
    /// <summary>The outside system has no credentials configured.</summary>
    public const string NotConfigured = "not_configured";
    /// <summary>Wrong username or password.</summary>
    public const string InvalidCredentials = "invalid_credentials";
    /// <summary>Too many attempts; wait before retrying.</summary>
    public const string TooManyAttempts = "too_many_attempts";
    /// <summary>Not logged in (HTTP 401).</summary>
    public const string Unauthenticated = "unauthenticated";
    /// <summary>Logged in but not allowed (HTTP 403).</summary>
    public const string Forbidden = "forbidden";
    /// <summary>Unknown path (HTTP 404).</summary>
    public const string UnknownPath = "unknown_path";
    /// <summary>The feature exists in the contract but is not available yet.</summary>
    public const string NotImplemented = "not_implemented";
    /// <summary>The database stayed locked by another writer after the retries; try again shortly.</summary>
    public const string Busy = "busy";
    /// <summary>Unexpected server error (HTTP 500).</summary>
    public const string Internal = "internal";

    /// <summary>The one mapping from a domain failure kind to its wire code.</summary>
    public static string Of(Domain.Common.FailureKind kind) => kind switch
    {
        Domain.Common.FailureKind.InvalidArgument => InvalidArgument,
        Domain.Common.FailureKind.NotFound => NotFound,
        Domain.Common.FailureKind.Conflict => Conflict,
        Domain.Common.FailureKind.InsufficientStock => InsufficientStock,
        Domain.Common.FailureKind.Forbidden => Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
