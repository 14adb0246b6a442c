namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>Limits and enumerations of CDS hosts (analysis/vendors.md §3.8, CDS public documents).</summary>
public static class EcsSpec
{
    /// <summary><c>BillingMethod</c>: 0 按需 (on demand), 1 包月 (monthly), 3 竞价 (spot).</summary>
    public static readonly string[] BillingMethods = ["0", "1", "3"];
    /// <summary><c>OpType</c> of operate_ecs.</summary>
    public static readonly string[] OpTypes =
        ["start_up_ecs", "shutdown_ecs", "restart_ecs", "hard_shutdown_ecs", "free_shutdown_ecs"];
    /// <summary><c>Indicators</c> of instance_monitor.</summary>
    public static readonly string[] Indicators =
    [
        "CpuUsage", "MemoryUsage", "Load", "NetworkRate", "DiskUsage", "DiskThroughput", "DiskIops", "GpuUsage",
        "GpuMemoryUsage", "GpuTemperature", "GpuClocksGraphics", "GpuClocksMemory",
    ];
    /// <summary>Most cores, GB of memory and GPU cards kboss passes on.</summary>
    public const int MaxCpu = 512, MaxRam = 4096, MaxGpu = 16;
    /// <summary>Most hosts one create_ecs makes (CDS: 100).</summary>
    public const int MaxNumber = 100;
    /// <summary>Longest monthly duration (months).</summary>
    public const int MaxDuration = 36;
}
