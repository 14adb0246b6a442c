namespace Kboss.Application.Common.Interfaces;

/// <summary>
/// The SMS gateway (analysis/platform.md §5.2): sends a verification code through the provider's template. Adapter:
/// Aliyun SMS <c>SendSms</c> (Infrastructure/Sms). Never auto-retried (a repeat would send a second message).
/// </summary>
public interface ISmsGateway
{
    /// <summary>False when no credentials are configured: senders answer <c>not_configured</c>.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends <paramref name="code"/> to <paramref name="mobile"/>.</summary>
    /// <exception cref="OutsideCalls.OutsideCallException">The provider refused (known) or did not answer readably
    /// in time (<c>OutcomeUnknown</c>: the message may still arrive).</exception>
    Task SendVerificationCodeAsync(string mobile, string code, CancellationToken ct);
}
