using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-04 <c>GET /ucloud/describe_image.dspy</c> 获取镜像: UCloud DescribeImage with the filters passed on.
/// <c>data</c> = <c>{TotalCount, ImageSet}</c>. spec: 30-ucloud-hosts.md; analysis/vendors.md §3.9.
/// </summary>
public sealed record DescribeImage : IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>用户orgid (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>地域 (default: <c>Vendors:UCloud:DefaultRegion</c>, <c>cn-bj2</c>).</summary>
    [JsonPropertyName("region")] public string? Region { get; init; }
    /// <summary><c>Base</c> / <c>Business</c> / <c>Custom</c>.</summary>
    [JsonPropertyName("ImageType")] public string? ImageType { get; init; }
    /// <summary>UCloud FuncType.</summary>
    [JsonPropertyName("FuncType")] public string? FuncType { get; init; }
    /// <summary><c>Linux</c> / <c>Windows</c>.</summary>
    [JsonPropertyName("OsType")] public string? OsType { get; init; }
    /// <summary>Offset (from 0).</summary>
    [JsonPropertyName("Offset")] public string? Offset { get; init; }
    /// <summary>Page size.</summary>
    [JsonPropertyName("Limit")] public string? Limit { get; init; }
    /// <summary>Zone.</summary>
    [JsonPropertyName("Zone")] public string? Zone { get; init; }
}

public sealed class DescribeImageValidator : AbstractValidator<DescribeImage>
{
    public DescribeImageValidator()
    {
        RuleFor(x => x.Region).OptionalRegionCode();
        RuleFor(x => x.ImageType).OneOf(["Base", "Business", "Custom"]);
        RuleFor(x => x.FuncType).OptionalId();
        RuleFor(x => x.OsType).OneOf(["Linux", "Windows"]);
        RuleFor(x => x.Offset).OptionalInt(0, 1_000_000);
        RuleFor(x => x.Limit).OptionalInt(1, 1000);
        RuleFor(x => x.Zone).OptionalRegionCode();
    }
}

public sealed class DescribeImageHandler(UCloudService ucloud) : IQueryHandler<DescribeImage, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DescribeImage q, CancellationToken ct)
    {
        var scope = await ucloud.ScopeAsync(q.Orgid!, ct);
        var p = scope.Params(q.Region, q.Zone).With("ImageType", q.ImageType).With("FuncType", q.FuncType)
            .With("OsType", q.OsType).With("Offset", q.Offset).With("Limit", q.Limit);
        return Reply.Ok("查询成功", await ucloud.CallAsync(scope, UCloudActions.DescribeImage, p, ct));
    }
}
