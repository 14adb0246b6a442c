using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.SecurityGroups;

/// <summary>
/// CDS-SG-12 <c>GET /capital/ecs_describe_security_group_association_statistics.dspy</c> 查询安全组关联实例统计: CDS
/// DescribeSecurityGroupAssociationStatistics of a group of <c>orgid</c> (default the caller's) — CDS requires
/// <c>SecurityGroupId</c>; the hosts listed are kept to those the org owns (<c>InstanceCount</c> recounted).
/// <c>data</c> = <c>{InstanceCount, InstanceStatistics: [{InstanceName, InstanceId, Region, Az, Vpc, Ip}]}</c>.
/// spec: 27-capital-online-security-groups.md; analysis/vendors.md §3.7.
/// </summary>
public sealed record DescribeSecurityGroupAssociationStatistics : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>用户的orgid.</summary>
    public string? Orgid { get; set; }
    /// <summary>Group id.</summary>
    [JsonPropertyName("SecurityGroupId")] public string? SecurityGroupId { get; init; }
}

public sealed class DescribeSecurityGroupAssociationStatisticsValidator
    : AbstractValidator<DescribeSecurityGroupAssociationStatistics>
{
    public DescribeSecurityGroupAssociationStatisticsValidator() => RuleFor(x => x.SecurityGroupId).Id();
}

public sealed class DescribeSecurityGroupAssociationStatisticsHandler(CdsService cds, CdsSecurityGroups groups)
    : IQueryHandler<DescribeSecurityGroupAssociationStatistics, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeSecurityGroupAssociationStatistics q,
        CancellationToken ct)
    {
        var group = await groups.LoadAsync(q.SecurityGroupId, ct);
        if (group.OrgId != q.Orgid) throw BusinessException.NotFound(CdsService.NotFoundMessage);
        var hosts = await cds.OwnedIdsAsync(CdsResourceTypes.Ecs, group.OrgId, ct);
        var answer = await groups.ReadAsync(group, CdsActions.DescribeSecurityGroupAssociationStatistics,
            new JsonObject { ["SecurityGroupId"] = group.VendorId }, ct);
        var mine = VendorJson.Items(answer.Data, "InstanceStatistics")
            .Where(i => VendorJson.Str(i, "InstanceId") is { } id && hosts.Contains(id)).Select(i => i!.DeepClone())
            .ToArray();
        return Reply.Ok("查询成功", new JsonObject
        {
            ["InstanceCount"] = mine.Length, ["InstanceStatistics"] = new JsonArray(mine),
        });
    }
}
