using Kboss.Application.Common.Models;
using Kboss.Application.Users.Qualification;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 用户/政企资质审核 (spec: 05-user-enterprise-audit.md; analysis/catalog.md §3.3, §4.3). Any logged-in user; rights per
/// record (customers their own, operators the orgs they manage).
/// </summary>
[Tags("用户/政企资质审核")]
public sealed class QualificationController(IMediator mediator) : ControllerBase
{
    /// <summary>资质添加</summary>
    [LegacyGet("/user/enterprise_audit_info_add.dspy")]
    public ValueTask<Reply<QualificationStateDto>> Add([FromLegacyParams] AddEnterpriseAuditInfo c, CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>资质查询</summary>
    [LegacyGet("/user/enterprise_audit_info_search.dspy")]
    public ValueTask<Reply<PageResult<QualificationView>>> Search([FromLegacyParams] SearchEnterpriseAuditInfos q, CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>资质更新</summary>
    [LegacyGet("/user/enterprise_audit_info_update.dspy")]
    public ValueTask<Reply<QualificationStateDto>> Update([FromLegacyParams] UpdateEnterpriseAuditInfo c, CancellationToken ct) => mediator.Send(c, ct);
}
