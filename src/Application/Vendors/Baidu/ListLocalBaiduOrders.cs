using System.Globalization;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>A local Baidu order as BD-04 documents it (16 fields).</summary>
public sealed record BaiduOrderRow
{
    public string Username { get; init; } = "";
    public string UserId { get; init; } = "";
    public string Id { get; init; } = "";
    public string Orderid { get; init; } = "";
    public string Ordertype { get; init; } = "";
    public string Accountid { get; init; } = "";
    public string Servicetype { get; init; } = "";
    public string Producttype { get; init; } = "";
    /// <summary>Baidu's price (元).</summary>
    public decimal Price { get; init; }
    public string Status { get; init; } = "";
    public string Autoreneworder { get; init; } = "0";
    public string Createtime { get; init; } = "";
    public string Updatetime { get; init; } = "";
    public string DelFlg { get; init; } = DelFlag.Alive;
    /// <summary>Local creation (platform time).</summary>
    public string CreateAt { get; init; } = "";
    /// <summary>Local update (platform time).</summary>
    public string UpdateTime { get; init; } = "";
    /// <summary>What kboss charged for it (元), null when not paid through kboss (added).</summary>
    public decimal? ChargedAmount { get; init; }
}

/// <summary>BD-04's documented envelope: paging fields next to <c>data</c> (<c>pageno</c> a string).</summary>
public sealed record BaiduOrderPage
{
    [JsonPropertyOrder(0)] public bool Status { get; init; } = true;
    [JsonPropertyOrder(1)] public string Msg { get; init; } = "查询成功";
    [JsonPropertyOrder(2)] public int Pagesize { get; init; }
    [JsonPropertyOrder(3)] public int Totalcount { get; init; }
    [JsonPropertyOrder(4)] public string Pageno { get; init; } = "1";
    [JsonPropertyOrder(5)] public IReadOnlyList<BaiduOrderRow> Data { get; init; } = [];
}

/// <summary>
/// BD-04 <c>GET /baiduc/get_local_baidu_orders.dspy</c> 查询百度订单: the synced orders the caller may see (its own
/// org's; an operator's customers'), newest first, filtered (AND) by <c>user_id_or_name</c>, <c>ordertype</c>,
/// <c>servicetype</c>, <c>producttype</c> (prepay/postpay), <c>status</c> and <c>autoreneworder</c> (0/1), each
/// enumeration checked against the documented values. <c>pageNo</c> ≥ 1 and <c>pageSize</c> 1–1000 are required.
/// spec: 18-baidu-cloud.md; analysis/vendors.md §3.3 BD-04, §6 #15–16.
/// </summary>
public sealed record ListLocalBaiduOrders : IQuery<BaiduOrderPage>
{
    [JsonPropertyName("pageNo")] public string? PageNo { get; init; }
    [JsonPropertyName("pageSize")] public string? PageSize { get; init; }
    public string? UserIdOrName { get; init; }
    public string? Ordertype { get; init; }
    public string? Servicetype { get; init; }
    public string? Producttype { get; init; }
    public string? Status { get; init; }
    public string? Autoreneworder { get; init; }
}

public sealed class ListLocalBaiduOrdersValidator : AbstractValidator<ListLocalBaiduOrders>
{
    public ListLocalBaiduOrdersValidator()
    {
        RuleFor(x => x.PageNo).Required().OptionalInt(1, 1_000_000).WithName("pageNo");
        RuleFor(x => x.PageSize).Required().OptionalInt(1, 1000).WithName("pageSize");
        RuleFor(x => x.UserIdOrName).MaxChars(100);
        RuleFor(x => x.Ordertype).OneOf(BaiduOrderTypes.All);
        RuleFor(x => x.Servicetype).MaxChars(64);
        RuleFor(x => x.Producttype).OneOf(["prepay", "postpay"]);
        RuleFor(x => x.Status).OneOf(BaiduOrderStatuses.All);
        RuleFor(x => x.Autoreneworder).OneOf(["0", "1"]);
    }
}

public sealed class ListLocalBaiduOrdersHandler(IKbossDbContext db, OrgAccess orgs, IPlatformSettings platform)
    : IQueryHandler<ListLocalBaiduOrders, BaiduOrderPage>
{
    public async ValueTask<BaiduOrderPage> Handle(ListLocalBaiduOrders q, CancellationToken ct)
    {
        var page = int.Parse(q.PageNo!.Trim(), CultureInfo.InvariantCulture);
        var size = int.Parse(q.PageSize!.Trim(), CultureInfo.InvariantCulture);
        var scope = await orgs.ScopeAsync(ct);
        var orders = db.BaiduOrders.AsNoTracking();
        if (scope is not null) orders = orders.Where(o => scope.Contains(o.OrgId));
        if (q.Ordertype.TrimmedOrNull() is { } type) orders = orders.Where(o => o.OrderType == type);
        if (q.Servicetype.TrimmedOrNull() is { } service) orders = orders.Where(o => o.ServiceType == service);
        if (q.Producttype.TrimmedOrNull() is { } product) orders = orders.Where(o => o.ProductType == product);
        if (q.Status.TrimmedOrNull() is { } status) orders = orders.Where(o => o.Status == status);
        if (q.Autoreneworder.TrimmedOrNull() is { } renew) orders = orders.Where(o => o.AutoRenewOrder == renew);
        var rows = from o in orders
                   join a in db.VendorAccounts.Where(a => a.Vendor == VendorCodes.Baidu)
                       on o.AccountId equals a.VendorAccountId into linked
                   from a in linked.DefaultIfEmpty()
                   select new { o, Username = a == null ? "" : a.Username };
        if (q.UserIdOrName.TrimmedOrNull() is { } who)
            rows = rows.Where(r => r.o.UserId == who || r.Username.Contains(who));
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(r => r.o.CreateTime).ThenByDescending(r => r.o.Id)
            .Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new BaiduOrderPage
        {
            Pagesize = size, Totalcount = total, Pageno = page.ToString(CultureInfo.InvariantCulture),
            Data = items.Select(r => new BaiduOrderRow
            {
                Username = r.Username, UserId = r.o.UserId, Id = r.o.Id, Orderid = r.o.OrderId,
                Ordertype = r.o.OrderType, Accountid = r.o.AccountId, Servicetype = r.o.ServiceType,
                Producttype = r.o.ProductType, Price = r.o.Price, Status = r.o.Status,
                Autoreneworder = r.o.AutoRenewOrder, Createtime = r.o.CreateTime, Updatetime = r.o.UpdateTimeVendor,
                DelFlg = r.o.DelFlg, CreateAt = Local(r.o.CreateAt), UpdateTime = Local(r.o.UpdateTime),
                ChargedAmount = r.o.ChargedAmount,
            }).ToList(),
        };
    }

    private string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc),
        platform.TimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
