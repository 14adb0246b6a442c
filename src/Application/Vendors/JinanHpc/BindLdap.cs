using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// HPC-05 <c>GET /hpc/bind_ldap.dspy</c> 绑定用户: binds the unbound account <c>id</c> of the caller's pool to the
/// customer org <c>orgid</c> (one of the caller's customers, else 403). <c>clustercode</c>, <c>queuecode</c> and
/// <c>ldapuid</c>, when sent, must equal the account's. An account already bound, or an org that already has one,
/// is a conflict (§6 #11). <c>data</c> = the account. spec: 09-jinan-hpc.md; analysis/vendors.md §3.1.
/// </summary>
public sealed record BindLdap : ICommand<Reply<HpcAccountView>>
{
    /// <summary>账号查询接口返回的id.</summary>
    public string? Id { get; init; }
    /// <summary>集群账号 (echo).</summary>
    public string? Clustercode { get; init; }
    /// <summary>队列账号 (echo).</summary>
    public string? Queuecode { get; init; }
    /// <summary>ldap账号 (echo).</summary>
    public string? Ldapuid { get; init; }
    /// <summary>要绑定的用户orgid.</summary>
    public string? Orgid { get; init; }
}

public sealed class BindLdapValidator : AbstractValidator<BindLdap>
{
    public BindLdapValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(64);
        RuleFor(x => x.Orgid).Required().MaxChars(64);
        RuleFor(x => x.Clustercode).MaxChars(64);
        RuleFor(x => x.Queuecode).MaxChars(64);
        RuleFor(x => x.Ldapuid).MaxChars(64);
    }
}

public sealed class BindLdapHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs, VendorKeys keys,
    JinanHpcService hpc, TimeProvider clock) : ICommandHandler<BindLdap, Reply<HpcAccountView>>
{
    public async ValueTask<Reply<HpcAccountView>> Handle(BindLdap c, CancellationToken ct)
    {
        var account = await hpc.AccountAsync(c.Id, ct);
        var orgId = c.Orgid.Trimmed();
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct)
                  ?? throw BusinessException.NotFound("机构不存在");
        await orgs.EnsureCanActOnAsync(orgId, JinanHpcService.ForbiddenMessage, ct);
        if (org.Kind != OrgKind.Customer) throw RequestValidationException.For("orgid", "orgid必须是客户机构");
        if (await keys.OperatorOfAsync(orgId, ct) != account.OperatorOrgId)
            throw new ForbiddenException(JinanHpcService.ForbiddenMessage);
        JinanHpcService.CheckEchoes(("clustercode", c.Clustercode, account.ClusterCode),
            ("queuecode", c.Queuecode, account.QueueCode), ("ldapuid", c.Ldapuid, account.LdapUid));
        if (await hpc.BoundAsync(orgId, ct) is { } other && other.Id != account.Id)
            throw BusinessException.Conflict("该用户已绑定超算账号");
        account.Bind(orgId, clock.GetUtcNow().UtcDateTime).OrThrow();
        db.AuditEntries.Add(Audit.Entry(user, "hpc.account.bound", "hpc_ldap_account", account.Id,
            new { orgid = orgId, ldapuid = account.LdapUid }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("该用户已绑定超算账号");
        }
        return Reply.Ok("绑定成功", hpc.View(account, new Dictionary<string, string> { [orgId] = org.Name }));
    }
}
