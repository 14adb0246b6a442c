using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Approval;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Approval;

/// <summary>
/// The SendApproval algorithm (analysis/platform.md §4.1): business → keys → sender and form → template → levels
/// (phones → DingTalk userids), then the outside-call shape of ADR 0015: the record is stored <c>sending</c> (its own
/// short save), DingTalk's create is called with no transaction open and never retried, and the record becomes
/// <c>running</c> with the instance id, <c>failed</c> (DingTalk refused) or <c>unknown</c> (no answer).
/// </summary>
public sealed class ApprovalHub(IKbossDbContext db, ICurrentUser user, ApprovalConfig config,
    IDingTalkApprovalClient dingTalk, ApprovalOptions options, TimeProvider clock, ILogger<ApprovalHub> log)
    : IApprovalHub
{
    /// <summary>No sender/form for (org, business).</summary>
    public const string NoSenderMessage = "未配置发送人和表单";
    /// <summary>No template for the business.</summary>
    public const string NoTemplateMessage = "未配置审批模板";
    /// <summary>No levels for (org, business).</summary>
    public const string NoFlowMessage = "未配置审批流";
    /// <summary>Prefix of a refused create.</summary>
    public const string CreateFailedPrefix = "钉钉发起审批失败: ";

    /// <remarks>The create call is not tied to <paramref name="ct"/> (a caller going away must not make the outcome
    /// unknown); it has the adapter's time-out (ADR 0015).</remarks>
    /// <inheritdoc />
    public async Task<ApprovalStarted> SendAsync(ApprovalRequest request, CancellationToken ct)
    {
        var code = request.BusinessCode.Trim();
        var business = await db.ApvBusinesses.AsNoTracking().FirstOrDefaultAsync(b => b.BusinessName == code, ct)
                       ?? throw BusinessException.NotFound(ApprovalConfig.NoBusinessMessage);
        return await SendAsync(request, business, ct);
    }

    /// <summary><see cref="SendAsync(ApprovalRequest, CancellationToken)"/> for a business already loaded.</summary>
    public async Task<ApprovalStarted> SendAsync(ApprovalRequest request, ApvBusiness business, CancellationToken ct)
    {
        var key = await config.KeyAsync(request.OrgId, ct);
        var sender = await db.ApvSendKeys.AsNoTracking()
                         .FirstOrDefaultAsync(s => s.OrgId == request.OrgId && s.BusinessId == business.Id, ct)
                     ?? throw new BusinessException(NoSenderMessage, ErrorCodes.NotConfigured);
        var template = await db.ApvTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.BusinessId == business.Id, ct)
                       ?? throw new BusinessException(NoTemplateMessage, ErrorCodes.NotConfigured);
        var flow = await db.ApvFlows.AsNoTracking()
                       .FirstOrDefaultAsync(f => f.OrgId == request.OrgId && f.BusinessId == business.Id, ct)
                   ?? throw new BusinessException(NoFlowMessage, ErrorCodes.NotConfigured);

        var title = Render(template.TitleTemplate, request.TitleValues, business.BusinessName);
        var detail = Render(template.DetailTemplate, request.DetailValues, business.BusinessName);
        var app = config.App(key);
        var approvers = new List<DingTalkApprover>();
        var levels = ApprovalLevels.FromJson(flow.LevelData);
        for (var i = 0; i < levels.Count; i++)
        {
            var ids = new List<string>();
            foreach (var phone in levels[i].ApvDdUserPhone)
                ids.Add(await config.UserIdAsync(app, phone, $"第{i + 1}级审批人手机号在钉钉中不存在", ct));
            approvers.Add(new DingTalkApprover(levels[i].LevelMode, ids));
        }
        var instance = new DingTalkNewInstance(sender.ProcessCode, sender.SendDdUserId, options.DeptId, approvers,
            [new(options.TitleFieldName, title), new(options.DetailFieldName, detail)]);

        var record = new ApprovalRecord
        {
            OrgId = request.OrgId, UserId = request.UserId ?? user.UserId, BusinessId = business.Id,
            BusinessName = business.BusinessName, ReferenceId = request.ReferenceId.Trim(),
            Phone = request.Phone?.Trim() ?? "", ResultOrg = request.ResultOrg?.Trim() ?? "", Title = title,
            Detail = detail, FormComponent = System.Text.Json.JsonSerializer.Serialize(new
            {
                title = request.TitleValues, detail = request.DetailValues,
            }),
            ProcessCode = sender.ProcessCode, OriginatorDdUserId = sender.SendDdUserId,
            Approvers = System.Text.Json.JsonSerializer.Serialize(approvers),
        };
        record.StartSending(clock.GetUtcNow().UtcDateTime);
        db.ApprovalRecords.Add(record);
        await db.SaveChangesAsync(ct);

        string instanceId;
        try
        {
            instanceId = await Common.Metrics.KbossMetrics.TimeOutsideCallAsync("dingtalk",
                () => dingTalk.CreateInstanceAsync(app, instance, CancellationToken.None)); // own time-out
        }
        catch (OutsideCallException e)
        {
            record.NotStarted(e.Message, e.OutcomeUnknown, clock.GetUtcNow().UtcDateTime).OrThrow();
            await db.SaveChangesAsync(CancellationToken.None);
            throw new BusinessException(CreateFailedPrefix + e.Message, e.Code);
        }
        record.Started(instanceId, clock.GetUtcNow().UtcDateTime).OrThrow();
        await db.SaveChangesAsync(CancellationToken.None);
        return new ApprovalStarted(instanceId, record.Id);
    }

    private string Render(string template, IReadOnlyDictionary<string, string> values, string business)
    {
        var unknown = ApprovalTemplateText.Unknown(template, values);
        if (unknown.Count > 0)
            log.LogWarning("Approval template of {Business} keeps unknown placeholders {Names}", business,
                string.Join(",", unknown));
        return ApprovalTemplateText.Render(template, values);
    }
}
