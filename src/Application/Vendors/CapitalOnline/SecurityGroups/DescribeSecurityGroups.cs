using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-01 <c>GET /capital/ecs_describe_security_groups.dspy</c> 查看安全组: CDS DescribeSecurityGroups (unpaged,
/// with the region/id/name filters), kept to the groups <c>orgid</c> owns (default the caller's; "必传", §6 #2) and
/// paged here (<c>PageNumber</c> 0 or absent: all, as CDS). A <c>SecurityGroupId</c> must be the caller's.
/// <c>data</c> = <c>{TotalCount, PageNumber, PageSize, SecurityGroupSet}</c>.
/// spec: 27-capital-online-security-groups.md; analysis/vendors.md §3.7.
/// </summary>
public sealed record DescribeSecurityGroups : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>用户的orgid.</summary>
    public string? Orgid { get; set; }
    /// <summary>Region filter.</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
    /// <summary>Group id filter.</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
    /// <summary>Group name filter.</summary>
    [JsonPropertyName("SecurityGroupName")] public string? SecurityGroupName { get; init; }
    /// <summary>Page from 1; 0 or absent: all.</summary>
    [JsonPropertyName("PageNumber")] public string? PageNumber { get; init; }
    /// <summary>Page size (default 20).</summary>
    [JsonPropertyName("PageSize")] public string? PageSize { get; init; }
}

public sealed class DescribeSecurityGroupsValidator : AbstractValidator<DescribeSecurityGroups>
{
    public DescribeSecurityGroupsValidator()
    {
        RuleFor(x => x.RegionCode).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.SecurityGroupId).MaxChars(CdsRules.IdMax);
        RuleFor(x => x.SecurityGroupName).MaxChars(CreateSecurityGroupValidator.NameMax);
        RuleFor(x => x.PageNumber).OptionalInt(0, 100000);
        RuleFor(x => x.PageSize).OptionalInt(1, 1000);
    }
}

public sealed class DescribeSecurityGroupsHandler(CdsService cds, CdsSecurityGroups groups)
    : IQueryHandler<DescribeSecurityGroups, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeSecurityGroups q, CancellationToken ct)
    {
        if (q.SecurityGroupId.TrimmedOrNull() is { } id) await groups.LoadAsync(id, ct);
        var owned = await cds.OwnedIdsAsync(CdsResourceTypes.SecurityGroup, q.Orgid!, ct);
        var key = await cds.KeyForAsync(q.Orgid!, ct);
        var body = new JsonObject();
        if (q.RegionCode.TrimmedOrNull() is { } region) body["RegionCode"] = region;
        if (q.SecurityGroupId.TrimmedOrNull() is { } sg) body["SecurityGroupId"] = sg;
        if (q.SecurityGroupName.TrimmedOrNull() is { } name) body["SecurityGroupName"] = name;
        var answer = await cds.ReadAsync(key, CdsActions.DescribeSecurityGroups, body, ct);
        var kind = CdsKinds.SecurityGroup;
        var mine = kind.Items(answer.Data).Where(i => kind.IdOf(i) is { } g && owned.Contains(g)).ToList();
        var page = int.TryParse(q.PageNumber.TrimmedOrNull(), out var p) ? p : 0;
        var size = int.TryParse(q.PageSize.TrimmedOrNull(), out var s) ? s : 20;
        var shown = page <= 0 ? mine : mine.Skip((page - 1) * size).Take(size);
        return Reply.Ok("查询成功", new JsonObject
        {
            ["TotalCount"] = mine.Count, ["PageNumber"] = page, ["PageSize"] = page <= 0 ? mine.Count : size,
            ["SecurityGroupSet"] = new JsonArray(shown.Select(i => i!.DeepClone()).ToArray()),
        });
    }
}
