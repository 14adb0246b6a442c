using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-10 <c>GET /capital/instance_monitor.dspy</c> 云服务器监控信息: CDS DescribeInstanceMonitor of a host the
/// caller owns, between <c>StartTime</c> and <c>EndTime</c> (<c>yyyy-MM-dd HH:mm:ss</c>), for <c>Indicators</c> (a
/// list of CpuUsage, MemoryUsage, Load, NetworkRate, DiskUsage, DiskThroughput, DiskIops, GpuUsage, GpuMemoryUsage,
/// GpuTemperature, GpuClocksGraphics, GpuClocksMemory; empty = all). <c>data</c> =
/// <c>{"&lt;Indicator&gt;":{Unit, Device, Time[], Value[]}}</c>. spec: 28-capital-online-ecs.md;
/// analysis/vendors.md §3.8.
/// </summary>
public sealed record GetInstanceMonitor : IQuery<Reply<JsonNode>>
{
    /// <summary>Host id (required by CDS).</summary>
    [JsonPropertyName("EcsId")] public string? EcsId { get; init; }
    /// <summary>From.</summary>
    [JsonPropertyName("StartTime")] public string? StartTime { get; init; }
    /// <summary>To.</summary>
    [JsonPropertyName("EndTime")] public string? EndTime { get; init; }
    /// <summary>Indicators (JSON array or comma-separated).</summary>
    [JsonPropertyName("Indicators")] public string? Indicators { get; init; }
}

public sealed class GetInstanceMonitorValidator : AbstractValidator<GetInstanceMonitor>
{
    public GetInstanceMonitorValidator()
    {
        RuleFor(x => x.EcsId).Id();
        RuleFor(x => x.StartTime).OptionalDateTime();
        RuleFor(x => x.EndTime).OptionalDateTime();
        RuleFor(x => x.Indicators)
            .Must(v => VendorJson.ParseList(v) is { } l && l.All(EcsSpec.Indicators.Contains))
            .WithMessage("Indicators取值: " + string.Join(",", EcsSpec.Indicators));
    }
}

public sealed class GetInstanceMonitorHandler(CdsEcs ecs) : IQueryHandler<GetInstanceMonitor, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(GetInstanceMonitor q, CancellationToken ct) =>
        await ecs.ReadOwnedAsync(CdsResourceTypes.Ecs, q.EcsId, CdsActions.DescribeInstanceMonitor, row =>
        {
            var body = new JsonObject { ["EcsId"] = row.VendorId, ["Indicators"] = CdsEcs.Ids(q.Indicators) };
            if (q.StartTime.TrimmedOrNull() is { } from) body["StartTime"] = from;
            if (q.EndTime.TrimmedOrNull() is { } to) body["EndTime"] = to;
            return body;
        }, ct);
}
