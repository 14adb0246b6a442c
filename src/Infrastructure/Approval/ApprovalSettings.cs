using System.Globalization;
using Kboss.Application.Approval;
using Kboss.Domain.Common;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Approval;

/// <summary>
/// Configuration section <c>Approval</c> (README, "Approvals with DingTalk"; ADR 0026).
/// </summary>
/// <param name="Options">The hub's settings (<see cref="ApprovalOptions"/>).</param>
/// <param name="ApiBaseUrl">DingTalk's new API (<c>Approval:DingTalk:ApiBaseUrl</c>, default
/// <c>https://api.dingtalk.com</c>).</param>
/// <param name="OapiBaseUrl">DingTalk's old API, used for the user lookup (<c>Approval:DingTalk:OapiBaseUrl</c>,
/// default <c>https://oapi.dingtalk.com</c>).</param>
/// <param name="CallbackAllowedHosts">Hosts callback URLs may name (<c>Approval:CallbackAllowedHosts</c>, a list or
/// comma-separated; <c>*.example.com</c> matches subdomains); empty: no callback URL is accepted.</param>
/// <param name="AllowPrivateCallbackAddresses">Whether a callback host may resolve to a loopback or private address
/// (<c>Approval:AllowPrivateCallbackAddresses</c>, default false); link-local, multicast and unspecified never.</param>
public sealed record ApprovalSettings(ApprovalOptions Options, Uri ApiBaseUrl, Uri OapiBaseUrl,
    IReadOnlyList<string> CallbackAllowedHosts, bool AllowPrivateCallbackAddresses)
{
    /// <summary>Reads the section.</summary>
    public static ApprovalSettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection("Approval");
        var d = ApprovalOptions.Default;
        var backoff = List(s.GetSection("CallbackBackoffSeconds"))
            .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0
                ? TimeSpan.FromSeconds(n)
                : throw new InvalidOperationException($"Approval:CallbackBackoffSeconds: '{v}' is not a number"))
            .ToList();
        var options = new ApprovalOptions(
            s["TitleFieldName"].TrimmedOrNull() ?? d.TitleFieldName,
            s["DetailFieldName"].TrimmedOrNull() ?? d.DetailFieldName,
            long.TryParse(s["DeptId"], CultureInfo.InvariantCulture, out var dept) ? dept : null,
            backoff.Count > 0 ? backoff : d.CallbackBackoff,
            Seconds(s["CallTimeoutSeconds"]) ?? d.CallTimeout,
            Seconds(s["ReconcileAfterSeconds"]) ?? d.ReconcileAfter);
        return new ApprovalSettings(options,
            new Uri(s["DingTalk:ApiBaseUrl"].TrimmedOrNull() ?? "https://api.dingtalk.com"),
            new Uri(s["DingTalk:OapiBaseUrl"].TrimmedOrNull() ?? "https://oapi.dingtalk.com"),
            List(s.GetSection("CallbackAllowedHosts")).Select(h => h.ToLowerInvariant()).ToList(),
            bool.TryParse(s["AllowPrivateCallbackAddresses"], out var p) && p);
    }

    /// <summary>An array section or one comma-separated value.</summary>
    private static IEnumerable<string> List(IConfigurationSection section)
    {
        var items = section.GetChildren().Select(c => c.Value ?? "").ToList();
        if (items.Count == 0 && section.Value is { } one) items = [.. one.Split(',')];
        return items.Select(i => i.Trim()).Where(i => i.Length > 0);
    }

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? TimeSpan.FromSeconds(n) : null;
}
