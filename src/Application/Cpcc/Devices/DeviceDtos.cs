using System.Globalization;
using System.Text.Json.Serialization;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Cpcc;

namespace Kboss.Application.Cpcc.Devices;

/// <summary>
/// A D1 row (<c>sshport</c> and the stocks as numbers, <c>adminpwd</c> masked, <c>external_ip</c> 未设置 when empty,
/// display texts and the current cluster name). spec: 38-cpcc-devices.md get_cpcnode.
/// </summary>
public sealed record DeviceRow
{
    /// <summary>设备id.</summary>
    public string Id { get; init; } = "";
    /// <summary>算力中心id.</summary>
    public string Cpcid { get; init; } = "";
    /// <summary>设备名称.</summary>
    public string Name { get; init; } = "";
    /// <summary>集群id (null while idle).</summary>
    public string? Clusterid { get; init; }
    /// <summary>0 空闲 / 1 占用.</summary>
    public string NodeStatus { get; init; } = "";
    /// <summary>内网IP.</summary>
    public string Ip { get; init; } = "";
    /// <summary>0 虚拟机 / 1 物理机.</summary>
    public string Devicetype { get; init; } = "";
    /// <summary>SSH端口.</summary>
    public int Sshport { get; init; }
    /// <summary>SSH用户.</summary>
    public string Adminuser { get; init; } = "";
    /// <summary>Always <c>"******"</c>.</summary>
    public string Adminpwd { get; init; } = SecretMask.Value;
    /// <summary>启用日期.</summary>
    public DateOnly? EnableDate { get; init; }
    /// <summary>结束日期.</summary>
    public DateOnly? ExportDate { get; init; }
    /// <summary>公网IP or 未设置.</summary>
    public string ExternalIp { get; init; } = "";
    /// <summary>CPU型号.</summary>
    public string CpuModel { get; init; } = "";
    /// <summary>CPU cores.</summary>
    public long CpuStock { get; init; }
    /// <summary>内存型号.</summary>
    public string MemoryModel { get; init; } = "";
    /// <summary>Memory Gi.</summary>
    public long MemoryStock { get; init; }
    /// <summary>System disk Gi.</summary>
    public long SysdiskStock { get; init; }
    /// <summary>Data disk Gi.</summary>
    public long DatadiskStock { get; init; }
    /// <summary>GPU型号.</summary>
    public string GpuModel { get; init; } = "";
    /// <summary>GPU cards.</summary>
    public long GpuStock { get; init; }
    /// <summary>master / worker / "".</summary>
    public string Role { get; init; } = "";
    /// <summary>空闲 / 占用.</summary>
    public string NodeStatusText { get; init; } = "";
    /// <summary>虚拟机 / 物理机.</summary>
    public string DevicetypeText { get; init; } = "";
    /// <summary>所属集群 name, "" when none.</summary>
    public string ClusterName { get; init; } = "";
    /// <summary>1-based row number.</summary>
    [JsonPropertyName("row_num_")]
    public int RowNum { get; init; }

    /// <summary>Maps a device.</summary>
    public static DeviceRow From(Device d, string? clusterName, int rowNum) => new()
    {
        Id = d.Id, Cpcid = d.Cpcid, Name = d.Name, Clusterid = d.ClusterId, NodeStatus = d.NodeStatus, Ip = d.Ip,
        Devicetype = d.DeviceType, Sshport = d.SshPort, Adminuser = d.AdminUser, EnableDate = d.EnableDate,
        ExportDate = d.ExportDate, ExternalIp = d.ExternalIp.Length == 0 ? DeviceFieldsValidator.NotSet : d.ExternalIp,
        CpuModel = d.CpuModel, CpuStock = d.CpuStock, MemoryModel = d.MemoryModel, MemoryStock = d.MemoryStock,
        SysdiskStock = d.SysdiskStock, DatadiskStock = d.DatadiskStock, GpuModel = d.GpuModel, GpuStock = d.GpuStock,
        Role = d.Role, NodeStatusText = DeviceStatus.Text(d.NodeStatus), DevicetypeText = DeviceTypes.Text(d.DeviceType),
        ClusterName = clusterName ?? "", RowNum = rowNum,
    };
}

