using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-18 <c>GET /capital/delete_image.dspy</c> 删除节点镜像: CDS DeleteImage of private images the caller owns in
/// ONE zone. CDS deletes the image on every node when <c>AvailableZoneCode</c> is absent ("不填时默认删除所有节点镜像");
/// kboss refuses that default (analysis/vendors.md §6 #30): the zone is required. The image rows stay (other zones
/// may still hold copies; <c>image_info</c> shows what CDS has). <c>data</c> = <c>{EventId}</c>.
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8.
/// </summary>
public sealed record DeleteImage : ICommand<Reply<JsonNode>>
{
    /// <summary>Image ids (JSON array or comma-separated).</summary>
    [JsonPropertyName("ImageIds")] public string? ImageIds { get; init; }
    /// <summary>The zone whose copies are deleted (required by kboss).</summary>
    [JsonPropertyName("AvailableZoneCode")] public string? AvailableZoneCode { get; init; }
}

public sealed class DeleteImageValidator : AbstractValidator<DeleteImage>
{
    /// <summary>No zone: CDS would delete the image everywhere.</summary>
    public const string ZoneRequiredMessage = "请指定AvailableZoneCode:不指定时首都云会删除所有节点上的该镜像";

    public DeleteImageValidator()
    {
        RuleFor(x => x.ImageIds).IdList();
        RuleFor(x => x.AvailableZoneCode).Required(ZoneRequiredMessage).MaxChars(CdsRules.IdMax);
    }
}

public sealed class DeleteImageHandler(CdsEcs ecs) : ICommandHandler<DeleteImage, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(DeleteImage c, CancellationToken ct)
    {
        var ids = CdsEcs.Ids(c.ImageIds);
        var rows = await ecs.LoadAsync(CdsResourceTypes.Image, ids.Select(i => i!.ToString()), ct);
        return await ecs.ChangeAsync(rows, "delete_zone", CdsActions.DeleteImage,
            new JsonObject { ["ImageIds"] = ids, ["AvailableZoneCode"] = c.AvailableZoneCode.Trimmed() }, ct);
    }
}
