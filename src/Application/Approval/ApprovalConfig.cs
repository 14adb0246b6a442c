using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Approval;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kboss.Application.Approval;

/// <summary>
/// Loads an org's approval configuration and talks to its DingTalk app for the approval use cases: the refusals
/// share their messages (analysis/platform.md §3.1 E12–E16), DingTalk failures become <c>upstream_failed</c>, and
/// phone → userid answers are cached for 24 h per (org, phone).
/// </summary>
public sealed class ApprovalConfig(IKbossDbContext db, ISecretProtector secrets, IDingTalkApprovalClient dingTalk,
    IMemoryCache cache)
{
    /// <summary>The org has no DingTalk keys.</summary>
    public const string NoKeyMessage = "未配置审批密钥";
    /// <summary>No live business has that id or name.</summary>
    public const string NoBusinessMessage = "审批业务不存在";
    /// <summary>DingTalk knows no user with that mobile.</summary>
    public const string UnknownPhoneMessage = "钉钉中未找到该手机号用户";

    /// <summary>The live business <paramref name="id"/>.</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    public async Task<ApvBusiness> BusinessAsync(string? id, CancellationToken ct)
    {
        var key = id?.Trim() ?? "";
        return await db.ApvBusinesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == key, ct)
               ?? throw BusinessException.NotFound(NoBusinessMessage);
    }

    /// <summary>The org's live keys.</summary>
    /// <exception cref="BusinessException">not_configured.</exception>
    public async Task<ApvKey> KeyAsync(string orgId, CancellationToken ct) =>
        await db.ApvKeys.AsNoTracking().FirstOrDefaultAsync(k => k.OrgId == orgId, ct)
        ?? throw new BusinessException(NoKeyMessage, ErrorCodes.NotConfigured);

    /// <summary>The app of <paramref name="key"/> with its secret in clear.</summary>
    public DingTalkApp App(ApvKey key) => new(key.OrgId, key.AppKey, secrets.Unprotect(key.AppSecret));

    /// <summary>The DingTalk userid of <paramref name="phone"/> (cached 24 h).</summary>
    /// <exception cref="BusinessException">not_found with <paramref name="unknownMessage"/>;
    /// upstream_failed.</exception>
    public async Task<string> UserIdAsync(DingTalkApp app, string phone, string unknownMessage, CancellationToken ct)
    {
        var cacheKey = ("apv.dd.user", app.OrgId, app.AppKey, phone);
        if (cache.TryGetValue(cacheKey, out string? known) && known is not null) return known;
        var userId = await CallAsync(() => dingTalk.GetUserIdByMobileAsync(app, phone, ct));
        if (string.IsNullOrEmpty(userId)) throw BusinessException.NotFound(unknownMessage);
        cache.Set(cacheKey, userId, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(24), Size = 1, // the host's cache has a size limit
        });
        return userId;
    }

    /// <summary>Forms the app may use, listed for <paramref name="userId"/>.</summary>
    public Task<IReadOnlyList<DingTalkForm>> FormsAsync(DingTalkApp app, string userId, CancellationToken ct) =>
        CallAsync(() => dingTalk.ListFormsAsync(app, userId, ct));

    /// <summary>Runs a DingTalk call; its failure as <c>upstream_failed</c> with DingTalk's message.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (OutsideCallException e)
        {
            throw new BusinessException(e.Message, e.Code);
        }
    }
}
