using Kboss.Domain.Common;

namespace Kboss.Domain.WeChat;

/// <summary>
/// One WeChat web login in progress (analysis/platform.md §2.5, §4.6): the front end's <see cref="State"/>, the code
/// WeChat's redirect brought for it, and the browser that polls for it. The first browser that polls a state claims it
/// (<see cref="BrowserHash"/>, the SHA-256 of an HttpOnly cookie); the code goes to that browser only, once, within
/// <see cref="ExpiresAt"/> (5 minutes, the life of a WeChat code).
/// </summary>
public sealed class WeChatLoginState : Entity
{
    /// <summary>How long a state and its code live.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The front end's state (16–64 of <c>[A-Za-z0-9_-]</c>), unique.</summary>
    public string State { get; init; } = "";
    /// <summary>The code from WeChat's redirect; null until the user confirmed.</summary>
    public string? Code { get; set; }
    /// <summary>Hex SHA-256 of the claiming browser's cookie; "" until a browser polled.</summary>
    public string BrowserHash { get; set; } = "";
    /// <summary>After this instant (UTC) the state answers nothing.</summary>
    public DateTime ExpiresAt { get; init; }
    /// <summary>True once the code was handed out.</summary>
    public bool Consumed { get; set; }
}

/// <summary>Links a kboss user to a WeChat identity (analysis/platform.md §2.5): by unionid when WeChat gives one, else
/// by the openid under <see cref="AppId"/>.</summary>
public sealed class WeChatBinding : Entity
{
    /// <summary>The kboss user.</summary>
    public string UserId { get; init; } = "";
    /// <summary>The WeChat app the openid belongs to.</summary>
    public string AppId { get; init; } = "";
    /// <summary>openid under <see cref="AppId"/> (unique per app).</summary>
    public string OpenId { get; init; } = "";
    /// <summary>unionid across the operator's WeChat apps, when WeChat returns one.</summary>
    public string? UnionId { get; init; }
}
