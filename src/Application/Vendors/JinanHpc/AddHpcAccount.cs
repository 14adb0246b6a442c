using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// HPC-07 <c>GET /hpc/HpcLdapAdd.dspy</c> 新增账号: adds an unbound account (pre-provisioned by the centre, entered
/// by hand; no vendor call) to the caller's pool. All three required; a live <c>ldapuid</c> already in the pool →
/// conflict 账号已存在. <c>data</c> = the account (its new <c>id</c>). spec: 09-jinan-hpc.md; vendors.md §3.1.
/// </summary>
public sealed record AddHpcAccount : ICommand<Reply<HpcAccountView>>
{
    /// <summary>集群账号.</summary>
    public string? Clustercode { get; init; }
    /// <summary>队列账号.</summary>
    public string? Queuecode { get; init; }
    /// <summary>ldap账号.</summary>
    public string? Ldapuid { get; init; }
}

public sealed class AddHpcAccountValidator : AbstractValidator<AddHpcAccount>
{
    public AddHpcAccountValidator()
    {
        RuleFor(x => x.Clustercode).Required().MaxChars(HpcAccount.CodeLength);
        RuleFor(x => x.Queuecode).Required().MaxChars(HpcAccount.CodeLength);
        RuleFor(x => x.Ldapuid).Required().MaxChars(HpcAccount.CodeLength);
    }
}

public sealed class AddHpcAccountHandler(IKbossDbContext db, ICurrentUser user, JinanHpcService hpc)
    : ICommandHandler<AddHpcAccount, Reply<HpcAccountView>>
{
    /// <summary>HPC-07 duplicate (analysis/vendors.md §5.2).</summary>
    public const string ExistsMessage = "账号已存在";

    public async ValueTask<Reply<HpcAccountView>> Handle(AddHpcAccount c, CancellationToken ct)
    {
        var pool = hpc.PoolOrgId;
        var ldap = c.Ldapuid.Trimmed();
        // one centre: an LDAP user lives in one pool only (another operator's pool must not hand it out again)
        if (await db.HpcAccounts.AnyAsync(a => a.LdapUid == ldap, ct))
            throw BusinessException.Conflict(ExistsMessage);
        var account = HpcAccount.New(pool, ldap, c.Clustercode.Trimmed(), c.Queuecode.Trimmed()).OrThrow();
        db.HpcAccounts.Add(account);
        db.AuditEntries.Add(Audit.Entry(user, "hpc.account.added", "hpc_ldap_account", account.Id,
            new { ldapuid = ldap, clustercode = account.ClusterCode, queuecode = account.QueueCode }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(ExistsMessage);
        }
        return Reply.Ok("新增成功", hpc.View(account, new Dictionary<string, string>()));
    }
}
