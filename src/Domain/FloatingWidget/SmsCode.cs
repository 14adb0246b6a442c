using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Kboss.Domain.Common;

namespace Kboss.Domain.FloatingWidget;

/// <summary>Life of an <see cref="SmsCode"/>.</summary>
public enum SmsCodeState
{
    /// <summary>Recorded; the gateway call is under way (not usable yet).</summary>
    Pending = 0,
    /// <summary>Handed to the gateway (or its answer was lost): usable until it expires, is used or burned.</summary>
    Sent = 1,
    /// <summary>The gateway refused it: never usable.</summary>
    Failed = 2,
    /// <summary>Verified once: never usable again.</summary>
    Used = 3,
}

/// <summary>
/// Limits of SMS verification codes (analysis/platform.md §4.5). The caps are configuration
/// (<c>Sms:MaxPerMobilePerDay</c>, <c>Sms:MaxPerAddressPerDay</c>); a "day" is the last 24 hours.
/// </summary>
/// <param name="MaxPerMobilePerDay">Codes recorded for one mobile in 24 h (default 10).</param>
/// <param name="MaxPerAddressPerDay">Codes recorded from one client address in 24 h (default 50).</param>
public sealed record SmsCodePolicy(int MaxPerMobilePerDay = 10, int MaxPerAddressPerDay = 50)
{
    /// <summary>Digits of a code.</summary>
    public const int Digits = 6;
    /// <summary>Wrong tries that burn a code.</summary>
    public const int MaxAttempts = 5;
    /// <summary>How long a code is valid after it was recorded.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(5);
    /// <summary>Least time between two codes for one mobile.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(60);
    /// <summary>The window of the daily caps.</summary>
    public static readonly TimeSpan Day = TimeSpan.FromHours(24);
}

/// <summary>
/// 短信验证码 (analysis/platform.md §2.4, §4.5): 6 digits from a CSPRNG, stored only as a salted SHA-256 hash, valid
/// 5 minutes, single use, burned after 5 wrong tries; only the newest sent code of a mobile counts. Times are UTC from
/// the application's <see cref="TimeProvider"/>.
/// </summary>
public sealed class SmsCode : Entity
{
    /// <summary>Wrong-code message (also for expired, used or unknown codes: nothing is revealed).</summary>
    public const string WrongMessage = "验证码错误或已过期";
    /// <summary>Message within 60 s of the mobile's last code.</summary>
    public const string TooSoonMessage = "发送过于频繁,请稍后再试";
    /// <summary>Message once the 5th wrong try burned the code.</summary>
    public const string BurnedMessage = "验证码错误次数过多,请重新获取";

    /// <summary>Mainland mobile the code was sent to.</summary>
    public string Mobile { get; init; } = "";
    /// <summary>What the code proves (one purpose today: <c>verify</c>).</summary>
    public string Purpose { get; init; } = "verify";
    /// <summary>Random salt, hex.</summary>
    public string Salt { get; init; } = "";
    /// <summary>SHA-256 of salt and code, hex; never the code.</summary>
    public string CodeHash { get; init; } = "";
    /// <summary>Client address that asked for it (throttle key form).</summary>
    public string ClientAddress { get; init; } = "";
    /// <summary>When it was recorded (UTC); the resend interval and caps count from it.</summary>
    public DateTime SentAt { get; init; }
    /// <summary>End of validity (UTC).</summary>
    public DateTime ExpireAt { get; init; }
    /// <summary>Wrong tries so far.</summary>
    public int Attempts { get; private set; }
    /// <summary>State.</summary>
    public SmsCodeState State { get; private set; }
    /// <summary>Why the gateway refused it.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>A fresh 6-digit code from the cryptographic RNG.</summary>
    public static string NewCode() =>
        RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A pending code for <paramref name="mobile"/> recorded at <paramref name="now"/>.</summary>
    public static SmsCode Record(string mobile, string code, string clientAddress, DateTime now)
    {
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return new SmsCode
        {
            Mobile = mobile, Salt = salt, CodeHash = Hash(salt, code), ClientAddress = clientAddress, SentAt = now,
            ExpireAt = now + SmsCodePolicy.Validity, State = SmsCodeState.Pending,
        };
    }

    /// <summary>True when <paramref name="code"/> is this row's code (constant time).</summary>
    public bool Matches(string code) => CryptographicOperations.FixedTimeEquals(
        Encoding.ASCII.GetBytes(Hash(Salt, code)), Encoding.ASCII.GetBytes(CodeHash));

    /// <summary>The gateway took it.</summary>
    public void MarkSent() => State = SmsCodeState.Sent;

    /// <summary>The gateway refused it.</summary>
    public void MarkFailed(string reason)
    {
        State = SmsCodeState.Failed;
        FailureReason = reason.Length > 200 ? reason[..200] : reason;
    }

    /// <summary>Rows that may still be verified at <paramref name="now"/> (also the guard of the one-use
    /// update).</summary>
    public static Expression<Func<SmsCode, bool>> Usable(DateTime now) => c =>
        c.State == SmsCodeState.Sent && c.Attempts < SmsCodePolicy.MaxAttempts && c.ExpireAt > now;

    /// <summary>
    /// Why a send at <paramref name="now"/> is refused (the Chinese message), or null. Every recorded code counts,
    /// also one the gateway refused, so a failing number cannot be used to hammer the gateway.
    /// </summary>
    /// <param name="lastForMobile">When the newest code of the mobile was recorded.</param>
    /// <param name="mobileToday">Codes of the mobile in the last 24 h.</param>
    /// <param name="addressToday">Codes asked for from the client address in the last 24 h.</param>
    /// <param name="now">Now (UTC).</param>
    /// <param name="policy">Caps.</param>
    public static string? SendRefusal(DateTime? lastForMobile, int mobileToday, int addressToday, DateTime now,
        SmsCodePolicy policy)
    {
        if (lastForMobile is { } last && now - last < SmsCodePolicy.ResendInterval) return TooSoonMessage;
        if (mobileToday >= policy.MaxPerMobilePerDay || addressToday >= policy.MaxPerAddressPerDay)
            return "今日验证码发送次数已达上限,请明天再试";
        return null;
    }

    private static string Hash(string salt, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + code)));
}

/// <summary>
/// The last time a code was recorded for one mobile (table <c>sms_send_guard</c>, key: the mobile). The 60-s interval
/// is taken by one conditional UPDATE of this row (or the INSERT of a new one, which the primary key makes unique), so
/// two requests for one mobile can never both pass, on any provider and across nodes.
/// </summary>
public sealed class SmsSendGuard
{
    /// <summary>Mainland mobile (primary key).</summary>
    public string Mobile { get; init; } = "";
    /// <summary>When its newest code was recorded (UTC).</summary>
    public DateTime LastSentAt { get; init; }

    /// <summary>Rows whose interval is over at <paramref name="now"/> (the guard of the taking UPDATE).</summary>
    public static System.Linq.Expressions.Expression<Func<SmsSendGuard, bool>> Free(string mobile, DateTime now)
    {
        var limit = now - SmsCodePolicy.ResendInterval;
        return g => g.Mobile == mobile && g.LastSentAt <= limit;
    }
}
