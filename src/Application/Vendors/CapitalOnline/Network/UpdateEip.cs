using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-12 <c>GET /capital/update_eip.dspy</c> 变更EIP: CDS UpdateEIP of an EIP the caller may act on (403 /
/// 资源不存在); a <c>Qos</c> raise is a paid change (<see cref="CdsQosChange"/>), a description or a cut is free.
/// <c>data</c> = <c>{TaskId}</c> (+ <c>order_id</c>, <c>billid</c>, <c>amount</c> when charged).
/// spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6, §5.4.
/// </summary>
public sealed record UpdateEip : ICommand<Reply<JsonObject>>, ICdsPaidRequest
{
    /// <summary>EIP id.</summary>
    [JsonPropertyName("EIPId")] public string? EipId { get; init; }
    /// <summary>New description.</summary>
    [JsonPropertyName("Description")] public string? Description { get; init; }
    /// <summary>New bandwidth, Mbps (1…10000).</summary>
    [JsonPropertyName("Qos")] public string? Qos { get; init; }
    /// <inheritdoc />
    public string? IdempotencyKey { get; init; }
    /// <inheritdoc />
    public string? Amount { get; init; }
}

public sealed class UpdateEipValidator : AbstractValidator<UpdateEip>
{
    public UpdateEipValidator()
    {
        RuleFor(x => x.EipId).Id();
        RuleFor(x => x.Description).MaxChars(CdsRules.NameMax).NoControlChars();
        RuleFor(x => x.Qos).OptionalInt(1, 10_000);
        RuleFor(x => x).Must(x => x.Description.TrimmedOrNull() is not null || x.Qos.TrimmedOrNull() is not null)
            .WithName("Qos").WithMessage("Description和Qos至少填写一个");
        CdsPaid.Rules(this);
    }
}

public sealed class UpdateEipHandler(CdsService cds, CdsQosChange change)
    : ICommandHandler<UpdateEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(UpdateEip c, CancellationToken ct)
    {
        var row = await cds.LoadOwnedAsync(CdsResourceTypes.Eip, c.EipId, ct);
        var body = new JsonObject { ["EIPId"] = row.VendorId };
        if (c.Description.TrimmedOrNull() is { } description) body["Description"] = description;
        int? qos = int.TryParse(c.Qos, out var q) ? q : null;
        if (qos is not null) body["Qos"] = qos;
        return await change.RunAsync(row, CdsActions.UpdateEip, body, qos, c, ct);
    }
}
