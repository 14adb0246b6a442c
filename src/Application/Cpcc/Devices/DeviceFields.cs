using System.Net;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.Devices;

/// <summary>The editable fields shared by D2 (add) and D3 (update). spec: 38-cpcc-devices.md; analysis/cpcc.md §3.B.</summary>
public interface IDeviceFields
{
    /// <summary>算力中心ID (required).</summary>
    string? Cpcid { get; }
    /// <summary>IP地址: IPv4/IPv6 literal or host name (required, unique within the centre).</summary>
    string? Ip { get; }
    /// <summary>设备简称 (required, ≤ 100 chars).</summary>
    string? Name { get; }
    /// <summary>设备类型: 0 虚拟机, 1 物理机 (required).</summary>
    string? Devicetype { get; }
    /// <summary>SSH端口 1–65535 (required).</summary>
    string? Sshport { get; }
    /// <summary>管理账号 (required).</summary>
    string? Adminuser { get; }
    /// <summary>管理密码 (required on add; on update the mask or empty keeps the stored one).</summary>
    string? Adminpwd { get; }
    /// <summary>算力设备状态 0/1: owned by the cluster flows (a new device is 0; an update may not change it).</summary>
    string? NodeStatus { get; }
    /// <summary>公网IP (may be empty: shown as 未设置).</summary>
    string? ExternalIp { get; }
    /// <summary>CPU型号.</summary>
    string? CpuModel { get; }
    /// <summary>CPU cores (integer ≥ 0).</summary>
    string? CpuStock { get; }
    /// <summary>内存型号.</summary>
    string? MemoryModel { get; }
    /// <summary>Memory in Gi (integer ≥ 0).</summary>
    string? MemoryStock { get; }
    /// <summary>System disk in Gi (integer ≥ 0).</summary>
    string? SysdiskStock { get; }
    /// <summary>Data disk in Gi (integer ≥ 0).</summary>
    string? DatadiskStock { get; }
    /// <summary>GPU型号.</summary>
    string? GpuModel { get; }
    /// <summary>GPU cards (integer ≥ 0).</summary>
    string? GpuStock { get; }
    /// <summary>集群角色 ""/master/worker: owned by the cluster flows (a new device has none; an update may not change it).</summary>
    string? Role { get; }
    /// <summary>启用日期 yyyy-MM-dd (optional).</summary>
    string? EnableDate { get; }
    /// <summary>停用日期 yyyy-MM-dd (optional, not before the enable date).</summary>
    string? ExportDate { get; }
}

/// <summary>Rules on <see cref="IDeviceFields"/>, included by the add and update validators.</summary>
public sealed class DeviceFieldsValidator : AbstractValidator<IDeviceFields>
{
    /// <summary>Allowed <c>node_status</c> values.</summary>
    public static readonly string[] Statuses = [DeviceStatus.Idle, DeviceStatus.Occupied];
    /// <summary>Allowed <c>devicetype</c> values.</summary>
    public static readonly string[] Types = [DeviceTypes.VirtualMachine, DeviceTypes.Physical];
    /// <summary>Allowed non-empty <c>role</c> values.</summary>
    public static readonly string[] RoleValues = [DeviceRoles.Master, DeviceRoles.Worker];

    /// <summary>Rules; <paramref name="passwordRequired"/> is false on update.</summary>
    public DeviceFieldsValidator(bool passwordRequired)
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Ip).Required().MaxChars(64)
            .Must(v => string.IsNullOrWhiteSpace(v) || IsHost(v)).WithMessage("ip 格式错误");
        RuleFor(x => x.Name).Required().MaxChars(100);
        RuleFor(x => x.Devicetype).Required().OneOf(Types);
        RuleFor(x => x.Sshport).Required()
            .Must(v => string.IsNullOrWhiteSpace(v) || (RuleExtensions.TryInt(v, out var n) && n is >= 1 and <= 65535))
            .WithMessage("sshport 必须是 1-65535 之间的整数");
        RuleFor(x => x.Adminuser).Required().MaxChars(100);
        if (passwordRequired) RuleFor(x => x.Adminpwd).Required().MaxChars(200);
        else RuleFor(x => x.Adminpwd).MaxChars(200);
        RuleFor(x => x.NodeStatus).OneOf(Statuses);
        RuleFor(x => x.Role).OneOf(RoleValues);
        RuleFor(x => x.ExternalIp).MaxChars(64)
            .Must(v => string.IsNullOrWhiteSpace(v) || v.Trim() == NotSet || IsHost(v)).WithMessage("external_ip 格式错误");
        RuleFor(x => x.CpuModel).MaxChars(100);
        RuleFor(x => x.MemoryModel).MaxChars(100);
        RuleFor(x => x.GpuModel).MaxChars(100);
        RuleFor(x => x.CpuStock).OptionalInt(0, int.MaxValue);
        RuleFor(x => x.MemoryStock).OptionalInt(0, int.MaxValue);
        RuleFor(x => x.SysdiskStock).OptionalInt(0, int.MaxValue);
        RuleFor(x => x.DatadiskStock).OptionalInt(0, int.MaxValue);
        RuleFor(x => x.GpuStock).OptionalInt(0, int.MaxValue);
        RuleFor(x => x.EnableDate).OptionalDate();
        RuleFor(x => x.ExportDate).OptionalDate();
        RuleFor(x => x.ExportDate)
            .Must((x, end) => RuleExtensions.ToDate(x.EnableDate) is not { } e || RuleExtensions.ToDate(end) is not { } d || d >= e)
            .WithMessage("停用日期不能早于启用日期");
    }

    /// <summary>How an empty public IP is shown.</summary>
    public const string NotSet = "未设置";

    private static bool IsHost(string v) =>
        IPAddress.TryParse(v.Trim(), out _) || Uri.CheckHostName(v.Trim()) == UriHostNameType.Dns;

    /// <summary>Parsed validated integer (0 when empty).</summary>
    public static long Int(string? v) => RuleExtensions.TryInt(v, out var n) ? n : 0;
}

