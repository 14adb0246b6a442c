using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Eips;

/// <summary>
/// UC-EIP-04 <c>GET /ucloud/un_bind_eip.dspy</c> 解绑EIP: UCloud UnBindEIP of an EIP from a host, both the caller's
/// (403 / 资源不存在 otherwise). spec: 32-ucloud-eip.md; analysis/vendors.md §3.11.
/// </summary>
public sealed record UnBindEip : EipBinding, ICommand<Reply<JsonObject>>;

public sealed class UnBindEipValidator : EipBindingValidator<UnBindEip>;

public sealed class UnBindEipHandler(UCloudService ucloud) : ICommandHandler<UnBindEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(UnBindEip c, CancellationToken ct) =>
        await c.RunAsync(ucloud, UCloudActions.UnBindEip, ct);
}
