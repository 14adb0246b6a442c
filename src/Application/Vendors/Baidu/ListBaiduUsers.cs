using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>A user with a Baidu account.</summary>
/// <param name="UserId">kboss user id.</param>
/// <param name="Username">Name.</param>
public sealed record BaiduUser(string UserId, string Username);

/// <summary>
/// BD-03 <c>GET /baiduc/get_baidu_users_base_org.dspy</c> 获取百度用户列表: the users with a Baidu account in
/// <c>orgid</c> (required; for an operator org: its customers' users), filtered by <c>user_id_or_name</c> (exact
/// user id or part of the name). Local only. spec: 18-baidu-cloud.md; analysis/vendors.md §3.3 BD-03.
/// </summary>
public sealed record ListBaiduUsers : IQuery<Reply<IReadOnlyList<BaiduUser>>>
{
    /// <summary>Org (必填).</summary>
    public string? Orgid { get; init; }
    /// <summary>User id or part of the name.</summary>
    public string? UserIdOrName { get; init; }
}

public sealed class ListBaiduUsersValidator : AbstractValidator<ListBaiduUsers>
{
    public ListBaiduUsersValidator()
    {
        RuleFor(x => x.Orgid).Required().MaxChars(64);
        RuleFor(x => x.UserIdOrName).MaxChars(100);
    }
}

public sealed class ListBaiduUsersHandler(IKbossDbContext db, OrgAccess orgs)
    : IQueryHandler<ListBaiduUsers, Reply<IReadOnlyList<BaiduUser>>>
{
    public async ValueTask<Reply<IReadOnlyList<BaiduUser>>> Handle(ListBaiduUsers q, CancellationToken ct)
    {
        var org = q.Orgid.Trimmed();
        await orgs.EnsureCanActOnAsync(org, "无权查看该机构的数据", ct);
        var links = db.VendorAccounts.AsNoTracking()
            .Where(a => a.Vendor == VendorCodes.Baidu && (a.OrgId == org || a.OperatorOrgId == org));
        if (q.UserIdOrName.TrimmedOrNull() is { } filter)
            links = links.Where(a => a.UserId == filter || a.Username.Contains(filter));
        var users = await links.OrderBy(a => a.Username).Take(1000)
            .Select(a => new BaiduUser(a.UserId, a.Username)).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<BaiduUser>>("查询成功", users);
    }
}
