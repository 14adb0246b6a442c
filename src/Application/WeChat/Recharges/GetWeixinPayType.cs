using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.WeChat.Recharges;

/// <summary>
/// E42 <c>GET /customer/get_weixinpaytype</c> (also with <c>.dspy</c>): 微信支付状态. The recharge's state as kboss knows
/// it (set by WeChat's verified notification or the reconciler, never by this read) → <c>查询成功</c>. Unknown id →
/// <c>充值记录不存在</c> (<c>not_found</c>); a recharge of an org the caller may not act on → 403.
/// spec: 33-wechat-pay.md; analysis/platform.md §3.5 E42.
/// </summary>
public sealed record GetWeixinPayType : IQuery<Reply<RechargeDto>>
{
    /// <summary>add接口返回值: the recharge_logdict_id from add_weixpay.</summary>
    public string? RechargeLogdictId { get; init; }
}

public sealed class GetWeixinPayTypeValidator : AbstractValidator<GetWeixinPayType>
{
    public GetWeixinPayTypeValidator() => RuleFor(x => x.RechargeLogdictId).Required().MaxChars(64);
}

public sealed class GetWeixinPayTypeHandler(IKbossDbContext db, OrgAccess access)
    : IQueryHandler<GetWeixinPayType, Reply<RechargeDto>>
{
    public async ValueTask<Reply<RechargeDto>> Handle(GetWeixinPayType q, CancellationToken ct)
    {
        var id = q.RechargeLogdictId.Trimmed();
        var record = await db.RechargeRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
                     ?? throw BusinessException.NotFound("充值记录不存在");
        await access.EnsureCanActOnAsync(record.OrgId, "无权查看该充值记录", ct);
        return Reply.Ok("查询成功", RechargeDto.From(record));
    }
}
