using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Approval;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E03 <c>POST /apv/get_apv_flow.dspy</c> 获取审批流信息: the levels of (org, business) by numeric
/// <c>level_id</c>; none saved → <c>level_data: []</c>. spec: 13-approval.md; analysis/platform.md §3.1 E03, §7 #2.
/// </summary>
public sealed record GetApvFlow : ApvBodyRequest, IQuery<Reply<ApvFlowView>>, IOrgScoped
{
    /// <summary>Org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Business id (required).</summary>
    public string? BusinessId { get; init; }
}

public sealed class GetApvFlowValidator : AbstractValidator<GetApvFlow>
{
    public GetApvFlowValidator() => RuleFor(x => x.BusinessId).Required("business_id不能为空").MaxChars(64);
}

public sealed class GetApvFlowHandler(IKbossDbContext db) : IQueryHandler<GetApvFlow, Reply<ApvFlowView>>
{
    public async ValueTask<Reply<ApvFlowView>> Handle(GetApvFlow q, CancellationToken ct)
    {
        var business = q.BusinessId!.Trim();
        var flow = await db.ApvFlows.AsNoTracking()
            .FirstOrDefaultAsync(f => f.OrgId == q.Orgid && f.BusinessId == business, ct);
        var levels = flow is null ? [] : ApprovalLevels.FromJson(flow.LevelData);
        return Reply.Ok("success", new ApvFlowView(q.Orgid!, business, levels));
    }
}
