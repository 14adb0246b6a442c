using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Network;

/// <summary>
/// CDS-VPC-15 <c>GET /capital/unbind_eip.dspy</c> EIP从子网IP解绑: CDS UnbindEIP of an EIP and a net
/// (<see cref="EipNetBinding"/>). <c>data</c> = <c>{TaskId}</c>. spec: 26-capital-online-vpc.md; analysis/vendors.md §3.6.
/// </summary>
public sealed record UnbindEip : EipNetBinding, ICommand<Reply<JsonObject>>;

public sealed class UnbindEipValidator : EipNetBindingValidator<UnbindEip>;

public sealed class UnbindEipHandler(CdsService cds) : ICommandHandler<UnbindEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(UnbindEip c, CancellationToken ct) =>
        await c.RunAsync(cds, CdsActions.UnbindEip, ct);
}
