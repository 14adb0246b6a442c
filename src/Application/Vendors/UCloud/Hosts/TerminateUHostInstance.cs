using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kboss.Application.Common.Models;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-13 <c>GET /ucloud/terminate_uhost_instance.dspy</c> 删除主机: UCloud TerminateUHostInstance of a host the
/// caller owns (403 / 资源不存在 otherwise); already being deleted → success without a second call. With
/// <c>ReleaseEIP=true</c> the caller's EIPs UCloud released with it stop being listed once the reconciler finds them
/// gone. Stops billing; nothing is refunded (analysis/vendors.md §5.4: refund policy undefined). <c>data</c> =
/// <c>{UHostId, InRecycle}</c>. spec: 30-ucloud-hosts.md; §3.9.
/// </summary>
public sealed record TerminateUHostInstance : HostRequest, ICommand<Reply<JsonObject>>
{
    /// <summary>删除主机时是否释放绑定的EIP。默认为false。</summary>
    [JsonPropertyName("ReleaseEIP")] public string? ReleaseEip { get; init; }
    /// <summary>删除主机时是否同时删除挂载的数据盘。默认为false。</summary>
    [JsonPropertyName("ReleaseUDisk")] public string? ReleaseUDisk { get; init; }
}

public sealed class TerminateUHostInstanceValidator : HostRequestValidator<TerminateUHostInstance>
{
    public TerminateUHostInstanceValidator()
    {
        RuleFor(x => x.ReleaseEip).OptionalBool();
        RuleFor(x => x.ReleaseUDisk).OptionalBool();
    }
}

public sealed class TerminateUHostInstanceHandler(UCloudService ucloud)
    : ICommandHandler<TerminateUHostInstance, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(TerminateUHostInstance c, CancellationToken ct)
    {
        var row = await ucloud.LoadOwnedAsync(UCloudResourceTypes.Host, c.UHostId, ct);
        var p = new UCloudParams().With("Region", row.RegionCode).With("Zone", row.ZoneCode)
            .With("ProjectId", row.ProjectId).With("UHostId", row.VendorId)
            .With("ReleaseEIP", UCloudRules.Bool(c.ReleaseEip)).With("ReleaseUDisk", UCloudRules.Bool(c.ReleaseUDisk));
        var answer = await ucloud.DeleteAsync(row, UCloudActions.TerminateUHostInstance, p, ct);
        return answer is null
            ? Reply.Ok("删除任务已在处理中", new JsonObject { ["UHostId"] = row.VendorId })
            : Reply.Ok("删除成功", answer.Data!);
    }
}
