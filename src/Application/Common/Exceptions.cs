using Kboss.Domain.Common;

namespace Kboss.Application.Common;

/// <summary>
/// One or more parameters failed validation. Rendered as HTTP 200
/// <c>{"status": false, "msg": first message, "code": "invalid_argument", "errors": {param: [messages]}}</c>.
/// </summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(errors.Values.SelectMany(v => v).FirstOrDefault() ?? "参数错误")
{
    /// <summary>Messages per documented parameter name.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>A single-parameter failure.</summary>
    public static RequestValidationException For(string param, string message) =>
        new(new Dictionary<string, string[]> { [param] = [message] });
}

/// <summary>The caller may not do this (HTTP 403, <c>code: "forbidden"</c>).</summary>
public sealed class ForbiddenException(string message = "无权限") : Exception(message);

/// <summary>The caller must log in first (HTTP 401, <c>code: "unauthenticated"</c>).</summary>
public sealed class UnauthenticatedException(string message = "请先登录") : Exception(message);

/// <summary>
/// A business outcome that ends the use case early (not found, conflict, …). Rendered as HTTP 200
/// <c>{"status": false, "msg": Message, "code": Code}</c>.
/// </summary>
public sealed class BusinessException(string message, string code) : Exception(message)
{
    /// <summary>Machine-readable code from <see cref="Models.ErrorCodes"/>.</summary>
    public string Code { get; } = code;

    /// <summary>The named entity does not exist or is not visible.</summary>
    public static BusinessException NotFound(string message) => new(message, Models.ErrorCodes.NotFound);

    /// <summary>The change conflicts with existing data.</summary>
    public static BusinessException Conflict(string message) => new(message, Models.ErrorCodes.Conflict);
}

/// <summary>
/// Ends a use case on a refused domain rule: the exception the envelope renders for the failure's kind
/// (forbidden → 403; invalid_argument on a parameter → <c>errors</c>; otherwise <c>code</c> from
/// <see cref="Models.ErrorCodes.Of"/>).
/// </summary>
public static class FailureExceptions
{
    /// <summary>The exception for <paramref name="failure"/>.</summary>
    public static Exception ToException(this Failure failure) => failure switch
    {
        { Kind: FailureKind.Forbidden } => new ForbiddenException(failure.Message),
        { Kind: FailureKind.InvalidArgument, Param: { } param } =>
            RequestValidationException.For(param, failure.Message),
        _ => new BusinessException(failure.Message, Models.ErrorCodes.Of(failure.Kind)),
    };

    /// <summary>Nothing when done; throws <see cref="ToException"/> when refused.</summary>
    public static void OrThrow(this Result result)
    {
        if (result.Failure is { } failure) throw failure.ToException();
    }

    /// <summary>The value when done; throws <see cref="ToException"/> when refused.</summary>
    public static T OrThrow<T>(this Result<T> result) =>
        result.Failure is { } failure ? throw failure.ToException() : result.Value!;
}
