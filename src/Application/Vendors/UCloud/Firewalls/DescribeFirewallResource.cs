using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Firewalls;

/// <summary>
/// UC-FW-07 <c>GET /ucloud/describe_firewall_resource.dspy</c> 获取防火墙绑定资源: UCloud DescribeFirewallResource of a
/// firewall the caller owns. <c>data</c> = <c>{ResourceSet, TotalCount}</c>. spec: 31-ucloud-firewall.md; §3.10.
/// </summary>
public sealed record DescribeFirewallResource : FirewallRequest, IQuery<Reply<JsonObject>>
{
    /// <summary>Page size (default 50).</summary>
    public string? Limit { get; init; }
    /// <summary>Offset (default 0).</summary>
    public string? Offset { get; init; }
}

public sealed class DescribeFirewallResourceValidator : FirewallRequestValidator<DescribeFirewallResource>
{
    public DescribeFirewallResourceValidator()
    {
        RuleFor(x => x.Limit).OptionalInt(1, 10_000_000);
        RuleFor(x => x.Offset).OptionalInt(0, 10_000_000);
    }
}

public sealed class DescribeFirewallResourceHandler(UCloudService ucloud)
    : IQueryHandler<DescribeFirewallResource, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeFirewallResource q, CancellationToken ct)
    {
        var row = await ucloud.LoadOwnedAsync(UCloudResourceTypes.Firewall, q.FwId, ct);
        var scope = await ucloud.ScopeOfAsync(row, ct);
        var p = new UCloudParams().With("Region", row.RegionCode).With("ProjectId", row.ProjectId)
            .With("FWId", row.VendorId).With("Limit", q.Limit ?? "50").With("Offset", q.Offset ?? "0");
        return Reply.Ok("查询成功", await ucloud.CallAsync(scope, UCloudActions.DescribeFirewallResource, p, ct));
    }
}
