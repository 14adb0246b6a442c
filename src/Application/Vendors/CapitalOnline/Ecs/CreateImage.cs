using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-17 <c>GET /capital/create_image.dspy</c> 创建私有镜像: CDS CreateImage of a live host the caller owns; the
/// image belongs to the host's org (an ownership row <c>image</c> in the host's zone, through the outside-call
/// pattern: a lost answer is settled by the reconciler from DescribeImages). <c>data</c> = <c>{EventId, ImageId}</c>.
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8.
/// </summary>
public sealed record CreateImage : ICommand<Reply<JsonNode>>
{
    /// <summary>Source host.</summary>
    [JsonPropertyName("EcsId")] public string? EcsId { get; init; }
    /// <summary>Image name.</summary>
    [JsonPropertyName("Name")] public string? Name { get; init; }
}

public sealed class CreateImageValidator : AbstractValidator<CreateImage>
{
    public CreateImageValidator()
    {
        RuleFor(x => x.EcsId).Id();
        RuleFor(x => x.Name).Required().MaxChars(CdsRules.NameMax).NoControlChars();
    }
}

public sealed class CreateImageHandler(CdsService cds, CdsEcs ecs) : ICommandHandler<CreateImage, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(CreateImage c, CancellationToken ct)
    {
        var host = await cds.LoadOwnedAsync(CdsResourceTypes.Ecs, c.EcsId, ct);
        if (host.State != OutsideStates.Live) throw BusinessException.Conflict(CdsEcs.NotLiveMessage);
        var key = await ecs.KeyOfAsync(host, ct);
        var row = cds.NewRow(CdsResourceTypes.Image, host.OrgId, key, host.RegionCode, host.ZoneCode,
            c.Name.Trimmed(), host.VendorId);
        var answer = await cds.CreateAsync(row, key, CdsActions.CreateImage,
            new JsonObject { ["EcsId"] = host.VendorId, ["Name"] = c.Name.Trimmed() },
            a => VendorJson.Str(a.Data, "ImageId"), ct, (a, _) => row.CreateTasked(CdsEcs.EventOf(a)));
        return Reply.Ok(answer.Message ?? "创建成功", (JsonNode)CdsReplies.WithTask(answer.Data!));
    }
}
