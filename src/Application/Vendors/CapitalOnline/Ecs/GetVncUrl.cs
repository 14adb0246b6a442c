using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-20 <c>GET /capital/describe_instance_vnc_url.dspy</c> 获取云服务器远程连接地址: CDS DescribeInstanceVncUrl of
/// a host the caller owns; console access, so audited (without the URL). <c>data</c> = <c>{InstanceVncUrl}</c>.
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8, §5.4.
/// </summary>
public sealed record GetVncUrl : IQuery<Reply<JsonNode>>
{
    /// <summary>云服务器id.</summary>
    [JsonPropertyName("EcsId")] public string? EcsId { get; init; }
}

public sealed class GetVncUrlValidator : AbstractValidator<GetVncUrl>
{
    public GetVncUrlValidator() => RuleFor(x => x.EcsId).Id();
}

public sealed class GetVncUrlHandler(CdsEcs ecs) : IQueryHandler<GetVncUrl, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(GetVncUrl q, CancellationToken ct) =>
        await ecs.ReadOwnedAsync(CdsResourceTypes.Ecs, q.EcsId, CdsActions.DescribeInstanceVncUrl,
            row => new JsonObject { ["EcsId"] = row.VendorId }, ct, audit: "vnc");
}
