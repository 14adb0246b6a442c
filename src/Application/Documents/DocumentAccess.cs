using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Documents;
using Kboss.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Documents;

/// <summary>
/// Who sees and changes documents (analysis/platform.md §4.4, §6.3): shown documents are public; hidden ones only
/// operators and admins of an org they may act on see; changes likewise (another org's → 403).
/// </summary>
public sealed class DocumentAccess(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
{
    /// <summary>Unknown, deleted, or hidden from the caller.</summary>
    public const string NotFound = "文档不存在";

    /// <summary>True when the caller is an operator or admin (they may see hidden documents of their scope).</summary>
    public bool IsManager => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Operator);

    /// <summary>Orgs whose hidden documents the caller sees: null = all (admin), empty = none.</summary>
    public async Task<List<string>?> HiddenScopeAsync(CancellationToken ct) =>
        IsManager ? await orgs.ScopeAsync(ct) : [];

    /// <summary>Loads alive document <paramref name="id"/> (tracked) for a change by a manager of its org.</summary>
    public async Task<Document> LoadManageableAsync(string? id, CancellationToken ct)
    {
        var key = id.Trimmed();
        var d = await db.Documents.FirstOrDefaultAsync(x => x.Id == key, ct)
                ?? throw BusinessException.NotFound(NotFound);
        await orgs.EnsureCanActOnAsync(d.OrgId, "无权修改其他机构的文档", ct);
        return d;
    }

    /// <summary>Loads alive document <paramref name="id"/> the caller may see (hidden ones are not found for others).
    /// </summary>
    public async Task<Document> LoadVisibleAsync(string? id, CancellationToken ct)
    {
        var key = id.Trimmed();
        var d = await db.Documents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == key, ct);
        if (d is null) throw BusinessException.NotFound(NotFound);
        if (d.Status == Document.Shown) return d;
        var scope = await HiddenScopeAsync(ct);
        return scope is null || scope.Contains(d.OrgId) ? d : throw BusinessException.NotFound(NotFound);
    }
}
