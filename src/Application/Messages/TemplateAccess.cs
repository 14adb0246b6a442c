using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Messages;

/// <summary>
/// Who manages 站内信模板 (analysis/platform.md §6.3 E23–E28): operators and admins, each template of an org the
/// caller may act on (another org's → 403); a message type is unique among an org's alive templates.
/// </summary>
public sealed class TemplateAccess(IKbossDbContext db, OrgAccess orgs)
{
    /// <summary>Unknown or deleted template.</summary>
    public const string NotFound = "模板不存在";
    /// <summary>Another alive template of the org has the type.</summary>
    public const string Duplicate = "该类型模板已存在";

    /// <summary>Loads alive template <paramref name="id"/> (tracked) and checks the caller may manage it.</summary>
    public async Task<MessageTemplate> LoadManageableAsync(string? id, CancellationToken ct)
    {
        var key = id.Trimmed();
        var t = await db.MessageTemplates.FirstOrDefaultAsync(x => x.Id == key, ct)
                ?? throw BusinessException.NotFound(NotFound);
        await EnsureCanManageAsync(t, ct);
        return t;
    }

    /// <summary>Throws 403 unless the caller may act on the template's org.</summary>
    public ValueTask EnsureCanManageAsync(MessageTemplate t, CancellationToken ct) =>
        orgs.EnsureCanActOnAsync(t.OrgId, "无权操作其他机构的站内信模板", ct);

    /// <summary>Refuses a type another alive template of <paramref name="orgId"/> already has.</summary>
    public async Task EnsureTypeFreeAsync(string orgId, string msgType, string? exceptId, CancellationToken ct)
    {
        if (await db.MessageTemplates.AnyAsync(t => t.OrgId == orgId && t.MsgType == msgType && t.Id != exceptId, ct))
            throw BusinessException.Conflict(Duplicate);
    }

    /// <summary>Saves; a unique-index race on the type is the same conflict.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(Duplicate);
        }
    }
}
