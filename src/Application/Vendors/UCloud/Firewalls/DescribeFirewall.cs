using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Domain.Common;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>
/// UC-FW-03 <c>GET /ucloud/describe_firewall.dspy</c> 获取防火墙信息: UCloud DescribeFirewall, kept to the firewalls
/// <c>orgid</c> owns; <c>ResourceId</c>, when given, must be the org's host. <c>data</c> = <c>{TotalCount,
/// DataSet}</c>. spec: 31-ucloud-firewall.md; analysis/vendors.md §3.10.
/// </summary>
public sealed record DescribeFirewall : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>用户orgid (required).</summary>
    public string? Orgid { get; set; }
    /// <summary>地域 (required).</summary>
    public string? Region { get; init; }
    /// <summary>不是必填,绑定防火墙组的资源ID.</summary>
    [JsonPropertyName("ResourceId")] public string? ResourceId { get; init; }
    /// <summary>返回数据长度,默认为50,最大10000000.</summary>
    public string? Limit { get; init; }
    /// <summary>列表起始位置偏移量,默认为0.</summary>
    public string? Offset { get; init; }
    /// <summary>Resource type of <see cref="ResourceId"/> (<c>uhost</c>).</summary>
    [JsonPropertyName("ResourceType")] public string? ResourceType { get; init; }
}

public sealed class DescribeFirewallValidator : AbstractValidator<DescribeFirewall>
{
    public DescribeFirewallValidator()
    {
        RuleFor(x => x.Region).RegionCode();
        RuleFor(x => x.ResourceId).OptionalId();
        RuleFor(x => x.Limit).OptionalInt(1, 10_000_000);
        RuleFor(x => x.Offset).OptionalInt(0, 10_000_000);
        RuleFor(x => x.ResourceType).OneOf(["uhost"]);
    }
}

public sealed class DescribeFirewallHandler(UCloudService ucloud) : IQueryHandler<DescribeFirewall, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeFirewall q, CancellationToken ct)
    {
        if (q.ResourceId.TrimmedOrNull() is { } host) await ucloud.LoadOwnedAsync(UCloudResourceTypes.Host, host, ct);
        var scope = await ucloud.ScopeAsync(q.Orgid!, ct);
        var owned = await ucloud.OwnedIdsAsync(UCloudResourceTypes.Firewall, q.Orgid!, ct);
        var p = scope.Params(q.Region).With("ResourceId", q.ResourceId)
            .With("ResourceType", q.ResourceId.TrimmedOrNull() is null ? null : "uhost")
            .With("Limit", q.Limit ?? "50").With("Offset", q.Offset ?? "0");
        var data = await ucloud.CallAsync(scope, UCloudActions.DescribeFirewall, p, ct);
        return Reply.Ok("查询成功", UCloudKinds.Firewall.Owned(data, owned));
    }
}
