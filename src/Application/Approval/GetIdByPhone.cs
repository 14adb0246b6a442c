using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Approval;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Approval;

/// <summary>
/// E15 <c>POST /apv/get_id_by_phone_dd.dspy</c> 通过手机号获取id: the DingTalk userid of a mobile through the org's
/// app (手机号格式错误, 未配置审批密钥, 钉钉中未找到该手机号用户). spec: analysis/platform.md §3.1 E15.
/// </summary>
public sealed record GetIdByPhone : ApvBodyRequest, IQuery<Reply<string>>, IOrgScoped
{
    /// <summary>Org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Mobile (required).</summary>
    public string? Phone { get; init; }
}

public sealed class GetIdByPhoneValidator : AbstractValidator<GetIdByPhone>
{
    public GetIdByPhoneValidator() =>
        RuleFor(x => x.Phone).Required("phone不能为空").Must(v => ApprovalLevels.IsMobile(v.Trimmed()))
            .WithMessage("手机号格式错误");
}

public sealed class GetIdByPhoneHandler(ApprovalConfig config) : IQueryHandler<GetIdByPhone, Reply<string>>
{
    public async ValueTask<Reply<string>> Handle(GetIdByPhone q, CancellationToken ct)
    {
        var app = config.App(await config.KeyAsync(q.Orgid!, ct));
        var userId = await config.UserIdAsync(app, q.Phone!.Trim(), ApprovalConfig.UnknownPhoneMessage, ct);
        return Reply.Ok("success", userId);
    }
}
