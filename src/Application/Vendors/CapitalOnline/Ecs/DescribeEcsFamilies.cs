using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-02 <c>GET /capital/ecs_family_info.dspy</c> 获取计算类型族: CDS DescribeEcsFamilyInfo in
/// <c>AvailableZoneCode</c>; CDS requires <c>BillingMethod</c>, which the spec lacks: kboss adds it, optional,
/// default <c>0</c> (analysis/vendors.md §6 #28). <c>data</c> = <c>{EcsFamilyInfo:[{EcsFamilyName, SpecList}]}</c>.
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8.
/// </summary>
public sealed record DescribeEcsFamilies : IQuery<Reply<JsonNode>>
{
    /// <summary>可用区 (from region_az_info).</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
    /// <summary>kboss addition: 0 按需, 1 包月, 3 竞价 (default 0).</summary>
    [JsonPropertyName("BillingMethod")] public string? BillingMethod { get; init; }
}

public sealed class DescribeEcsFamiliesValidator : AbstractValidator<DescribeEcsFamilies>
{
    public DescribeEcsFamiliesValidator()
    {
        RuleFor(x => x.AvailableZoneCode).Id();
        RuleFor(x => x.BillingMethod).OneOf(EcsSpec.BillingMethods).When(x => x.BillingMethod is { Length: > 0 });
    }
}

public sealed class DescribeEcsFamiliesHandler(CdsEcs ecs) : IQueryHandler<DescribeEcsFamilies, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(DescribeEcsFamilies q, CancellationToken ct) =>
        await ecs.CatalogAsync(CdsActions.DescribeEcsFamilyInfo, new JsonObject
        {
            ["AvailableZoneCode"] = q.AvailableZoneCode.Trimmed(),
            ["BillingMethod"] = q.BillingMethod.TrimmedOrNull() ?? "0",
        }, ct);
}
