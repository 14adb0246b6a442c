using Kboss.Application.Pcapi;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// pcapi—算力中心服务核心API (spec: 36-cpcc-pcapi.md), provisioning part: P3 and P4, run by kboss's in-process executor.
/// HTTP Basic with a centre's api_user/api_pwd instead of a kboss login; answers the pcapi envelope <c>{status, info, data}</c>.
/// </summary>
[AllowAnonymous]
[PcapiBasicAuth]
[Tags("pcapi-算力中心服务核心API")]
public sealed class PcapiController(IMediator mediator) : ControllerBase
{
    /// <summary>创建k8s集群(master)</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/new_cluster")]
    public ValueTask<PcapiReply> NewCluster([FromLegacyParams] PcapiNewCluster c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>新增工作节点(worker)</summary>
    [LegacyPost("/pcapi/api/v1/cluster/common/new_worker")]
    public ValueTask<PcapiReply> NewWorker([FromLegacyParams] PcapiNewWorker c, CancellationToken ct) => mediator.Send(c, ct);
}
