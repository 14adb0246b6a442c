using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-07 <c>GET /capital/get_ecs_detail.dspy</c> 获取云服务器配置详情: CDS DescribeInstance of a host the caller
/// owns (another org's: 403). <c>data</c> = CDS's <c>Data</c> (<c>{EcsId, EcsName, Status, Disk, Pipe, …}</c>).
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8.
/// </summary>
public sealed record GetEcsDetail : IQuery<Reply<JsonNode>>
{
    /// <summary>云服务器id.</summary>
    [JsonPropertyName("EcsId")] public string? EcsId { get; init; }
}

public sealed class GetEcsDetailValidator : AbstractValidator<GetEcsDetail>
{
    public GetEcsDetailValidator() => RuleFor(x => x.EcsId).Id();
}

public sealed class GetEcsDetailHandler(CdsEcs ecs) : IQueryHandler<GetEcsDetail, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(GetEcsDetail q, CancellationToken ct) =>
        await ecs.ReadOwnedAsync(CdsResourceTypes.Ecs, q.EcsId, CdsActions.DescribeInstance,
            row => new JsonObject { ["EcsId"] = row.VendorId }, ct);
}
