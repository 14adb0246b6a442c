using System.Globalization;
using FluentValidation;

namespace Kboss.Application.Common.Validation;

/// <summary>
/// The validation vocabulary of every use case, with the platform's Chinese messages. Request fields arrive as
/// strings (the legacy clients send everything as text), so these rules check they parse.
/// </summary>
public static class RuleExtensions
{
    /// <summary>Message for a missing parameter: <c>缺少必要参数: name</c>.</summary>
    public static string Missing(string param) => $"缺少必要参数: {param}";

    /// <summary>Non-empty, with <c>缺少必要参数: {name}</c> (or <paramref name="message"/>).</summary>
    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule, string? message = null) =>
        rule.NotEmpty().WithMessage(message ?? "缺少必要参数: {PropertyName}");

    /// <summary>At most <paramref name="max"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> MaxChars<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(v => v is null || v.Length <= max).WithMessage($"{{PropertyName}} 长度不能超过 {max} 个字符");

    /// <summary>Empty or an integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static IRuleBuilderOptions<T, string?> OptionalInt<T>(this IRuleBuilder<T, string?> rule,
        long min = long.MinValue, long max = long.MaxValue) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || (TryInt(v, out var n) && n >= min && n <= max))
            .WithMessage(min == long.MinValue ? "{PropertyName} 必须是整数"
                : max >= int.MaxValue ? $"{{PropertyName}} 必须是不小于 {min} 的整数" : $"{{PropertyName}} 必须是 {min} 到 {max} 之间的整数");

    /// <summary>
    /// Exclusive upper bound of a money value: money columns are <c>decimal(19,6)</c>, whose largest value is
    /// 9,999,999,999,999.999999 (13 integer digits). A larger value would overflow the SQL Server column.
    /// </summary>
    public const decimal MaxMoneyExclusive = 10_000_000_000_000m;

    /// <summary>Empty or a decimal in [<paramref name="min"/>, <see cref="MaxMoneyExclusive"/>) with at most <paramref name="scale"/> decimals.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalDecimal<T>(this IRuleBuilder<T, string?> rule,
        decimal min = 0m, int scale = 6) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || (TryDecimal(v, out var d) && d >= min && d < MaxMoneyExclusive && Normalized(d).Scale <= scale))
            .WithMessage($"{{PropertyName}} 必须是不小于 {min} 的数字,最多 {scale} 位小数");

    /// <summary>Empty or a date <c>yyyy-MM-dd</c>.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || TryDate(v, out _))
            .WithMessage("{PropertyName} 日期格式应为 yyyy-MM-dd");

    /// <summary>Empty or one of <paramref name="allowed"/>.</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IEnumerable<string> allowed)
    {
        var set = allowed.ToArray();
        return rule.Must(v => string.IsNullOrWhiteSpace(v) || set.Contains(v.Trim()))
            .WithMessage($"{{PropertyName}} 取值无效,可选: {string.Join("/", set)}");
    }

    /// <summary>No control characters (CR/LF, NUL, …): for values sent on in headers or signatures.</summary>
    public static IRuleBuilderOptions<T, string?> NoControlChars<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => v is null || !v.Any(char.IsControl)).WithMessage("{PropertyName} 包含非法控制字符");

    /// <summary>Empty or an absolute http(s) URL.</summary>
    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || (Uri.TryCreate(v.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)))
            .WithMessage("{PropertyName} 必须是以 http:// 或 https:// 开头的完整地址");

    /// <summary>
    /// Empty, an absolute http(s) URL, or a path without a scheme (<c>qr/a.png</c>, <c>/doc/…</c>): a link stored for
    /// others to follow is never <c>javascript:</c>, <c>data:</c> or another scheme, protocol-relative (<c>//host</c>)
    /// or holding control characters (browsers drop them inside a scheme).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> SafeLink<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsSafeLink).WithMessage("{PropertyName} 只能是 http(s) 地址或站内路径");

    /// <summary>The rule of <see cref="SafeLink{T}"/>.</summary>
    public static bool IsSafeLink(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return true;
        var link = value.Trim();
        if (link.Any(char.IsControl) || link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith('\\'))
            return false;
        var colon = link.IndexOf(':');
        var pathStart = link.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon)) return true;
        return Uri.TryCreate(link, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    /// <summary><paramref name="d"/> without trailing zeros (<c>1.0000000</c> → <c>1</c>).</summary>
    public static decimal Normalized(decimal d) => d / 1.000000000000000000000000000000000m;

    /// <summary>Largest stock quantity in one widget entry and one change (cpu 核, memory Mi, disk Gi, gpu 卡).</summary>
    public const long MaxStock = 1_000_000_000_000_000;
    /// <summary>Empty or a time <c>yyyy-MM-dd</c> or <c>yyyy-MM-dd HH:mm:ss</c> (analysis/catalog.md §4.4).</summary>
    public static IRuleBuilderOptions<T, string?> OptionalDateTime<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || TryDateOrTime(v, out _, out _))
            .WithMessage("{PropertyName} 时间格式应为 yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss");

    /// <summary>Parses <c>yyyy-MM-dd</c> (<paramref name="dateOnly"/> true) or <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public static bool TryDateOrTime(string? value, out DateTime result, out bool dateOnly)
    {
        dateOnly = TryDate(value, out var d);
        if (dateOnly) { result = d.ToDateTime(TimeOnly.MinValue); return true; }
        return DateTime.TryParseExact(value?.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out result);
    }

    /// <summary>
    /// The UTC bound of an inclusive range given in platform time <paramref name="zone"/>: a start as is; an end as the
    /// exclusive instant after it (a date-only end covers the whole day). Null when empty (validated before).
    /// </summary>
    public static DateTime? ToUtcBound(string? value, TimeZoneInfo zone, bool isEnd)
    {
        if (!TryDateOrTime(value, out var local, out var dateOnly)) return null;
        if (isEnd) local = dateOnly ? local.AddDays(1) : local.AddSeconds(1);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    /// <summary>Parses an invariant integer (surrounding spaces allowed).</summary>
    public static bool TryInt(string? value, out long result) =>
        long.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);

    /// <summary>Parses an invariant decimal (surrounding spaces allowed, no exponent, no thousands separators).</summary>
    public static bool TryDecimal(string? value, out decimal result) =>
        decimal.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out result);

    /// <summary>Parses <c>yyyy-MM-dd</c>.</summary>
    public static bool TryDate(string? value, out DateOnly result) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out result);

    /// <summary>Parsed optional date (validated before).</summary>
    public static DateOnly? ToDate(string? value) => TryDate(value, out var d) ? d : null;
}
