using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-10 <c>GET /capital/describe_eip.dspy</c> 查询EIP: CDS DescribeEIP in <c>RegionCode</c> (required by CDS),
/// kept to the EIPs <c>orgid</c> owns (default the caller's), through <see cref="CdsQuery"/>. <c>data</c> =
/// <c>{Total, EIPList}</c> as CDS sends the items. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record DescribeEip : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Owner org.</summary>
    public string? Orgid { get; set; }
    /// <summary>Region.</summary>
    [JsonPropertyName("RegionCode")] public string? RegionCode { get; init; }
}

public sealed class DescribeEipValidator : AbstractValidator<DescribeEip>
{
    public DescribeEipValidator() => RuleFor(x => x.RegionCode).Id();
}

public sealed class DescribeEipHandler(CdsService cds) : IQueryHandler<DescribeEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeEip q, CancellationToken ct) =>
        Reply.Ok("查询成功", await cds.DescribeAsync(CdsQuery.Of(CdsKinds.Eip, q.Orgid!, q.RegionCode), ct));
}
