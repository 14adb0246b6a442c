using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-06 <c>GET /capital/get_ecs_price.dspy</c> 获取云服务器价格: the price of a host order for the customer org
/// <c>user_orgid</c> (default the caller's; another org's: 403) — CDS DescribePrice and <see cref="EcsPricing"/>, the
/// same computation <c>create_ecs</c> charges. <c>data</c> = CDS's <c>Data</c> (<c>{PriceUnit, PriceSymbol,
/// TotalPrice}</c>) plus <c>original_price</c>, <c>price</c> (the customer's, 元) and <c>discount</c>.
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8, §6 #36.
/// </summary>
public sealed record GetEcsPrice : IQuery<Reply<JsonNode>>, IOrgScoped, IEcsShape
{
    /// <summary>Customer org priced.</summary>
    [JsonPropertyName("user_orgid")] public string? Orgid { get; set; }
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
    [JsonPropertyName("EcsFamilyName")] public string? EcsFamilyName { get; init; }
    [JsonPropertyName("Cpu")] public string? Cpu { get; init; }
    [JsonPropertyName("Ram")] public string? Ram { get; init; }
    [JsonPropertyName("Gpu")] public string? Gpu { get; init; }
    /// <summary>0 按需 (per hour), 1 包月, 3 竞价.</summary>
    [JsonPropertyName("BillingMethod")] public string? BillingMethod { get; init; }
    /// <summary>Months (monthly).</summary>
    [JsonPropertyName("Duration")] public string? Duration { get; init; }
    [JsonPropertyName("IsToMonth")] public string? IsToMonth { get; init; }
    /// <summary>JSON <c>{"DiskFeature":"ssd","Size":40}</c>.</summary>
    [JsonPropertyName("SystemDiskInfo")] public string? SystemDiskInfo { get; init; }
    [JsonPropertyName("Number")] public string? Number { get; init; }
    /// <summary>JSON array of <c>{DiskFeature, Size}</c>.</summary>
    [JsonPropertyName("DataDiskInfo")] public string? DataDiskInfo { get; init; }

    [JsonIgnore] public string? SystemDiskJson => SystemDiskInfo;
    [JsonIgnore] public string? DataDiskJson => DataDiskInfo;
}

public sealed class GetEcsPriceValidator : AbstractValidator<GetEcsPrice>
{
    public GetEcsPriceValidator()
    {
        EcsShape.Rules(this, "SystemDiskInfo", "DataDiskInfo");
        RuleFor(x => x.SystemDiskInfo).Required();
    }
}

public sealed class GetEcsPriceHandler(CdsService cds, EcsPricing pricing) : IQueryHandler<GetEcsPrice, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(GetEcsPrice q, CancellationToken ct)
    {
        var price = await pricing.PriceAsync(q.Orgid!, await cds.KeyForAsync(q.Orgid!, ct), q, ct);
        return Reply.Ok("获取计费信息成功！", (JsonNode)price.Reply());
    }
}
