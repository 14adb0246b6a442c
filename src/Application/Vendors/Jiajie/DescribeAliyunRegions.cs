using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.Jiajie;

/// <summary>
/// ALI-01 <c>GET /ali/DescribeRegions.dspy</c> 查询可用地域: Alibaba ECS DescribeRegions with the caller's operator's
/// Aliyun key. <c>instance_charge_type</c> PrePaid/PostPaid, <c>resource_type</c>
/// instance/disk/reservedinstance/scu, <c>accept_language</c> zh-CN/en-US/ja (others → invalid_argument); the
/// vendor's errors (e.g. InvalidPayMethod) pass through as upstream_failed with its message. <c>data</c> = the
/// <c>Region</c> array (<c>{RegionId, LocalName, RegionEndpoint, Status}</c>). spec: 14-aliyun.md;
/// analysis/vendors.md §3.2 ALI-01.
/// </summary>
public sealed record DescribeAliyunRegions : IQuery<Reply<JsonArray>>
{
    public string? InstanceChargeType { get; init; }
    public string? ResourceType { get; init; }
    public string? AcceptLanguage { get; init; }
}

public sealed class DescribeAliyunRegionsValidator : AbstractValidator<DescribeAliyunRegions>
{
    public DescribeAliyunRegionsValidator()
    {
        RuleFor(x => x.InstanceChargeType).OneOf(["PrePaid", "PostPaid"]);
        RuleFor(x => x.ResourceType).OneOf(["instance", "disk", "reservedinstance", "scu"]);
        RuleFor(x => x.AcceptLanguage).OneOf(["zh-CN", "en-US", "ja"]);
    }
}

public sealed class DescribeAliyunRegionsHandler(VendorAccounts accounts, ICurrentUser user)
    : IQueryHandler<DescribeAliyunRegions, Reply<JsonArray>>
{
    public async ValueTask<Reply<JsonArray>> Handle(DescribeAliyunRegions q, CancellationToken ct)
    {
        var key = await accounts.KeyForAsync(VendorCodes.Aliyun, JiajieCalls.AliyunSystem, user.OrgId ?? "", ct);
        var data = await accounts.CallAsync(VendorCodes.Aliyun, JiajieCalls.AliyunSystem, key,
            JiajieCalls.DescribeRegions(q.InstanceChargeType.TrimmedOrNull(), q.ResourceType.TrimmedOrNull(),
                q.AcceptLanguage.TrimmedOrNull()), ct);
        var regions = VendorJson.Items(VendorJson.Get(data, "Regions"), "Region").Select(r => r?.DeepClone());
        return Reply.Ok("查询成功", new JsonArray([.. regions]));
    }
}
