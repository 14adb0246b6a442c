using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Devices;

/// <summary>
/// D1 <c>GET /dev/cpcc/cpcnode/get_cpcnode.dspy</c>: every device of a centre (installed or not), paged per §3.0
/// (<c>page</c> 1-based, <c>rows</c> default 10, <c>sort</c> a row field, optionally <c>"field desc"</c> or
/// <c>"-field"</c>; default <c>id</c> ascending). Missing <c>cpcid</c> → <c>无算力中心ID</c>.
/// spec: 38-cpcc-devices.md; analysis/cpcc.md §3.B D1.
/// </summary>
public sealed record ListDevices : IQuery<Reply<Paged<DeviceRow>>>
{
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
    /// <summary>Page, 1-based.</summary>
    public string? Page { get; init; }
    /// <summary>Rows per page (1–1000).</summary>
    public string? Rows { get; init; }
    /// <summary>Sort field: id, name, ip, node_status, devicetype, role, clusterid, enable_date, export_date.</summary>
    public string? Sort { get; init; }
}

public sealed class ListDevicesValidator : AbstractValidator<ListDevices>
{
    /// <summary>Sortable fields of a device row.</summary>
    public static readonly SortMap<Device> Sorts = new SortMap<Device>()
        .Add("id", d => d.Id).Add("name", d => d.Name).Add("ip", d => d.Ip).Add("node_status", d => d.NodeStatus)
        .Add("devicetype", d => d.DeviceType).Add("role", d => d.Role).Add("clusterid", d => d.ClusterId)
        .Add("enable_date", d => d.EnableDate).Add("export_date", d => d.ExportDate);

    public ListDevicesValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Page).OptionalInt(1, int.MaxValue);
        RuleFor(x => x.Rows).OptionalInt(1, PageSpec.MaxRows);
        RuleFor(x => x.Sort).Must(s => Sorts.Supports(PageSpec.ParseSort(s, "id").Field))
            .WithMessage($"sort 不支持该排序字段,可选: {string.Join("/", Sorts.Fields)}");
    }
}

/// <summary>Handles <see cref="ListDevices"/> in two queries (count, page with cluster names).</summary>
public sealed class ListDevicesHandler(IKbossDbContext db, CenterGuard guard) : IQueryHandler<ListDevices, Reply<Paged<DeviceRow>>>
{
    public async ValueTask<Reply<Paged<DeviceRow>>> Handle(ListDevices q, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(q.Cpcid!, track: false, ct);
        var page = PageSpec.Parse(q.Page, q.Rows, q.Sort, "id");
        var baseQuery = db.Devices.AsNoTracking().Where(d => d.Cpcid == center.Id);
        var total = await baseQuery.CountAsync(ct);
        var rows = await ListDevicesValidator.Sorts.Apply(baseQuery, page, d => d.Id).Skip(page.Skip).Take(page.Rows)
            .Select(d => new { Device = d, ClusterName = db.Clusters.Where(k => k.Id == d.ClusterId).Select(k => k.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var dtos = rows.Select((r, i) => DeviceRow.From(r.Device, r.ClusterName, page.Skip + i + 1)).ToList();
        return Reply.Ok("获取算力设备成功", new Paged<DeviceRow>(total, dtos));
    }
}
