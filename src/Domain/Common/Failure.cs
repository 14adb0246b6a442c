namespace Kboss.Domain.Common;

/// <summary>
/// Why a rule refused. Application maps each kind to one wire <c>code</c> (<c>ErrorCodes.Of</c>); a code is never
/// chosen from message text.
/// </summary>
public enum FailureKind
{
    /// <summary>An input is malformed or missing (<c>invalid_argument</c>).</summary>
    InvalidArgument,
    /// <summary>The named thing does not exist (<c>not_found</c>).</summary>
    NotFound,
    /// <summary>The change conflicts with the current state (<c>conflict</c>).</summary>
    Conflict,
    /// <summary>Not enough stock (<c>insufficient_stock</c>).</summary>
    InsufficientStock,
    /// <summary>The actor may never do this (HTTP 403).</summary>
    Forbidden,
}

/// <summary>A refusal: its kind, the Chinese message the client sees and, for input errors, the parameter.</summary>
/// <param name="Kind">Why.</param>
/// <param name="Message">Message shown as <c>msg</c>.</param>
/// <param name="Param">Documented parameter name an <see cref="FailureKind.InvalidArgument"/> is about, if any.</param>
public sealed record Failure(FailureKind Kind, string Message, string? Param = null);

/// <summary>Outcome of a state change: done, or refused with a <see cref="Common.Failure"/>.</summary>
/// <param name="Failure">Null when done.</param>
public readonly record struct Result(Failure? Failure)
{
    /// <summary>Done.</summary>
    public static Result Done => default;

    /// <summary>True when done.</summary>
    public bool Ok => Failure is null;

    /// <summary>A refusal.</summary>
    public static implicit operator Result(Failure failure) => new(failure);
}

/// <summary>Outcome that yields a value when done.</summary>
/// <typeparam name="T">The value.</typeparam>
/// <param name="Value">Set when done.</param>
/// <param name="Failure">Null when done.</param>
public readonly record struct Result<T>(T? Value, Failure? Failure)
{
    /// <summary>True when done.</summary>
    public bool Ok => Failure is null;

    /// <summary>Done with <paramref name="value"/>.</summary>
    public static implicit operator Result<T>(T value) => new(value, null);

    /// <summary>A refusal.</summary>
    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}

/// <summary>Small parse steps for raw request text.</summary>
public static class RequestText
{
    /// <summary>The trimmed text, <c>""</c> for null.</summary>
    public static string Trimmed(this string? value) => value?.Trim() ?? "";

    /// <summary>The trimmed text, or null when empty or white space.</summary>
    public static string? TrimmedOrNull(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
