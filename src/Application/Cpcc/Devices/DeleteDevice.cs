using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Devices;

/// <summary>Reply data of D4: <c>{"id"}</c>.</summary>
/// <param name="Id">Removed device id.</param>
public sealed record DeletedDevice(string Id);

/// <summary>
/// D4 <c>POST /dev/cpcc/cpcnode/delete_cpcnode.dspy</c>: soft-deletes a device. <c>id</c> is required (the doc's 否 is
/// a gap, §6.4 #30). Refused while the device is in a cluster or is a cluster's controller (§4.6, §6.4 #45).
/// spec: 38-cpcc-devices.md; analysis/cpcc.md §3.B D4.
/// </summary>
public sealed record DeleteDevice : ICommand<Reply<DeletedDevice>>
{
    /// <summary>算力设备id.</summary>
    public string? Id { get; init; }
}

public sealed class DeleteDeviceValidator : AbstractValidator<DeleteDevice>
{
    public DeleteDeviceValidator() => RuleFor(x => x.Id).Required();
}

public sealed class DeleteDeviceHandler(IKbossDbContext db, CenterGuard guard, ICurrentUser user)
    : ICommandHandler<DeleteDevice, Reply<DeletedDevice>>
{
    /// <summary>Message when the device is part of a cluster.</summary>
    public const string InCluster = "该算力设备已被集群占用,无法删除";

    public async ValueTask<Reply<DeletedDevice>> Handle(DeleteDevice c, CancellationToken ct)
    {
        var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == c.Id.Trimmed(), ct)
                     ?? throw BusinessException.NotFound(UpdateDeviceHandler.NotFound);
        await guard.LoadManageableAsync(device.Cpcid, track: false, ct);
        if (!device.IsIdle || device.ClusterId is not null || await db.Clusters.AnyAsync(k => k.ControllerId == device.Id, ct))
            throw BusinessException.Conflict(InCluster);
        device.MarkDeleted();
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.device.deleted", "device", device.Id, new { device.Cpcid, device.Name, device.Ip }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除算力设备成功", new DeletedDevice(device.Id));
    }
}
