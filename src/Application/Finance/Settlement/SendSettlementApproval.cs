using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Settlement;

/// <summary>
/// STL-03 <c>POST /provider_settle/send_apv.dspy</c> 发起审批申请 (spec 17; finance.md §3.5, §4.6): sends each
/// settlement of <c>id</c> (a JSON array of settlement ids of <c>orgid</c>, pending or rejected) for approval through
/// the approval hub (business 「供应商结算统计」): its unsettled bills are locked and the totals recomputed first
/// (<see cref="SettlementSubmitter"/>). Extension (§3.5 step 3): without <c>id</c>, <c>provider_id</c> +
/// <c>start_date</c> + <c>end_date</c> create the settlement of that period and send it. <c>phone</c> is the
/// initiator's mobile (<c>^1[3-9]\d{9}$</c>); the initiator is the caller (<c>user_id</c> is accepted and ignored).
/// Every id is sent even when one fails; a failure answers <c>status:false</c> with its message and code and the
/// ids sent so far in <c>data</c>. Operators, own org.
/// </summary>
public sealed record SendSettlementApproval : SettlementRequest, ICommand<Reply<IReadOnlyList<SettlementSent>>>, IOrgScoped
{
    /// <summary>机构id.</summary>
    public string? Orgid { get; set; }
    /// <summary>发起人 (ignored: the caller).</summary>
    public string? UserId { get; init; }
    /// <summary>审批业务 (must be 供应商结算统计).</summary>
    public string? BusinessName { get; init; }
    /// <summary>结算单id 列表 (JSON array).</summary>
    public string? Id { get; init; }
    /// <summary>发起人手机号.</summary>
    public string? Phone { get; init; }
    /// <summary>Extension: provider of a settlement to create.</summary>
    public string? ProviderId { get; init; }
    /// <summary>Extension: its first day.</summary>
    public string? StartDate { get; init; }
    /// <summary>Extension: its last day.</summary>
    public string? EndDate { get; init; }

    private IReadOnlyList<string>? _ids;

    /// <summary><see cref="Id"/> parsed once: the ids (a lone id string counts as one), or null when malformed.</summary>
    [JsonIgnore]
    internal IReadOnlyList<string>? Ids => _ids ??= Parse(Id);

    private static IReadOnlyList<string>? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return [];
        var text = raw.Trim();
        if (!text.StartsWith('[')) return [text];
        try
        {
            var ids = JsonSerializer.Deserialize<List<string?>>(text);
            return ids is null || ids.Any(string.IsNullOrWhiteSpace) ? null : ids.Select(i => i!.Trim()).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed class SendSettlementApprovalValidator : AbstractValidator<SendSettlementApproval>
{
    /// <summary>Most settlements of one request.</summary>
    public const int MaxIds = 50;

    public SendSettlementApprovalValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(32);
        RuleFor(x => x.UserId).MaxChars(64);
        RuleFor(x => x.BusinessName).Required()
            .Must(v => v?.Trim() == SettlementSubmitter.BusinessCode).WithMessage("business_name参数错误");
        RuleFor(x => x.Phone).Required().Matches(@"^1[3-9]\d{9}$").WithMessage("phone 手机号格式错误");
        RuleFor(x => x.Id).MaxChars(4000)
            .Must((x, _) => x.Ids is { Count: <= MaxIds } && x.Ids.All(i => i.Length <= 32))
            .WithMessage("id 必须是结算单id数组");
        RuleFor(x => x.Id).Must((x, _) => x.Ids is not { Count: 0 } || !string.IsNullOrWhiteSpace(x.ProviderId))
            .WithMessage(RuleExtensions.Missing("id"));
        RuleFor(x => x.ProviderId).MaxChars(32);
        When(x => x.Ids is { Count: 0 } && !string.IsNullOrWhiteSpace(x.ProviderId), () =>
        {
            RuleFor(x => x.StartDate).Required().Must(v => RuleExtensions.TryDate(v, out _))
                .WithMessage(SettlementMessages.BadDate);
            RuleFor(x => x.EndDate).Required().Must(v => RuleExtensions.TryDate(v, out _))
                .WithMessage(SettlementMessages.BadDate);
        });
    }
}

public sealed class SendSettlementApprovalHandler(IKbossDbContext db, SettlementSubmitter submitter, ICurrentUser user)
    : ICommandHandler<SendSettlementApproval, Reply<IReadOnlyList<SettlementSent>>>
{
    /// <summary>A live settlement of the same provider and period exists already.</summary>
    public const string DuplicateMessage = "该供应商在此期间已有结算单";

    public async ValueTask<Reply<IReadOnlyList<SettlementSent>>> Handle(SendSettlementApproval c,
        CancellationToken ct)
    {
        var orgId = c.Orgid!;
        var ids = c.Ids!.Count > 0 ? c.Ids.Distinct().ToList() : [await CreateAsync(orgId, c, ct)];
        var sent = new List<SettlementSent>();
        foreach (var id in ids)
        {
            try
            {
                sent.Add(await submitter.SendAsync(orgId, id, user.UserId, c.Phone!.Trim(), ct));
            }
            catch (BusinessException e) when (ids.Count > 1 || sent.Count > 0)
            {
                return Reply.Fail<IReadOnlyList<SettlementSent>>($"{id}: {e.Message}", e.Code, sent);
            }
        }
        db.AuditEntries.AddRange(sent.Select(s => Audit.Entry(user, "finance.settlement.sent", "provider_settlement",
            s.Id, new { orgid = orgId, apv_id = s.ApvId })));
        await db.SaveChangesAsync(ct);
        return Reply.Ok<IReadOnlyList<SettlementSent>>(SettlementMessages.Done, sent);
    }

    private async Task<string> CreateAsync(string orgId, SendSettlementApproval c, CancellationToken ct)
    {
        var providerId = c.ProviderId!.Trim();
        if (!await db.Providers.AsNoTracking().AnyAsync(p => p.Id == providerId, ct))
            throw BusinessException.NotFound("供应商不存在");
        var (start, end) = (RuleExtensions.ToDate(c.StartDate)!.Value, RuleExtensions.ToDate(c.EndDate)!.Value);
        var existing = await db.ProviderSettlements.AsNoTracking()
            .Where(s => s.OrgId == orgId && s.ProviderId == providerId && s.StartDate == start && s.EndDate == end
                        && s.State != SettlementStates.Rejected)
            .Select(s => new { s.Id, s.State }).FirstOrDefaultAsync(ct);
        if (existing is not null)
            return existing.State == SettlementStates.Pending ? existing.Id : throw BusinessException.Conflict(DuplicateMessage);
        var settlement = ProviderSettlement.Create(orgId, providerId, start, end, SettlementSources.Manual).OrThrow();
        db.ProviderSettlements.Add(settlement);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.ClearChanges();
            throw BusinessException.Conflict(DuplicateMessage);
        }
        return settlement.Id;
    }
}
