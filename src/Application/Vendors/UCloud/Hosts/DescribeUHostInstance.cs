using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-01 <c>GET /ucloud/describe_uhost_instance.dspy</c> 获取主机列表: UCloud DescribeUHostInstance in the org's
/// project, kept to the hosts <c>user_orgid</c> owns. <c>data</c> = <c>{TotalCount, UHostSet}</c>.
/// spec: 30-ucloud-hosts.md; analysis/vendors.md §3.9.
/// </summary>
public sealed record DescribeUHostInstance : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Customer org (default: the caller's).</summary>
    [JsonPropertyName("user_orgid")] public string? Orgid { get; set; }
    /// <summary>Region (default: <c>Vendors:UCloud:DefaultRegion</c>, <c>cn-bj2</c>).</summary>
    [JsonPropertyName("region")] public string? Region { get; init; }
    /// <summary>Zone filter.</summary>
    [JsonPropertyName("Zone")] public string? Zone { get; init; }
}

public sealed class DescribeUHostInstanceValidator : AbstractValidator<DescribeUHostInstance>
{
    public DescribeUHostInstanceValidator()
    {
        RuleFor(x => x.Region).OptionalRegionCode();
        RuleFor(x => x.Zone).OptionalRegionCode();
    }
}

public sealed class DescribeUHostInstanceHandler(UCloudService ucloud)
    : IQueryHandler<DescribeUHostInstance, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeUHostInstance q, CancellationToken ct)
    {
        var scope = await ucloud.ScopeAsync(q.Orgid!, ct);
        var owned = await ucloud.OwnedIdsAsync(UCloudResourceTypes.Host, q.Orgid!, ct);
        var data = await ucloud.CallAsync(scope, UCloudActions.DescribeUHostInstance,
            scope.Params(q.Region, q.Zone).With("Limit", "1000"), ct);
        return Reply.Ok("查询成功", UCloudKinds.Host.Owned(data, owned));
    }
}
