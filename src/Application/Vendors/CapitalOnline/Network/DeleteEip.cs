using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-13 <c>GET /capital/delete_eip.dspy</c> 删除一个EIP: CDS DeleteEIP of an EIP the caller may act on (another org's
/// → 403,
/// unknown → 资源不存在); already being deleted → success without a second call; stops the vendor's billing (no refund
/// of the paid cycle). <c>data</c> = <c>{TaskId}</c>. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6, §5.4.
/// </summary>
public sealed record DeleteEip : ICommand<Reply<JsonObject>>
{
    /// <summary>EIP id.</summary>
    [JsonPropertyName("EIPId")] public string? EipId { get; init; }
}

public sealed class DeleteEipValidator : AbstractValidator<DeleteEip>
{
    public DeleteEipValidator() => RuleFor(x => x.EipId).Id();
}

public sealed class DeleteEipHandler(CdsService cds) : ICommandHandler<DeleteEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DeleteEip c, CancellationToken ct) =>
        await cds.DeleteOwnedAsync(CdsResourceTypes.Eip, c.EipId, CdsActions.DeleteEip, "EIPId", ct);
}
