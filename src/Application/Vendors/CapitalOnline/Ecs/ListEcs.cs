using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-05 <c>GET /capital/ecs_list.dspy</c> 获取云服务器列表: CDS DescribeInstanceList with the filters (zone,
/// VPC, <c>SearchInfo</c> = id, name or private IP) and without CDS paging, kept to the hosts <c>orgid</c> owns
/// (default: the caller's org; another org's: 403) and paged here (analysis/vendors.md §3.8: filtering after the
/// vendor's paging would break the counts). <c>data</c> = <c>{EcsList, PageNumber, PageSize, TotalCount}</c>.
/// spec: 28-capital-online-ecs.md.
/// </summary>
public sealed record ListEcs : IQuery<Reply<JsonNode>>, IOrgScoped
{
    /// <summary>用户的orgid (必传; default the caller's org).</summary>
    public string? Orgid { get; set; }
    /// <summary>Zone filter.</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
    /// <summary>VPC filter (must be the org's).</summary>
    [JsonPropertyName("VpcId")] public string? VpcId { get; init; }
    /// <summary>Host id, name or private IP.</summary>
    [JsonPropertyName("SearchInfo")] public string? SearchInfo { get; init; }
    /// <summary>Page from 1 (default 1).</summary>
    [JsonPropertyName("PageNumber")] public string? PageNumber { get; init; }
    /// <summary>Page size 1…100 (default 20).</summary>
    [JsonPropertyName("PageSize")] public string? PageSize { get; init; }
}

public sealed class ListEcsValidator : AbstractValidator<ListEcs>
{
    public ListEcsValidator()
    {
        RuleFor(x => x.AvailableZoneCode).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.VpcId).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.SearchInfo).MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.PageNumber).OptionalInt(1, 100000);
        RuleFor(x => x.PageSize).OptionalInt(1, 100);
    }
}

public sealed class ListEcsHandler(CdsService cds) : IQueryHandler<ListEcs, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(ListEcs q, CancellationToken ct)
    {
        if (q.VpcId.TrimmedOrNull() is { } vpc) await cds.LoadOwnedAsync(CdsResourceTypes.Vpc, vpc, ct);
        var owned = await cds.OwnedIdsAsync(CdsResourceTypes.Ecs, q.Orgid!, ct);
        var body = new JsonObject();
        foreach (var (name, value) in new[] { ("AvailableZoneCode", q.AvailableZoneCode), ("VpcId", q.VpcId),
                     ("SearchInfo", q.SearchInfo) })
            if (value.TrimmedOrNull() is { } v) body[name] = v;
        var answer = await cds.ReadAsync(await cds.KeyForAsync(q.Orgid!, ct), CdsActions.DescribeInstanceList,
            body, ct);
        var mine = CdsKinds.Ecs.Items(answer.Data).Where(i => CdsKinds.Ecs.IdOf(i) is { } id && owned.Contains(id))
            .ToList();
        var page = int.TryParse(q.PageNumber, out var p) ? p : 1;
        var size = int.TryParse(q.PageSize, out var s) ? s : 20;
        return Reply.Ok("查询成功", (JsonNode)new JsonObject
        {
            ["EcsList"] = new JsonArray(mine.Skip((page - 1) * size).Take(size).Select(i => i?.DeepClone()).ToArray()),
            ["PageNumber"] = page, ["PageSize"] = size, ["TotalCount"] = mine.Count,
        });
    }
}
