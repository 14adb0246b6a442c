using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-03 <c>GET /capital/image_info.dspy</c> 获取镜像信息: CDS DescribeImages (<c>/ecs/v1.1</c>) in
/// <c>AvailableZoneCode</c>; public images and the caller's own private images only (another org's private images
/// on the same CDS account are hidden, analysis/vendors.md §3.8 [REC]). <c>data</c> = CDS's <c>Data</c> with
/// <c>ImageList</c> filtered and <c>TotalCount</c> recounted. spec: 28-capital-online-ecs.md.
/// </summary>
public sealed record DescribeImages : IQuery<Reply<JsonNode>>
{
    /// <summary>可用区 (required).</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
}

public sealed class DescribeImagesValidator : AbstractValidator<DescribeImages>
{
    public DescribeImagesValidator() => RuleFor(x => x.AvailableZoneCode).Id();
}

public sealed class DescribeImagesHandler(CdsEcs ecs, CdsService cds) : IQueryHandler<DescribeImages, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(DescribeImages q, CancellationToken ct)
    {
        var reply = await ecs.CatalogAsync(CdsActions.DescribeImages,
            new JsonObject { ["AvailableZoneCode"] = q.AvailableZoneCode.Trimmed() }, ct);
        var owned = await cds.OwnedIdsAsync(CdsResourceTypes.Image, ecs.CallerOrg, ct);
        var data = reply.Data as JsonObject ?? [];
        var kept = VendorJson.Items(data, "ImageList")
            .Where(i => VendorJson.Str(i, "TemplateType") != "private"
                        || (CdsKinds.Image.IdOf(i) is { } id && owned.Contains(id)))
            .Select(i => i?.DeepClone()).ToArray();
        data["ImageList"] = new JsonArray(kept);
        data["TotalCount"] = kept.Length;
        return reply with { Data = data };
    }
}
