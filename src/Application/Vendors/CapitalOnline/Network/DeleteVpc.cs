using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-03 <c>GET /capital/delete_vpc.dspy</c> 删除一个VPC: CDS DeleteVPC of a VPC the caller may act on (another
/// org's: 403; unknown: 资源不存在). A VPC already being deleted answers success without a second call.
/// <c>data</c> = <c>{TaskId}</c>. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record DeleteVpc : ICommand<Reply<JsonObject>>
{
    /// <summary>VPC的id.</summary>
    [JsonPropertyName("VPCId")] public string? VpcId { get; init; }
}

public sealed class DeleteVpcValidator : AbstractValidator<DeleteVpc>
{
    public DeleteVpcValidator() => RuleFor(x => x.VpcId).Id();
}

public sealed class DeleteVpcHandler(CdsService cds) : ICommandHandler<DeleteVpc, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DeleteVpc c, CancellationToken ct) =>
        await cds.DeleteOwnedAsync(CdsResourceTypes.Vpc, c.VpcId, CdsActions.DeleteVpc, "VPCId", ct);
}
