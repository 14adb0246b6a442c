namespace Kboss.Application.Common.Interfaces;

/// <summary>A Baidu Cloud (虚商) sub-account to create (finance.md §5.3, vendors.md §4.4).</summary>
/// <param name="Name">Account name.</param>
/// <param name="Email">Email, or null.</param>
/// <param name="MobilePhone">Mobile, or null.</param>
/// <param name="AccountType">Baidu's account type (values undocumented), or null.</param>
public sealed record BaiduAccountRequest(string Name, string? Email, string? MobilePhone, string? AccountType);

/// <summary>The account Baidu created.</summary>
/// <param name="AccountId">Baidu's account id (<c>accountId</c>, else <c>userId</c>/<c>id</c> of the answer).</param>
public sealed record BaiduAccountCreated(string AccountId);

/// <summary>
/// Baidu Cloud's reseller API (vendors.md §4.4), signed with BCE auth v1. Failures are
/// <see cref="OutsideCalls.OutsideCallException"/>: an error answer (<c>{requestId, code, message}</c>) is known; a
/// time-out or unreadable answer is unknown (the account may exist: never retried).
/// </summary>
public interface IBaiduCloudGateway
{
    /// <summary>True when the endpoint, access key and secret key are configured (<c>Baidu:*</c>).</summary>
    bool IsConfigured { get; }

    /// <summary><c>POST /v1/vs/account</c>: creates a sub-account.</summary>
    Task<BaiduAccountCreated> CreateAccountAsync(BaiduAccountRequest request, CancellationToken ct);
}
