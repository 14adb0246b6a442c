using Kboss.Application.Pcapi;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 算力中心服务核心API (spec: 36-cpcc-pcapi.md): HTTP Basic with a centre's API account, the pcapi envelope
/// <c>{status, info, data}</c>. Implemented: P2 (node capacity check) and P9 (apply/delete an instance).
/// </summary>
[Tags("算力中心服务核心API")]
[AllowAnonymous]
[PcapiBasicAuth]
[PcapiExceptionFilter]
public sealed class PcapiController(IMediator mediator) : Microsoft.AspNetCore.Mvc.ControllerBase
{
    /// <summary>集群节点库存检测接口: a bare array of the product ids no node can host.</summary>
    [LegacyGet("/pcapi/api/v1/cluster/common/determine_accommodat")]
    public ValueTask<IReadOnlyList<string>> DetermineAccommodation([FromLegacyParams] PcapiDetermineAccommodation q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>通过YAML实例化资源实例</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/yaml_apply_delete")]
    public ValueTask<PcapiReply> YamlApplyDelete([FromLegacyParams] YamlApplyDelete c, CancellationToken ct) => mediator.Send(c, ct);
}
