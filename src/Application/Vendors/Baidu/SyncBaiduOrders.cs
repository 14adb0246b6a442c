using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>
/// BD-02 <c>GET /baiduc/update_baidu_order_list.dspy</c> 同步用户订单: pulls Baidu's orders (GetOrderList, every page)
/// of either every customer of <c>orgid</c> ("更新本机构的所有客户订单") or the one user <c>userid</c>, and upserts
/// them locally by Baidu's order id (never a duplicate; the same sync twice changes nothing). Exactly one of the two
/// ("参数orgid和userid二选一 不能同时填"): both → 参数orgid和userid二选一,不能同时填写; neither →
/// 参数orgid和userid必须填写其中一个. One account failing does not stop the others: <c>status</c> false, code
/// <c>upstream_failed</c>, with per-account <c>data.errors</c>. spec: 18-baidu-cloud.md; analysis/vendors.md BD-02.
/// </summary>
public sealed record SyncBaiduOrders : ICommand<Reply<BaiduSyncCounts>>
{
    /// <summary>Org whose customers' orders are refreshed.</summary>
    public string? Orgid { get; init; }
    /// <summary>User whose orders are refreshed.</summary>
    public string? Userid { get; init; }
}

public sealed class SyncBaiduOrdersValidator : AbstractValidator<SyncBaiduOrders>
{
    /// <summary>Both given.</summary>
    public const string BothMessage = "参数orgid和userid二选一,不能同时填写";
    /// <summary>Neither given.</summary>
    public const string NeitherMessage = "参数orgid和userid必须填写其中一个";

    public SyncBaiduOrdersValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(64);
        RuleFor(x => x.Userid).MaxChars(64);
        RuleFor(x => x.Orgid).Must((x, o) => string.IsNullOrWhiteSpace(o) || string.IsNullOrWhiteSpace(x.Userid))
            .WithMessage(BothMessage);
        RuleFor(x => x.Orgid).Must((x, o) => !string.IsNullOrWhiteSpace(o) || !string.IsNullOrWhiteSpace(x.Userid))
            .WithMessage(NeitherMessage);
    }
}

public sealed class SyncBaiduOrdersHandler(IKbossDbContext db, VendorAccounts accounts, OrgAccess orgs,
    BaiduService baidu) : ICommandHandler<SyncBaiduOrders, Reply<BaiduSyncCounts>>
{
    public async ValueTask<Reply<BaiduSyncCounts>> Handle(SyncBaiduOrders c, CancellationToken ct)
    {
        List<VendorAccount> links;
        if (c.Orgid.TrimmedOrNull() is { } org)
        {
            await orgs.EnsureCanActOnAsync(org, "无权操作该机构的数据", ct);
            links = await db.VendorAccounts.AsNoTracking()
                .Where(a => a.Vendor == VendorCodes.Baidu && (a.OrgId == org || a.OperatorOrgId == org))
                .OrderBy(a => a.Id).ToListAsync(ct);
        }
        else
        {
            var user = await accounts.UserAsync(c.Userid, ct);
            links = [await accounts.RequireLinkAsync(VendorCodes.Baidu, user.Id, BaiduService.NotLinkedMessage, ct)];
        }
        var counts = await baidu.SyncAsync(links, ct);
        return counts.Errors.Count == 0
            ? Reply.Ok("同步成功", counts)
            : Reply.Fail($"部分账号同步失败: {counts.Errors[0]}", ErrorCodes.UpstreamFailed, counts);
    }
}

/// <summary>
/// The <c>BaiduOrderSync</c> job (analysis/vendors.md §5.4 follow-up "GetOrderList"; <c>Jobs:BaiduOrderSync:Cron</c>,
/// default every 10 minutes): syncs the orders of every Baidu account, as BD-02 does for one org, which also settles
/// refund confirmations and cancels whose answer was lost. Accounts of an operator without a key are skipped.
/// </summary>
public sealed record SyncAllBaiduOrders : ICommand<BaiduSyncCounts>;

public sealed class SyncAllBaiduOrdersHandler(IKbossDbContext db, BaiduService baidu)
    : ICommandHandler<SyncAllBaiduOrders, BaiduSyncCounts>
{
    public async ValueTask<BaiduSyncCounts> Handle(SyncAllBaiduOrders c, CancellationToken ct)
    {
        var keyed = db.VendorCredentials.Where(k => k.Vendor == VendorCodes.Baidu).Select(k => k.OrgId);
        var links = await db.VendorAccounts.AsNoTracking()
            .Where(a => a.Vendor == VendorCodes.Baidu && keyed.Contains(a.OperatorOrgId))
            .OrderBy(a => a.Id).ToListAsync(ct);
        return await baidu.SyncAsync(links, ct);
    }
}