/// <summary>
/// The D2/D3 echo: the stored fields as strings (<c>"sshport": "22"</c>), <c>adminpwd</c> masked.
/// spec: 38-cpcc-devices.md add_cpcnode / update_cpcnode.
/// </summary>
public sealed record DeviceEcho
{
    /// <summary>Always <c>"******"</c>.</summary>
    public string Adminpwd { get; init; } = SecretMask.Value;
    /// <summary>SSH user.</summary>
    public string Adminuser { get; init; } = "";
    /// <summary>Centre id.</summary>
    public string Cpcid { get; init; } = "";
    /// <summary>0 / 1.</summary>
    public string Devicetype { get; init; } = "";
    /// <summary>启用日期.</summary>
    public DateOnly? EnableDate { get; init; }
    /// <summary>停用日期.</summary>
    public DateOnly? ExportDate { get; init; }
    /// <summary>IP.</summary>
    public string Ip { get; init; } = "";
    /// <summary>Name.</summary>
    public string Name { get; init; } = "";
    /// <summary>0 / 1.</summary>
    public string NodeStatus { get; init; } = "";
    /// <summary>SSH port as a string.</summary>
    public string Sshport { get; init; } = "";
    /// <summary>公网IP (empty when not set).</summary>
    public string ExternalIp { get; init; } = "";
    /// <summary>CPU型号.</summary>
    public string CpuModel { get; init; } = "";
    /// <summary>CPU cores, as a string.</summary>
    public string CpuStock { get; init; } = "";
    /// <summary>内存型号.</summary>
    public string MemoryModel { get; init; } = "";
    /// <summary>Memory Gi, as a string.</summary>
    public string MemoryStock { get; init; } = "";
    /// <summary>System disk Gi, as a string.</summary>
    public string SysdiskStock { get; init; } = "";
    /// <summary>Data disk Gi, as a string.</summary>
    public string DatadiskStock { get; init; } = "";
    /// <summary>GPU型号.</summary>
    public string GpuModel { get; init; } = "";
    /// <summary>GPU cards, as a string.</summary>
    public string GpuStock { get; init; } = "";
    /// <summary>Cluster role.</summary>
    public string Role { get; init; } = "";
    /// <summary>Device id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Maps a device.</summary>
    public static DeviceEcho From(Device d) => new()
    {
        Adminuser = d.AdminUser, Cpcid = d.Cpcid, Devicetype = d.DeviceType, EnableDate = d.EnableDate,
        ExportDate = d.ExportDate, Ip = d.Ip, Name = d.Name, NodeStatus = d.NodeStatus, Sshport = S(d.SshPort),
        ExternalIp = d.ExternalIp, CpuModel = d.CpuModel, CpuStock = S(d.CpuStock), MemoryModel = d.MemoryModel,
        MemoryStock = S(d.MemoryStock), SysdiskStock = S(d.SysdiskStock), DatadiskStock = S(d.DatadiskStock),
        GpuModel = d.GpuModel, GpuStock = S(d.GpuStock), Role = d.Role, Id = d.Id,
    };

    private static string S(long v) => v.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A K3 item: <c>{"id","name","clusterid","node_status","ip","devicetype","sshport","adminuser","adminpwd","cpcid",
/// "enable_date","export_date"}</c> with the password masked. spec: 40-cpcc-clusters.md get_cpcidle_device.
/// </summary> <param name="Id">Device id.</param>
/// <param name="Name">Name.</param>
/// <param name="Clusterid">Always null (idle).</param>
/// <param name="NodeStatus">Always "0".</param>
/// <param name="Ip">IP.</param>
/// <param name="Devicetype">0 / 1.</param>
/// <param name="Sshport">SSH port.</param>
/// <param name="Adminuser">SSH user.</param>
/// <param name="Adminpwd">Always <c>"******"</c>.</param>
/// <param name="Cpcid">Centre id.</param>
/// <param name="EnableDate">启用日期.</param>
/// <param name="ExportDate">停用日期.</param>
public sealed record IdleDevice(string Id, string Name, string? Clusterid, string NodeStatus, string Ip, string Devicetype,
    int Sshport, string Adminuser, string Adminpwd, string Cpcid, DateOnly? EnableDate, DateOnly? ExportDate)
{
    /// <summary>Maps an idle device.</summary>
    public static IdleDevice From(Device d) => new(d.Id, d.Name, d.ClusterId, d.NodeStatus, d.Ip, d.DeviceType, d.SshPort,
        d.AdminUser, SecretMask.Value, d.Cpcid, d.EnableDate, d.ExportDate);
}