/// <summary>The wire fields of <see cref="IDeviceFields"/>, shared by the add and update requests.</summary>
public abstract record DeviceFieldsRequest : IDeviceFields
{
    /// <inheritdoc />
    public string? Cpcid { get; init; }
    /// <inheritdoc />
    public string? Ip { get; init; }
    /// <inheritdoc />
    public string? Name { get; init; }
    /// <inheritdoc />
    public string? Devicetype { get; init; }
    /// <inheritdoc />
    public string? Sshport { get; init; }
    /// <inheritdoc />
    public string? Adminuser { get; init; }
    /// <inheritdoc />
    public string? Adminpwd { get; init; }
    /// <inheritdoc />
    public string? NodeStatus { get; init; }
    /// <inheritdoc />
    public string? ExternalIp { get; init; }
    /// <inheritdoc />
    public string? CpuModel { get; init; }
    /// <inheritdoc />
    public string? CpuStock { get; init; }
    /// <inheritdoc />
    public string? MemoryModel { get; init; }
    /// <inheritdoc />
    public string? MemoryStock { get; init; }
    /// <inheritdoc />
    public string? SysdiskStock { get; init; }
    /// <inheritdoc />
    public string? DatadiskStock { get; init; }
    /// <inheritdoc />
    public string? GpuModel { get; init; }
    /// <inheritdoc />
    public string? GpuStock { get; init; }
    /// <inheritdoc />
    public string? Role { get; init; }
    /// <inheritdoc />
    public string? EnableDate { get; init; }
    /// <inheritdoc />
    public string? ExportDate { get; init; }
}

/// <summary>The one mapping from <see cref="IDeviceFields"/> onto a device (add and update share it).</summary>
public static class DeviceMapper
{
    /// <summary>Copies the validated basic fields onto <paramref name="d"/>; encrypts a new password.</summary>
    public static void Apply(IDeviceFields f, Device d, ISecretProtector secrets)
    {
        d.Ip = f.Ip.Trimmed();
        d.Name = f.Name.Trimmed();
        d.DeviceType = f.Devicetype.Trimmed();
        d.SshPort = (int)DeviceFieldsValidator.Int(f.Sshport);
        d.AdminUser = f.Adminuser.Trimmed();
        if (!SecretMask.MeansKeep(f.Adminpwd)) d.AdminPwdProtected = secrets.Protect(f.Adminpwd!);
        var ext = f.ExternalIp?.Trim() ?? "";
        d.ExternalIp = ext == DeviceFieldsValidator.NotSet ? "" : ext;
        d.CpuModel = f.CpuModel?.Trim() ?? "";
        d.CpuStock = DeviceFieldsValidator.Int(f.CpuStock);
        d.MemoryModel = f.MemoryModel?.Trim() ?? "";
        d.MemoryStock = DeviceFieldsValidator.Int(f.MemoryStock);
        d.SysdiskStock = DeviceFieldsValidator.Int(f.SysdiskStock);
        d.DatadiskStock = DeviceFieldsValidator.Int(f.DatadiskStock);
        d.GpuModel = f.GpuModel?.Trim() ?? "";
        d.GpuStock = DeviceFieldsValidator.Int(f.GpuStock);
        d.EnableDate = RuleExtensions.ToDate(f.EnableDate);
        d.ExportDate = RuleExtensions.ToDate(f.ExportDate);
    }
}
