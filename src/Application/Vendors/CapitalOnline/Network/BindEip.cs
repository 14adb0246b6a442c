using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-14 <c>GET /capital/bind_eip.dspy</c> 绑定EIP到子网IP: CDS BindEIP of an EIP and a net
/// (<see cref="EipNetBinding"/>). <c>data</c> = <c>{TaskId}</c>. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record BindEip : EipNetBinding, ICommand<Reply<JsonObject>>;

public sealed class BindEipValidator : EipNetBindingValidator<BindEip>;

public sealed class BindEipHandler(CdsService cds) : ICommandHandler<BindEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(BindEip c, CancellationToken ct) =>
        await c.RunAsync(cds, CdsActions.BindEip, ct);
}
