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
/// HPC-09 <c>GET /hpc/HpcLdapUpdate.dspy</c> 更新账号: new <c>clustercode</c>, <c>queuecode</c> and <c>ldapuid</c>
/// ("ladp账号" in the spec) for account <c>id</c>; one left out keeps its value. <c>orgid</c> guards the binding
/// (when sent it must be the bound org; rebinding is HPC-05's, §6 #7); a synced account's identifiers are fixed
/// (conflict). <c>data</c> = the account. spec: 09-jinan-hpc.md; analysis/vendors.md §3.1.
/// </summary>
public sealed record UpdateHpcAccount : ICommand<Reply<HpcAccountView>>
{
    /// <summary>/hpc/HpcLdapSearch.dspy 返回的id.</summary>
    public string? Id { get; init; }
    /// <summary>/hpc/HpcLdapSearch.dspy 返回的orgid (guard).</summary>
    public string? Orgid { get; init; }
    /// <summary>集群账号.</summary>
    public string? Clustercode { get; init; }
    /// <summary>队列账号.</summary>
    public string? Queuecode { get; init; }
    /// <summary>ldap账号.</summary>
    public string? Ldapuid { get; init; }
}

public sealed class UpdateHpcAccountValidator : AbstractValidator<UpdateHpcAccount>
{
    public UpdateHpcAccountValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(64);
        RuleFor(x => x.Orgid).MaxChars(64);
        RuleFor(x => x.Clustercode).MaxChars(HpcAccount.CodeLength);
        RuleFor(x => x.Queuecode).MaxChars(HpcAccount.CodeLength);
        RuleFor(x => x.Ldapuid).MaxChars(HpcAccount.CodeLength);
    }
}

public sealed class UpdateHpcAccountHandler(IKbossDbContext db, ICurrentUser user, JinanHpcService hpc)
    : ICommandHandler<UpdateHpcAccount, Reply<HpcAccountView>>
{
    public async ValueTask<Reply<HpcAccountView>> Handle(UpdateHpcAccount c, CancellationToken ct)
    {
        var account = await hpc.AccountAsync(c.Id, ct);
        JinanHpcService.CheckEchoes(("orgid", c.Orgid, account.OrgId));
        var ldap = c.Ldapuid.TrimmedOrNull() ?? account.LdapUid;
        if (ldap != account.LdapUid && await db.HpcAccounts.AnyAsync(a =>
                a.LdapUid == ldap && a.Id != account.Id, ct))
            throw BusinessException.Conflict(AddHpcAccountHandler.ExistsMessage);
        account.Update(ldap, c.Clustercode.TrimmedOrNull() ?? account.ClusterCode,
            c.Queuecode.TrimmedOrNull() ?? account.QueueCode).OrThrow();
        db.AuditEntries.Add(Audit.Entry(user, "hpc.account.updated", "hpc_ldap_account", account.Id,
            new { ldapuid = ldap, clustercode = account.ClusterCode, queuecode = account.QueueCode }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(AddHpcAccountHandler.ExistsMessage);
        }
        var names = await hpc.OrgNamesAsync([account.OrgId], ct);
        return Reply.Ok("更新成功", hpc.View(account, names));
    }
}
