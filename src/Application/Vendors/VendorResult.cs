using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;

namespace Kboss.Application.Vendors;

/// <summary>Why a vendor call failed (analysis/vendors.md §4.1).</summary>
public enum VendorErrorKind
{
    /// <summary>Success.</summary>
    None,
    /// <summary>The vendor refused the input.</summary>
    Validation,
    /// <summary>Bad key or signature.</summary>
    Auth,
    /// <summary>The named vendor object does not exist.</summary>
    NotFound,
    /// <summary>The object's state forbids it.</summary>
    Conflict,
    /// <summary>Vendor quota or account balance.</summary>
    QuotaOrBalance,
    /// <summary>Too many calls.</summary>
    RateLimited,
    /// <summary>Refused connection or HTTP 5xx.</summary>
    Unavailable,
    /// <summary>No answer in time.</summary>
    Timeout,
    /// <summary>An answer that is not the vendor's JSON (an HTML page, truncated JSON).</summary>
    Malformed,
    /// <summary>Any other vendor error code, or a connection lost after the request was sent.</summary>
    Unknown,
}

/// <summary>
/// The answer of every vendor adapter method (analysis/vendors.md §4.1): adapters never throw for a vendor's error
/// or a transport failure, they return it here; they throw only for programming errors. ADR 0037.
/// </summary>
/// <param name="Success">True when the vendor did it.</param>
/// <param name="Data">The parsed payload on success.</param>
/// <param name="VendorCode">The vendor's own code (<c>Success</c>, <c>InvalidParameter</c>, …), or null.</param>
/// <param name="Message">The vendor's message, verbatim (trimmed to 200 characters).</param>
/// <param name="RequestId">The vendor's request id, when sent.</param>
/// <param name="ErrorKind">Classification of a failure; <see cref="VendorErrorKind.None"/> on success.</param>
/// <param name="HttpStatus">HTTP status of the answer; null when none came.</param>
public sealed record VendorResult<T>(bool Success, T? Data, string? VendorCode, string? Message, string? RequestId,
    VendorErrorKind ErrorKind, int? HttpStatus)
{
    /// <summary>
    /// True when the vendor may have carried the call out although it did not say so: a time-out, a lost
    /// connection, an unreadable answer or an HTTP 5xx. A refused connection and an error answer are known failures.
    /// </summary>
    public bool OutcomeUnknown => ErrorKind is VendorErrorKind.Timeout or VendorErrorKind.Malformed
        || (ErrorKind == VendorErrorKind.Unknown && VendorCode is null)
        || (ErrorKind == VendorErrorKind.Unavailable && HttpStatus is not null);

    /// <summary>A success.</summary>
    public static VendorResult<T> Ok(T data, string? vendorCode, string? message, string? requestId, int http) =>
        new(true, data, vendorCode, message, requestId, VendorErrorKind.None, http);

    /// <summary>A failure.</summary>
    public static VendorResult<T> Fail(VendorErrorKind kind, string? vendorCode, string? message, int? http,
        string? requestId = null) => new(false, default, vendorCode, message, requestId, kind, http);

    /// <summary>The same failure carrying another payload type.</summary>
    public VendorResult<TOther> As<TOther>() =>
        new(Success, default, VendorCode, Message, RequestId, ErrorKind, HttpStatus);

    /// <summary>The Chinese message of a failure, naming <paramref name="system"/> (analysis/vendors.md §5.2: the
    /// vendor's own message verbatim for an error answer).</summary>
    public string Describe(string system) => ErrorKind switch
    {
        VendorErrorKind.Timeout => $"{system}接口请求超时,请稍后重试",
        VendorErrorKind.Unavailable or VendorErrorKind.Malformed => $"{system}接口异常,请稍后重试",
        VendorErrorKind.Unknown when VendorCode is null => $"{system}连接中断,请稍后查询结果",
        VendorErrorKind.Auth => $"{system}拒绝了接口密钥({VendorCode}: {Message})",
        _ => $"{system}返回错误({VendorCode}): {Message}",
    };

    /// <summary>The failure as the outside-call pattern's exception (unknown outcome or a known refusal).</summary>
    public OutsideCallException ToOutsideCall(string system) =>
        new(Describe(system), ErrorCodes.UpstreamFailed, OutcomeUnknown);

    /// <summary>The payload, or <c>upstream_failed</c> with <see cref="Describe"/>.</summary>
    /// <exception cref="BusinessException">The call failed.</exception>
    public T OrThrow(string system) =>
        Success ? Data! : throw new BusinessException(Describe(system), ErrorCodes.UpstreamFailed);
}
