using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Devices;

/// <summary>
/// K3 <c>GET /dev/cpcc/cpcnode/get_cpcidle_device.dspy</c>: the centre's idle devices (<c>node_status "0"</c> and no
/// cluster), ordered by id, as a plain array; used to pick a controller or worker. Passwords masked.
/// spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D K3, §4.6.
/// </summary>
public sealed record ListIdleDevices : IQuery<Reply<IReadOnlyList<IdleDevice>>>
{
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
}

public sealed class ListIdleDevicesValidator : AbstractValidator<ListIdleDevices>
{
    public ListIdleDevicesValidator() => RuleFor(x => x.Cpcid).Required("无算力中心ID");
}

public sealed class ListIdleDevicesHandler(IKbossDbContext db, CenterGuard guard) : IQueryHandler<ListIdleDevices, Reply<IReadOnlyList<IdleDevice>>>
{
    public async ValueTask<Reply<IReadOnlyList<IdleDevice>>> Handle(ListIdleDevices q, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(q.Cpcid!, track: false, ct);
        var devices = await db.Devices.AsNoTracking()
            .Where(d => d.Cpcid == center.Id).Where(Device.CanOccupy)
            .OrderBy(d => d.Id).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<IdleDevice>>("获取空闲设备成功", devices.Select(IdleDevice.From).ToList());
    }
}
