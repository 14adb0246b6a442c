using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-18 <c>GET /capital/update_bandwidth.dspy</c> 变更共享带宽: CDS UpdateBandwidth of a shared bandwidth the
/// caller may act on; a raise is a paid change (<see cref="CdsQosChange"/>), a cut is free. <c>data</c> =
/// <c>{TaskId}</c> (+ charge fields). spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6, §5.4.
/// </summary>
public sealed record UpdateBandwidth : ICommand<Reply<JsonObject>>, ICdsPaidRequest
{
    /// <summary>Shared bandwidth id.</summary>
    [JsonPropertyName("BandwidthId")] public string? BandwidthId { get; init; }
    /// <summary>New bandwidth, Mbps (1…10000).</summary>
    [JsonPropertyName("Qos")] public string? Qos { get; init; }
    /// <inheritdoc />
    public string? IdempotencyKey { get; init; }
    /// <inheritdoc />
    public string? Amount { get; init; }
}

public sealed class UpdateBandwidthValidator : AbstractValidator<UpdateBandwidth>
{
    public UpdateBandwidthValidator()
    {
        RuleFor(x => x.BandwidthId).Id();
        RuleFor(x => x.Qos).Required().OptionalInt(1, 10_000);
        CdsPaid.Rules(this);
    }
}

public sealed class UpdateBandwidthHandler(CdsService cds, CdsQosChange change)
    : ICommandHandler<UpdateBandwidth, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(UpdateBandwidth c, CancellationToken ct)
    {
        var row = await cds.LoadOwnedAsync(CdsResourceTypes.Bandwidth, c.BandwidthId, ct);
        var qos = int.Parse(c.Qos!);
        return await change.RunAsync(row, CdsActions.UpdateBandwidth,
            new JsonObject { ["BandwidthId"] = row.VendorId, ["Qos"] = qos }, qos, c, ct);
    }
}
