using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Eips;

/// <summary>
/// UC-EIP-05 <c>GET /ucloud/release_eip.dspy</c> 删除释放EIP: UCloud ReleaseEIP of an EIP the caller owns (403 /
/// 资源不存在 otherwise); already being released → success without a second call. Stops billing; nothing is refunded
/// (analysis/vendors.md §5.4). spec: 32-ucloud-eip.md; §3.11.
/// </summary>
public sealed record ReleaseEip : EipRequest, ICommand<Reply<JsonObject>>;

public sealed class ReleaseEipValidator : EipRequestValidator<ReleaseEip>;

public sealed class ReleaseEipHandler(UCloudService ucloud) : ICommandHandler<ReleaseEip, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(ReleaseEip c, CancellationToken ct)
    {
        var row = await ucloud.LoadOwnedAsync(UCloudResourceTypes.Eip, c.EipId, ct);
        var answer = await ucloud.DeleteAsync(row, UCloudActions.ReleaseEip, new UCloudParams()
            .With("Region", row.RegionCode).With("ProjectId", row.ProjectId).With("EIPId", row.VendorId), ct);
        return answer is null
            ? Reply.Ok("释放任务已在处理中", new JsonObject { ["EIPId"] = row.VendorId })
            : Reply.Ok("释放成功", answer.Data!);
    }
}
