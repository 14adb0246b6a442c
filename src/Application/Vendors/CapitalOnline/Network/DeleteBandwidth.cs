using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-19 <c>GET /capital/delete_bandwidth.dspy</c> 删除一个共享带宽: CDS DeleteBandwidth of a shared bandwidth the caller
/// may act on (another org's → 403,
/// unknown → 资源不存在); already being deleted → success without a second call; stops the vendor's billing (no refund
/// of the paid cycle). <c>data</c> = <c>{TaskId}</c>. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6, §5.4.
/// </summary>
public sealed record DeleteBandwidth : ICommand<Reply<JsonObject>>
{
    /// <summary>shared bandwidth id.</summary>
    [JsonPropertyName("BandwidthId")] public string? BandwidthId { get; init; }
}

public sealed class DeleteBandwidthValidator : AbstractValidator<DeleteBandwidth>
{
    public DeleteBandwidthValidator() => RuleFor(x => x.BandwidthId).Id();
}

public sealed class DeleteBandwidthHandler(CdsService cds) : ICommandHandler<DeleteBandwidth, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DeleteBandwidth c, CancellationToken ct) =>
        await cds.DeleteOwnedAsync(CdsResourceTypes.Bandwidth, c.BandwidthId, CdsActions.DeleteBandwidth, "BandwidthId", ct);
}
