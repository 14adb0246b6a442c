using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-25 <c>GET /capital/ip_usage.dspy</c> 查询子网IP使用信息: CDS DescribeSubnetIp of a subnet the caller may
/// act on. <c>data</c> = CDS's <c>{UsedList, UsedNum, UnusedList, UnusedNum}</c>. spec: 26-capital-online-vpc.md.
/// </summary>
public sealed record IpUsage : IQuery<Reply<JsonObject>>
{
    /// <summary>Subnet id.</summary>
    [JsonPropertyName("NetId")] public string? NetId { get; init; }
}

public sealed class IpUsageValidator : AbstractValidator<IpUsage>
{
    public IpUsageValidator() => RuleFor(x => x.NetId).Id();
}

public sealed class IpUsageHandler(CdsService cds) : IQueryHandler<IpUsage, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(IpUsage q, CancellationToken ct)
    {
        var subnet = await cds.LoadOwnedAsync(CdsResourceTypes.Subnet, q.NetId, ct);
        return await cds.ReadOwnedAsync(subnet, CdsActions.DescribeSubnetIp,
            new JsonObject { ["SubnetId"] = subnet.VendorId }, ct);
    }
}
