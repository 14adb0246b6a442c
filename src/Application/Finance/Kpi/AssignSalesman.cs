using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Kpi;

/// <summary>
/// <c>POST /kpi/assign_salesman.dspy</c> (kboss addition, ADR 0032; the spec reads <c>salemanid</c> in KPI-01/03/05/06
/// but documents no way to set it): makes <c>salemanid</c> (a sales user of the customer's owner org) the salesperson
/// of customer org <c>user_orgid</c>; an empty <c>salemanid</c> clears it. Operators of the owner org, admin. Audited.
/// </summary>
public sealed record AssignSalesman : ICommand<Reply<SalesmanAssignment>>
{
    /// <summary>Customer org.</summary>
    public string? UserOrgid { get; init; }
    /// <summary>Sales user (empty: none).</summary>
    public string? Salemanid { get; init; }
}

/// <summary>The assignment made.</summary>
public sealed record SalesmanAssignment(string UserOrgid, string? Salemanid);

public sealed class AssignSalesmanValidator : AbstractValidator<AssignSalesman>
{
    public AssignSalesmanValidator()
    {
        RuleFor(x => x.UserOrgid).Required().MaxChars(64);
        RuleFor(x => x.Salemanid).MaxChars(64);
    }
}

public sealed class AssignSalesmanHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
    : ICommandHandler<AssignSalesman, Reply<SalesmanAssignment>>
{
    /// <summary>The named user is not a sales user of the customer's owner org.</summary>
    public const string NotSalesMessage = "销售人员不存在或不属于该客户的业主机构";

    public async ValueTask<Reply<SalesmanAssignment>> Handle(AssignSalesman c, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Operator))
            throw new ForbiddenException("无权指定销售人员");
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == c.UserOrgid!.Trim(), ct)
                  ?? throw BusinessException.NotFound("客户不存在");
        await orgs.EnsureCanActOnAsync(org.Id, "无权指定该客户的销售人员", ct);
        var sales = string.IsNullOrWhiteSpace(c.Salemanid) ? null : c.Salemanid.Trim();
        if (sales is not null)
        {
            var candidate = await db.Users.AsNoTracking().Where(u => u.Id == sales && u.OrgId == org.OwnerOrgId)
                .Select(u => u.Roles).FirstOrDefaultAsync(ct);
            if (candidate is null || !candidate.Split(',').Select(r => r.Trim()).Contains(Roles.Sales))
                throw BusinessException.NotFound(NotSalesMessage);
        }
        org.AssignSalesman(sales).OrThrow();
        db.AuditEntries.Add(Audit.Entry(user, "kpi.salesman_assigned", "organization", org.Id, new { sales }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("操作成功", new SalesmanAssignment(org.Id, sales));
    }
}
