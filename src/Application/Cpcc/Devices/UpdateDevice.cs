using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Devices;

/// <summary>
/// D3 <c>POST /dev/cpcc/cpcnode/update_cpcnode.dspy</c>: overwrites a device's basic data. A masked or empty
/// <c>adminpwd</c> keeps the stored password (encrypted once, fixing the legacy double encryption). <c>node_status</c>
/// and <c>role</c> belong to the cluster flows (§4.6): sending a value other than the stored one is refused.
/// The success message is the legacy <c>更新算力中心成功</c>, kept verbatim (§6.2 #9).
/// spec: 38-cpcc-devices.md; analysis/cpcc.md §3.B D3.
/// </summary>
public sealed record UpdateDevice : DeviceFieldsRequest, ICommand<Reply<DeviceEcho>>
{
    /// <summary>算力设备ID.</summary>
    public string? Id { get; init; }
}

public sealed class UpdateDeviceValidator : AbstractValidator<UpdateDevice>
{
    public UpdateDeviceValidator()
    {
        RuleFor(x => x.Id).Required();
        Include(new DeviceFieldsValidator(passwordRequired: false));
    }
}

public sealed class UpdateDeviceHandler(IKbossDbContext db, CenterGuard guard, ISecretProtector secrets, ICurrentUser user)
    : ICommandHandler<UpdateDevice, Reply<DeviceEcho>>
{
    /// <summary>Message when a device id is unknown.</summary>
    public const string NotFound = "算力设备不存在";
    /// <summary>Message when node_status or role would change.</summary>
    public const string StateOwnedByClusters = "算力设备的占用状态和集群角色由集群操作维护,不能直接修改";

    public async ValueTask<Reply<DeviceEcho>> Handle(UpdateDevice c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Cpcid!, track: false, ct);
        var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == c.Id.Trimmed() && d.Cpcid == center.Id, ct)
                     ?? throw BusinessException.NotFound(NotFound);
        if ((!string.IsNullOrWhiteSpace(c.NodeStatus) && c.NodeStatus.Trim() != device.NodeStatus)
            || (c.Role is not null && c.Role.Trim() != device.Role))
            throw BusinessException.Conflict(StateOwnedByClusters);
        var before = new { device.Name, device.Ip, device.SshPort, device.AdminUser };
        DeviceMapper.Apply(c, device, secrets);
        if (await db.Devices.AnyAsync(d => d.Cpcid == center.Id && d.Ip == device.Ip && d.Id != device.Id, ct))
            throw BusinessException.Conflict(AddDeviceHandler.DuplicateIp);
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.device.updated", "device", device.Id, new
        {
            before,
            after = new { device.Name, device.Ip, device.SshPort, device.AdminUser },
            password_changed = !SecretMask.MeansKeep(c.Adminpwd),
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(AddDeviceHandler.DuplicateIp);
        }
        return Reply.Ok("更新算力中心成功", DeviceEcho.From(device));
    }
}
