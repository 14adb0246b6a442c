using Kboss.Application.Pcapi;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// pcapi—算力中心服务核心API (spec: 36-cpcc-pcapi.md), served by kboss's in-process executor: HTTP Basic with a
/// centre's api_user/api_pwd instead of a kboss login (<see cref="PcapiBasicAuthAttribute"/>), the pcapi envelope
/// <c>{status, info, data}</c>. Implemented: P2, P3, P4, P9.
/// </summary>
[AllowAnonymous]
[PcapiBasicAuth]
[PcapiExceptionFilter]
[Tags("pcapi-算力中心服务核心API")]
public sealed class PcapiController(IMediator mediator) : ControllerBase
{
    /// <summary>集群节点库存检测接口: a bare array of the product ids no node can host.</summary>
    [LegacyGet("/pcapi/api/v1/cluster/common/determine_accommodat")]
    public ValueTask<IReadOnlyList<string>> DetermineAccommodation([FromLegacyParams] PcapiDetermineAccommodation q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>创建k8s集群(master)</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/new_cluster")]
    public ValueTask<PcapiReply> NewCluster([FromLegacyParams] PcapiNewCluster c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>新增工作节点(worker)</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/new_worker")]
    public ValueTask<PcapiReply> NewWorker([FromLegacyParams] PcapiNewWorker c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>通过YAML实例化资源实例</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/yaml_apply_delete")]
    public ValueTask<PcapiReply> YamlApplyDelete([FromLegacyParams] YamlApplyDelete c, CancellationToken ct) => mediator.Send(c, ct);
}
