using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Devices;

/// <summary>
/// D2 <c>POST /dev/cpcc/cpcnode/add_cpcnode.dspy</c>: registers a machine of a centre (database only). A new device is
/// idle (§4.6): <c>node_status</c> must be absent or <c>0</c> and <c>role</c> absent or empty, because only the cluster
/// flows occupy a device. The IP is unique within the centre. <c>adminpwd</c> is encrypted and echoed masked.
/// spec: 38-cpcc-devices.md; analysis/cpcc.md §3.B D2.
/// </summary>
public sealed record AddDevice : DeviceFieldsRequest, ICommand<Reply<DeviceEcho>>;

public sealed class AddDeviceValidator : AbstractValidator<AddDevice>
{
    /// <summary>Message when a new device is not idle.</summary>
    public const string MustBeIdle = "新增的算力设备必须是空闲状态(node_status 为 0,role 为空),集群角色由建集群/加节点操作设置";

    public AddDeviceValidator()
    {
        Include(new DeviceFieldsValidator(passwordRequired: true));
        RuleFor(x => x.NodeStatus).Must(v => string.IsNullOrWhiteSpace(v) || v.Trim() == DeviceStatus.Idle).WithMessage(MustBeIdle);
        RuleFor(x => x.Role).Must(string.IsNullOrWhiteSpace).WithMessage(MustBeIdle);
    }
}

public sealed class AddDeviceHandler(IKbossDbContext db, CenterGuard guard, ISecretProtector secrets, ICurrentUser user)
    : ICommandHandler<AddDevice, Reply<DeviceEcho>>
{
    /// <summary>Message when the IP is taken in the centre.</summary>
    public const string DuplicateIp = "该算力中心下已存在相同IP的算力设备";

    public async ValueTask<Reply<DeviceEcho>> Handle(AddDevice c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Cpcid!, track: false, ct);
        var device = new Device { Cpcid = center.Id };
        DeviceMapper.Apply(c, device, secrets);
        if (await db.Devices.AnyAsync(d => d.Cpcid == center.Id && d.Ip == device.Ip, ct))
            throw BusinessException.Conflict(DuplicateIp);
        db.Devices.Add(device);
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.device.created", "device", device.Id,
            new { cpcid = center.Id, device.Name, device.Ip, device.SshPort, device.AdminUser }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(DuplicateIp); // lost a race on the (cpcid, ip) unique index
        }
        return Reply.Ok("新增算力设备成功", DeviceEcho.From(device));
    }
}
