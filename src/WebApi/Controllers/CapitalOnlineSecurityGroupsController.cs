using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Kboss.Application.Vendors.CapitalOnline.SecurityGroups;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 首都云/网络安全组 (spec: 27; analysis/vendors.md §3.7; ADR 0042): any logged-in user on the security groups and
/// hosts of the orgs it may act on; CDS is called with the operating org's key (<c>not_configured</c> without one).
/// </summary>
[Tags("首都云")]
[Authorize]
public sealed class CapitalOnlineSecurityGroupsController(IMediator mediator) : ControllerBase
{
    /// <summary>查看安全组</summary>
    [LegacyGet("/capital/ecs_describe_security_groups.dspy")]
    public ValueTask<Reply<JsonObject>> Describe([FromLegacyParams] DescribeSecurityGroups q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>创建安全组</summary>
    [LegacyGet("/capital/ecs_create_security_group.dspy")]
    public ValueTask<Reply<JsonObject>> Create([FromLegacyParams] CreateSecurityGroup c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>修改安全组属性</summary>
    [LegacyGet("/capital/ecs_modify_security_group_attribute.dspy")]
    public ValueTask<Reply<JsonObject>> Modify([FromLegacyParams] ModifySecurityGroupAttribute c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>安全组删除</summary>
    [LegacyGet("/capital/ecs_delete_security_group.dspy")]
    public ValueTask<Reply<JsonObject>> Delete([FromLegacyParams] DeleteSecurityGroup c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>安全组添加规则</summary>
    [LegacyGet("/capital/ecs_create_security_group_policies.dspy")]
    public ValueTask<Reply<JsonObject>> CreatePolicies([FromLegacyParams] CreateSecurityGroupPolicies c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>查询安全组规则</summary>
    [LegacyGet("/capital/ecs_describe_security_group_policies.dspy")]
    public ValueTask<Reply<JsonObject>> DescribePolicies([FromLegacyParams] DescribeSecurityGroupPolicies q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>安全组规则删除 (an empty <c>PolicyIds</c> only with <c>DeleteAll=true</c>)</summary>
    [LegacyGet("/capital/ecs_delete_security_group_policies.dspy")]
    public ValueTask<Reply<JsonObject>> DeletePolicies([FromLegacyParams] DeleteSecurityGroupPolicies c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>安全组修改规则</summary>
    [LegacyGet("/capital/ecs_modify_security_group_policies.dspy")]
    public ValueTask<Reply<JsonObject>> ModifyPolicies([FromLegacyParams] ModifySecurityGroupPolicies c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>安全组绑定实例</summary>
    [LegacyGet("/capital/ecs_associate_security_groups.dspy")]
    public ValueTask<Reply<JsonObject>> Associate([FromLegacyParams] AssociateSecurityGroups c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>安全组解绑实例</summary>
    [LegacyGet("/capital/ecs_disassociate_security_groups.dspy")]
    public ValueTask<Reply<JsonObject>> Disassociate([FromLegacyParams] DisassociateSecurityGroups c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>修改/重置实例下安全组和优先级</summary>
    [LegacyGet("/capital/ecs_modify_security_groups_priority.dspy")]
    public ValueTask<Reply<JsonObject>> ModifyPriority([FromLegacyParams] ModifySecurityGroupsPriority c,
        CancellationToken ct) => mediator.Send(c, ct);

    /// <summary>查询安全组关联实例统计</summary>
    [LegacyGet("/capital/ecs_describe_security_group_association_statistics.dspy")]
    public ValueTask<Reply<JsonObject>> Statistics([FromLegacyParams] DescribeSecurityGroupAssociationStatistics q,
        CancellationToken ct) => mediator.Send(q, ct);

    /// <summary>获取协议端口授权对象</summary>
    [LegacyGet("/capital/u_get_protoclol_port.dspy")]
    public ValueTask<Reply<JsonObject>> ProtocolPorts(CancellationToken ct) =>
        mediator.Send(new GetProtocolPortOptions(), ct);
}
