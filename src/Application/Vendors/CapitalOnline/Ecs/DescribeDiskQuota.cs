using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-04 <c>GET /capital/describe_disk_quota.dspy</c> 获取云盘配额: CDS DescribeDiskQuota (<c>/ebs/v1</c>) in
/// <c>AvailableZoneCode</c>, which CDS requires (the spec's 否 overruled, analysis/vendors.md §6 #28).
/// <c>data</c> = <c>{QuotaList:[{TotalQuota, UsedQuota, FreeQuota, DiskFeature}]}</c> (GB).
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8.
/// </summary>
public sealed record DescribeDiskQuota : IQuery<Reply<JsonNode>>
{
    /// <summary>有效的地域 (a zone; required).</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
}

public sealed class DescribeDiskQuotaValidator : AbstractValidator<DescribeDiskQuota>
{
    public DescribeDiskQuotaValidator() => RuleFor(x => x.AvailableZoneCode).Id();
}

public sealed class DescribeDiskQuotaHandler(CdsEcs ecs) : IQueryHandler<DescribeDiskQuota, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(DescribeDiskQuota q, CancellationToken ct) =>
        await ecs.CatalogAsync(CdsActions.DescribeDiskQuota,
            new JsonObject { ["AvailableZoneCode"] = q.AvailableZoneCode.Trimmed() }, ct);
}
