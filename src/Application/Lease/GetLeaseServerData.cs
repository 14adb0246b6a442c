using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/get_server_data.dspy</c> 获取服务器数据: the idle and rented devices the caller may see grouped by
/// <c>field</c> (a text field of <see cref="LeaseDeviceFields"/> or <c>status</c>) in SQL: each value with its total,
/// idle and rented counts, ordered by value, paged (§6 A-16; the devices of a value come from
/// <c>filter_lease_data</c>). Message: <c>不支持的字段: &lt;field&gt;</c>. spec: 15-server-lease.md; lease.md §3A.14.
/// </summary>
public sealed record GetLeaseServerData : LeaseBodyRequest, IQuery<Reply<Paged<LeaseServerDataRow>>>
{
    /// <summary>Field to group by.</summary>
    public string? Field { get; init; }
    /// <summary>Page.</summary>
    public string? Page { get; init; }
    /// <summary>Rows (1–100).</summary>
    public string? Rows { get; init; }
}

/// <summary>One value of the field and its devices' counts.</summary>
public sealed record LeaseServerDataRow(string? Value, int Total, int Idle, int Rented);

public sealed class GetLeaseServerDataValidator : AbstractValidator<GetLeaseServerData>
{
    public GetLeaseServerDataValidator()
    {
        RuleFor(x => x.Field).Cascade(CascadeMode.Stop).Required().Must(f => f!.Trim() == "status"
                || LeaseDeviceFields.Text.ContainsKey(f.Trim()))
            .WithMessage(x => LeaseDeviceFields.Unsupported(x.Field!.Trim()));
        LeasePaging.Rules(this, x => x.Page, x => x.Rows);
    }
}

public sealed class GetLeaseServerDataHandler(IKbossDbContext db, LeaseAccess access)
    : IQueryHandler<GetLeaseServerData, Reply<Paged<LeaseServerDataRow>>>
{
    public async ValueTask<Reply<Paged<LeaseServerDataRow>>> Handle(GetLeaseServerData q, CancellationToken ct)
    {
        var field = q.Field!.Trim();
        var devices = LeaseDeviceFields.Join(db, await access.VisibleSellersAsync(ct))
            .Where(x => x.Device.Status == LeaseServerStatus.Idle || x.Device.Status == LeaseServerStatus.Rented);
        var groups = (field == "status"
                ? devices.GroupBy(x => x.Device.Status == LeaseServerStatus.Idle ? "0" : "1")
                : devices.GroupBy(LeaseDeviceFields.Text[field]))
            .Select(g => new
            {
                Value = g.Key, Total = g.Count(), Idle = g.Count(x => x.Device.Status == LeaseServerStatus.Idle),
            });
        var page = LeasePaging.Parse(q.Page, q.Rows, null);
        var total = await groups.CountAsync(ct);
        var list = await groups.OrderBy(g => g.Value).Skip(page.Skip).Take(page.Rows).ToListAsync(ct);
        return Reply.Ok("获取服务器数据成功", new Paged<LeaseServerDataRow>(total,
            list.Select(g => new LeaseServerDataRow(g.Value, g.Total, g.Idle, g.Total - g.Idle)).ToList()));
    }
}
