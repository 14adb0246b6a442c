using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Vendors;
using Mediator;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>The resources of a Baidu account.</summary>
/// <param name="ResourceCount">How many.</param>
/// <param name="Resources">As Baidu lists them.</param>
public sealed record BaiduResources(int ResourceCount, JsonArray Resources);

/// <summary>
/// BD-07 <c>GET /baiduc/baidu_resource_query.dspy</c> 资源查询: the resources of the Baidu sub-account of
/// <c>userid</c> (default the caller). Documented shape <c>{status, msg}</c>: <c>status</c> true and msg
/// 该账号下有N个资源 / 该账号下没有资源; <c>data</c> (added, backward compatible, §6 #20) =
/// <c>{resource_count, resources}</c>. spec: 18-baidu-cloud.md; analysis/vendors.md §3.3 BD-07.
/// </summary>
public sealed record QueryBaiduResources : IQuery<Reply<BaiduResources>>
{
    /// <summary>kboss user.</summary>
    public string? Userid { get; init; }
}

public sealed class QueryBaiduResourcesValidator : AbstractValidator<QueryBaiduResources>
{
    public QueryBaiduResourcesValidator() => RuleFor(x => x.Userid).MaxChars(64);
}

public sealed class QueryBaiduResourcesHandler(VendorAccounts accounts)
    : IQueryHandler<QueryBaiduResources, Reply<BaiduResources>>
{
    public async ValueTask<Reply<BaiduResources>> Handle(QueryBaiduResources q, CancellationToken ct)
    {
        var (_, data) = await accounts.CallLinkedAsync(VendorCodes.Baidu, BaiduService.System, q.Userid,
            BaiduService.NotLinkedMessage, l => BaiduCalls.ListResources(l.VendorAccountId), ct);
        var resources = new JsonArray([.. VendorJson.Items(data, "resources").Select(r => r?.DeepClone())]);
        return Reply.Ok(resources.Count == 0 ? "该账号下没有资源" : $"该账号下有{resources.Count}个资源",
            new BaiduResources(resources.Count, resources));
    }
}
