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
/// CDS-ECS-16 <c>GET /capital/change_ecs_name.dspy</c> 修改云服务器名称: CDS ModifyInstanceName of a live host the
/// caller owns. <c>data</c> = <c>{EcsId, Name}</c>. spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8.
/// </summary>
public sealed record ChangeEcsName : ICommand<Reply<JsonNode>>
{
    /// <summary>Host id.</summary>
    [JsonPropertyName("EcsId")] public string? EcsId { get; init; }
    /// <summary>New name.</summary>
    [JsonPropertyName("Name")] public string? Name { get; init; }
}

public sealed class ChangeEcsNameValidator : AbstractValidator<ChangeEcsName>
{
    public ChangeEcsNameValidator()
    {
        RuleFor(x => x.EcsId).Id();
        RuleFor(x => x.Name).Required().MaxChars(CdsRules.NameMax).NoControlChars();
    }
}

public sealed class ChangeEcsNameHandler(CdsEcs ecs) : ICommandHandler<ChangeEcsName, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(ChangeEcsName c, CancellationToken ct)
    {
        var rows = await ecs.LoadAsync(CdsResourceTypes.Ecs, [c.EcsId.Trimmed()], ct);
        return await ecs.ChangeAsync(rows, "rename", CdsActions.ModifyInstanceName,
            new JsonObject { ["EcsId"] = rows[0].VendorId, ["Name"] = c.Name.Trimmed() }, ct);
    }
}
