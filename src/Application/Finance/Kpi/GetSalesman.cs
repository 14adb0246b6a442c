using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// KPI-05 <c>GET /pub/get_salesman.dspy</c> 用户获取销售人员id (spec 08-kpi.md; finance.md §3.1): the salesperson of the
/// org of <c>userid</c> (default the caller). Login required (the legacy path is public; §3.1 proposes login); another
/// user only when the caller may act on that user's org (403). <c>data</c> is null when no salesperson is assigned.
/// </summary>
public sealed record GetSalesman : IQuery<Reply<SalesmanView?>>
{
    /// <summary>用户id.</summary>
    public string? Userid { get; init; }
}

/// <summary>The salesperson (<c>salemanid</c>, <c>salemanname</c>: the spec's spelling).</summary>
public sealed record SalesmanView(string Salemanid, string Salemanname);

public sealed class GetSalesmanValidator : AbstractValidator<GetSalesman>
{
    public GetSalesmanValidator() => RuleFor(x => x.Userid).MaxChars(64);
}

public sealed class GetSalesmanHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
    : IQueryHandler<GetSalesman, Reply<SalesmanView?>>
{
    public async ValueTask<Reply<SalesmanView?>> Handle(GetSalesman q, CancellationToken ct)
    {
        var id = string.IsNullOrWhiteSpace(q.Userid) ? user.UserId ?? throw new UnauthenticatedException()
            : q.Userid.Trim();
        var org = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.OrgId).FirstOrDefaultAsync(ct)
                  ?? throw BusinessException.NotFound("用户不存在");
        await orgs.EnsureCanActOnAsync(org, "无权查看该用户的销售人员", ct);
        var sales = await (from o in db.Organizations.AsNoTracking()
                           where o.Id == org
                           join u in db.Users.AsNoTracking() on o.SalemanId equals u.Id
                           select new SalesmanView(u.Id, u.DisplayName == "" ? u.Username : u.DisplayName))
            .FirstOrDefaultAsync(ct);
        return Reply.Ok(sales is null ? "未分配销售人员" : "查询成功", sales);
    }
}
