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
/// CDS-ECS-19 <c>GET /capital/sync_image.dspy</c> 同步镜像到目标节点: CDS SyncImage of a private image the caller
/// owns to <c>AvailableZoneCodes</c> (a JSON array or comma-separated; required). <c>TestAccount</c> (a trial-fund
/// subject) is for operators only. <c>data</c> = <c>{EventId}</c>. spec: 28-capital-online-ecs.md;
/// analysis/vendors.md §3.8.
/// </summary>
public sealed record SyncImage : ICommand<Reply<JsonNode>>
{
    /// <summary>Private image id.</summary>
    [JsonPropertyName("ImageId")] public string? ImageId { get; init; }
    /// <summary>Target zones.</summary>
    [JsonPropertyName("AvailableZoneCodes")] public string? AvailableZoneCodes { get; init; }
    /// <summary>Trial-fund subject name (operators).</summary>
    [JsonPropertyName("TestAccount")] public string? TestAccount { get; init; }
}

public sealed class SyncImageValidator : AbstractValidator<SyncImage>
{
    public SyncImageValidator()
    {
        RuleFor(x => x.ImageId).Id();
        RuleFor(x => x.AvailableZoneCodes).IdList();
        RuleFor(x => x.TestAccount).MaxChars(CdsRules.NameMax).NoControlChars();
    }
}

public sealed class SyncImageHandler(CdsEcs ecs) : ICommandHandler<SyncImage, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(SyncImage c, CancellationToken ct)
    {
        var rows = await ecs.LoadAsync(CdsResourceTypes.Image, [c.ImageId.Trimmed()], ct);
        var body = new JsonObject
        {
            ["ImageId"] = rows[0].VendorId, ["AvailableZoneCodes"] = CdsEcs.Ids(c.AvailableZoneCodes),
        };
        if (ecs.TestAccountOrNull(c.TestAccount) is { } subject) body["TestAccount"] = subject;
        return await ecs.ChangeAsync(rows, "sync", CdsActions.SyncImage, body, ct);
    }
}
