using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-03 <c>POST /ucloud/describe_available_instance_types.dspy</c> 获取某个地域下可售/售罄机型: UCloud
/// DescribeAvailableInstanceTypes (read-only) with the caller's operator key. <c>data</c> =
/// <c>{AvailableInstanceTypes, …}</c>. spec: 30-ucloud-hosts.md; analysis/vendors.md §3.9.
/// </summary>
public sealed record DescribeAvailableInstanceTypes : IQuery<Reply<JsonObject>>
{
    /// <summary>Region (default: <c>Vendors:UCloud:DefaultRegion</c>, <c>cn-bj2</c>).</summary>
    [JsonPropertyName("Region")] public string? Region { get; init; }
    /// <summary>Machine type (N, C, G, O, OS…; sent as <c>MachineTypes.0</c>).</summary>
    [JsonPropertyName("MachineType")] public string? MachineType { get; init; }
    /// <summary>Zone.</summary>
    [JsonPropertyName("Zone")] public string? Zone { get; init; }
}

public sealed class DescribeAvailableInstanceTypesValidator : AbstractValidator<DescribeAvailableInstanceTypes>
{
    public DescribeAvailableInstanceTypesValidator()
    {
        RuleFor(x => x.Region).OptionalRegionCode();
        RuleFor(x => x.MachineType).OptionalId();
        RuleFor(x => x.Zone).OptionalRegionCode();
    }
}

public sealed class DescribeAvailableInstanceTypesHandler(UCloudService ucloud, ICurrentUser user)
    : IQueryHandler<DescribeAvailableInstanceTypes, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeAvailableInstanceTypes q, CancellationToken ct)
    {
        var scope = await ucloud.ScopeAsync(user.OrgId ?? throw new UnauthenticatedException(), ct);
        var p = scope.Params(q.Region, q.Zone);
        if (q.MachineType.TrimmedOrNull() is { } type) p.WithList("MachineTypes", [type]);
        return Reply.Ok("查询成功", await ucloud.CallAsync(scope, UCloudActions.DescribeAvailableInstanceTypes, p, ct));
    }
}
