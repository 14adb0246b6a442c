using System.Text.Json.Nodes;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// CDS-ECS-11 <c>GET /capital/describe_account_subject.dspy</c> 获取客户测试账户: CDS DescribeAccountSubject — the
/// operator's trial-fund subjects and their balances, so operators only (analysis/vendors.md §6 #33; the controller's
/// policy). <c>data</c> = <c>[{Name, Balance, Income, Duration, BeginTime, EndTime}]</c>.
/// spec: 28-capital-online-ecs.md; analysis/vendors.md §3.8.
/// </summary>
public sealed record DescribeAccountSubject : IQuery<Reply<JsonNode>>;

public sealed class DescribeAccountSubjectHandler(CdsEcs ecs) : IQueryHandler<DescribeAccountSubject, Reply<JsonNode>>
{
    public async ValueTask<Reply<JsonNode>> Handle(DescribeAccountSubject q, CancellationToken ct) =>
        await ecs.CatalogAsync(CdsActions.DescribeAccountSubject, [], ct);
}
