using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Approval;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Approval;

/// <summary>
/// E04 <c>POST /apv/save_apv_flow.dspy</c> 保存审批流信息: replaces the levels of (org, business) as a whole. Every
/// level is checked in request order (level id, mode <c>NONE|AND|OR</c>, each phone <c>^1[3-9]\d{9}$</c>, exactly one
/// approver for <c>NONE</c>); the first error rejects the request (so the doc's own example, level 2 <c>NONE</c> with
/// two phones, is refused). The business must be live (审批业务不存在). <c>user_id</c> is always the caller.
/// spec: 13-approval.md; analysis/platform.md §3.1 E04, §7 #14, #16.
/// </summary>
public sealed record SaveApvFlow : ApvBodyRequest, ICommand<Reply<string>>, IOrgScoped
{
    /// <summary>Org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Editor; ignored (always the caller).</summary>
    public string? UserId { get; init; }
    /// <summary>Business id (required).</summary>
    public string? BusinessId { get; init; }
    /// <summary><c>update</c> in the doc; the flow is always replaced whole.</summary>
    public string? Flag { get; init; }
    /// <summary>Levels: JSON array of <c>{level_id, level_mode, apv_dd_user_phone: [...]}</c>, 1–20 items.</summary>
    public string? LevelData { get; init; }

    /// <summary><see cref="LevelData"/> parsed once.</summary>
    [JsonIgnore]
    internal Result<IReadOnlyList<ApprovalLevel>> Levels => _levels ??= ApprovalLevels.Parse(LevelData);
    private Result<IReadOnlyList<ApprovalLevel>>? _levels;
}

public sealed class SaveApvFlowValidator : AbstractValidator<SaveApvFlow>
{
    public SaveApvFlowValidator()
    {
        RuleFor(x => x.BusinessId).Required("business_id不能为空").MaxChars(64);
        RuleFor(x => x.LevelData).Custom((_, context) =>
        {
            if (context.InstanceToValidate.Levels.Failure is { } f) context.AddFailure("level_data", f.Message);
        });
    }
}

public sealed class SaveApvFlowHandler(IKbossDbContext db, ICurrentUser user, ApprovalConfig config)
    : ICommandHandler<SaveApvFlow, Reply<string>>
{
    public async ValueTask<Reply<string>> Handle(SaveApvFlow c, CancellationToken ct)
    {
        var business = await config.BusinessAsync(c.BusinessId, ct);
        var levels = c.Levels.OrThrow();
        var flow = await db.ApvFlows.FirstOrDefaultAsync(f => f.OrgId == c.Orgid && f.BusinessId == business.Id, ct);
        if (flow is null)
        {
            flow = new ApvFlow { OrgId = c.Orgid!, BusinessId = business.Id };
            db.ApvFlows.Add(flow);
        }
        flow.UserId = user.UserId;
        flow.LevelData = ApprovalLevels.ToJson(levels);
        db.AuditEntries.Add(Audit.Entry(user, "apv.flow.saved", "apv_flow", flow.Id,
            new { orgid = flow.OrgId, business_id = business.Id, level_data = levels }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("审批流正在被同时保存,请重试");
        }
        return Reply.Ok("success", flow.Id);
    }
}
