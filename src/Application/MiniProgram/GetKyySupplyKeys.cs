using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.MiniProgram;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.MiniProgram;

/// <summary>
/// <c>GET /operation/get_kyy_supply_key.dspy</c> 运维获取供应key (analysis/platform.md E47, §7 #47; ops, operators,
/// admins): the sorted, distinct top-level keys of <c>basic_info</c> over the org's alive products (the columns of
/// the ops table); rows whose <c>basic_info</c> is not an object add nothing.
/// </summary>
public sealed record GetKyySupplyKeys : IQuery<Reply<IReadOnlyList<string>>>, IOrgScoped
{
    /// <summary>Org (default: the caller's; not documented, analysis E47 [REC]).</summary>
    public string? Orgid { get; set; }
}

public sealed class GetKyySupplyKeysValidator : AbstractValidator<GetKyySupplyKeys>
{
    public GetKyySupplyKeysValidator() => RuleFor(x => x.Orgid).MaxChars(64);
}

public sealed class GetKyySupplyKeysHandler(IKbossDbContext db)
    : IQueryHandler<GetKyySupplyKeys, Reply<IReadOnlyList<string>>>
{
    public async ValueTask<Reply<IReadOnlyList<string>>> Handle(GetKyySupplyKeys q, CancellationToken ct)
    {
        var infos = await db.KyySupplies.AsNoTracking().Where(x => x.OrgId == q.Orgid).Select(x => x.BasicInfo)
            .ToListAsync(ct);
        IReadOnlyList<string> keys = infos.SelectMany(KyySupply.KeysOf).Distinct().Order(StringComparer.Ordinal)
            .ToList();
        return Reply.Ok("查询成功", keys);
    }
}
