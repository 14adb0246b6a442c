using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Eips;

/// <summary>
/// UC-EIP-03 <c>GET /ucloud/describe_eip.dspy</c> 获取EIP信息: UCloud DescribeEIP, kept to the EIPs <c>orgid</c> owns.
/// <c>data</c> = <c>{TotalCount, EIPSet}</c>. spec: 32-ucloud-eip.md; analysis/vendors.md §3.11.
/// </summary>
public sealed record UCloudDescribeEip : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Customer org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>Region (default: <c>Vendors:UCloud:DefaultRegion</c>, <c>cn-bj2</c>).</summary>
    [JsonPropertyName("Region")] public string? Region { get; init; }
}

public sealed class UCloudDescribeEipValidator : AbstractValidator<UCloudDescribeEip>
{
    public UCloudDescribeEipValidator() => RuleFor(x => x.Region).OptionalRegionCode();
}

public sealed class UCloudDescribeEipHandler(UCloudService ucloud) : IQueryHandler<UCloudDescribeEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(UCloudDescribeEip q, CancellationToken ct)
    {
        var scope = await ucloud.ScopeAsync(q.Orgid!, ct);
        var owned = await ucloud.OwnedIdsAsync(UCloudResourceTypes.Eip, q.Orgid!, ct);
        var data = await ucloud.CallAsync(scope, UCloudActions.DescribeEip, scope.Params(q.Region).With("Limit", "1000"),
            ct);
        return Reply.Ok("查询成功", UCloudKinds.Eip.Owned(data, owned));
    }
}
