using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-21 <c>GET /capital/describe_zone_instance_type.dspy</c> 获取弹性云服务器ECS计算类型规格及其销售状况: CDS
/// DescribeZoneInstanceType in <c>AvailableZoneCode</c> (required by CDS), optionally one family and spec;
/// <c>data</c> = <c>[{EcsFamilyName, SpecList:[{Cpu, Ram, Gpu, Status (SELL / SELLOUT)}]}]</c>.
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8.
/// </summary>
public sealed record DescribeZoneInstanceType : IQuery<Reply<JsonNode>>
{
    /// <summary>Zone (required).</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
    /// <summary>Family filter.</summary>
    [JsonPropertyName("EcsFamilyName")] public string? EcsFamilyName { get; init; }
    /// <summary>Cores (可选).</summary>
    [JsonPropertyName("Cpu")] public string? Cpu { get; init; }
    /// <summary>Memory GB (可选).</summary>
    [JsonPropertyName("Ram")] public string? Ram { get; init; }
    /// <summary>GPU cards (可选).</summary>
    [JsonPropertyName("Gpu")] public string? Gpu { get; init; }
}

public sealed class DescribeZoneInstanceTypeValidator : AbstractValidator<DescribeZoneInstanceType>
{
    public DescribeZoneInstanceTypeValidator()
    {
        RuleFor(x => x.AvailableZoneCode).Id();
        RuleFor(x => x.EcsFamilyName).MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.Cpu).OptionalInt(1, EcsSpec.MaxCpu);
        RuleFor(x => x.Ram).OptionalInt(1, EcsSpec.MaxRam);
        RuleFor(x => x.Gpu).OptionalInt(0, EcsSpec.MaxGpu);
    }
}

public sealed class DescribeZoneInstanceTypeHandler(CdsEcs ecs)
    : IQueryHandler<DescribeZoneInstanceType, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(DescribeZoneInstanceType q, CancellationToken ct)
    {
        var body = new JsonObject { ["AvailableZoneCode"] = q.AvailableZoneCode.Trimmed() };
        foreach (var (name, value) in new[] { ("EcsFamilyName", q.EcsFamilyName), ("Cpu", q.Cpu), ("Ram", q.Ram),
                     ("Gpu", q.Gpu) })
            if (value.TrimmedOrNull() is { } v) body[name] = v;
        return await ecs.CatalogAsync(CdsActions.DescribeZoneInstanceType, body, ct);
    }
}
