using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Eips;

/// <summary>
/// UC-EIP-02 <c>GET /ucloud/bind_eip.dspy</c> 绑定EIP: UCloud BindEIP of an EIP to a host, both the caller's (403 /
/// 资源不存在 otherwise). spec: 32-ucloud-eip.md; analysis/vendors.md §3.11.
/// </summary>
public sealed record UCloudBindEip : EipBinding, ICommand<Reply<JsonObject>>;

public sealed class UCloudBindEipValidator : EipBindingValidator<UCloudBindEip>;

public sealed class UCloudBindEipHandler(UCloudService ucloud) : ICommandHandler<UCloudBindEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(UCloudBindEip c, CancellationToken ct) =>
        await c.RunAsync(ucloud, UCloudActions.BindEip, ct);
}
