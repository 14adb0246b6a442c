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
