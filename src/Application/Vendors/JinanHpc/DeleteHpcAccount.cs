using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// HPC-08 <c>GET /hpc/HpcLdapDelete.dspy</c> 删除账号, with the spec's rules: "1. 账号没有绑定过 参数orgid不填 或者
/// orgid为空 2. 账号已经绑定过 参数orgid必填 3. 已经同步成功的用户账号无法删除" (a bound account's <c>orgid</c> must be
/// its org). Soft delete; the binding is cleared. spec: 09-jinan-hpc.md; analysis/vendors.md §3.1.
/// </summary>
public sealed record DeleteHpcAccount : ICommand<Reply<object?>>
{
    /// <summary>账号查询接口返回的id.</summary>
    public string? Id { get; init; }
    /// <summary>账号查询接口返回的orgid.</summary>
    public string? Orgid { get; init; }
}

public sealed class DeleteHpcAccountValidator : AbstractValidator<DeleteHpcAccount>
{
    public DeleteHpcAccountValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(64);
        RuleFor(x => x.Orgid).MaxChars(64);
    }
}

public sealed class DeleteHpcAccountHandler(IKbossDbContext db, ICurrentUser user, JinanHpcService hpc)
    : ICommandHandler<DeleteHpcAccount, Reply<object?>>
{
    public async ValueTask<Reply<object?>> Handle(DeleteHpcAccount c, CancellationToken ct)
    {
        var account = await hpc.AccountAsync(c.Id, ct);
        var org = account.OrgId;
        account.Delete(c.Orgid.TrimmedOrNull()).OrThrow();
        db.AuditEntries.Add(Audit.Entry(user, "hpc.account.deleted", "hpc_ldap_account", account.Id,
            new { ldapuid = account.LdapUid, orgid = org }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok<object?>("删除成功", null);
    }
}
