using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Mediator;

namespace Kboss.Application.Approval;

/// <summary>
/// E14 <c>POST /apv/get_apv_form.dspy</c> 获取审批表单: the DingTalk forms the org's app may use, listed for the
/// org's default sender (<c>send_dd_user_id</c> of E02). No keys or no default sender → <c>not_configured</c>;
/// DingTalk failing → <c>upstream_failed</c>. spec: analysis/platform.md §3.1 E14.
/// </summary>
public sealed record GetApvForm : ApvBodyRequest, IQuery<Reply<IReadOnlyList<ApvFormView>>>, IOrgScoped
{
    /// <summary>Org (default: the caller's).</summary>
    public string? Orgid { get; set; }
}

public sealed class GetApvFormHandler(ApprovalConfig config)
    : IQueryHandler<GetApvForm, Reply<IReadOnlyList<ApvFormView>>>
{
    /// <summary>E02 saved no default sender.</summary>
    public const string NoSenderMessage = "未配置默认发送人(send_dd_user_id)";

    public async ValueTask<Reply<IReadOnlyList<ApvFormView>>> Handle(GetApvForm q, CancellationToken ct)
    {
        var key = await config.KeyAsync(q.Orgid!, ct);
        if (key.SendDdUserId.Length == 0) throw new BusinessException(NoSenderMessage, ErrorCodes.NotConfigured);
        var forms = await config.FormsAsync(config.App(key), key.SendDdUserId, ct);
        return Reply.Ok("success", (IReadOnlyList<ApvFormView>)forms.Select(f => new ApvFormView(f.ProcessCode, f.Name))
            .ToList());
    }
}
