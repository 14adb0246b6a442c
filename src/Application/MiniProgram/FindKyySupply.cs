using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.MiniProgram;

/// <summary>
/// <c>GET /operation/get_kyy_supply.dspy</c> 运维查找(id查找/条件查找)供应产品 (analysis/platform.md E49, §7 #48; ops,
/// operators, admins): alive products of <c>orgid</c> (default: the caller's), newest first; <c>find_key</c> is a
/// case-insensitive substring of <c>basic_info</c> or <c>remark</c>; with <c>id</c> only that product (of an org the
/// caller may act on) and the other filters are ignored. An unknown id gives an empty list.
/// </summary>
public sealed record FindKyySupply : IQuery<Reply<IReadOnlyList<KyySupplyRow>>>, IOrgScoped
{
    /// <summary>Org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Substring filter (absent: all).</summary>
    public string? FindKey { get; init; }
    /// <summary>Look up one product by id.</summary>
    public string? Id { get; init; }
}

public sealed class FindKyySupplyValidator : AbstractValidator<FindKyySupply>
{
    public FindKyySupplyValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(64);
        RuleFor(x => x.FindKey).MaxChars(200);
        RuleFor(x => x.Id).MaxChars(64);
    }
}

public sealed class FindKyySupplyHandler(IKbossDbContext db, OrgAccess orgs)
    : IQueryHandler<FindKyySupply, Reply<IReadOnlyList<KyySupplyRow>>>
{
    public async ValueTask<Reply<IReadOnlyList<KyySupplyRow>>> Handle(FindKyySupply q, CancellationToken ct)
    {
        var rows = db.KyySupplies.AsNoTracking();
        if (q.Id.TrimmedOrNull() is { } id)
        {
            var one = await rows.Where(x => x.Id == id).Select(KyySupplyRow.From).ToListAsync(ct);
            if (one.Count == 1) await orgs.EnsureCanActOnAsync(one[0].Orgid, "无权查看该机构的供应产品", ct);
            return Reply.Ok<IReadOnlyList<KyySupplyRow>>("查询成功", one);
        }
        rows = rows.Where(x => x.OrgId == q.Orgid);
        if (q.FindKey.TrimmedOrNull() is { } key)
        {
            var pattern = "%" + key.ToLower().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            rows = rows.Where(x => EF.Functions.Like(x.BasicInfo.ToLower(), pattern, "\\")
                                   || EF.Functions.Like((x.Remark ?? "").ToLower(), pattern, "\\"));
        }
        var list = await rows.OrderByDescending(x => x.CreateAt).Select(KyySupplyRow.From).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<KyySupplyRow>>("查询成功", list);
    }
}
