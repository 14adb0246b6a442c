using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-06 <c>GET /capital/delete_subnet.dspy</c> 删除一个子网: CDS DeleteSubnet of a subnet the caller may act on
/// (403 / 资源不存在 otherwise); already being deleted → success without a second call. <c>data</c> =
/// <c>{TaskId}</c>. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record DeleteSubnet : ICommand<Reply<JsonObject>>
{
    /// <summary>Subnet id.</summary>
    [JsonPropertyName("SubnetId")] public string? SubnetId { get; init; }
}

public sealed class DeleteSubnetValidator : AbstractValidator<DeleteSubnet>
{
    public DeleteSubnetValidator() => RuleFor(x => x.SubnetId).Id();
}

public sealed class DeleteSubnetHandler(CdsService cds) : ICommandHandler<DeleteSubnet, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(DeleteSubnet c, CancellationToken ct) =>
        await cds.DeleteOwnedAsync(CdsResourceTypes.Subnet, c.SubnetId, CdsActions.DeleteSubnet, "SubnetId", ct);
}
