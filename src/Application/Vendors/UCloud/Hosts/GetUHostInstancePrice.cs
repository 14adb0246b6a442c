using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// UC-H-07 <c>GET /ucloud/get_uhost_instance_price.dspy</c> 获取主机和硬盘价格: UCloud GetUHostInstancePrice, every
/// price as the customer's (<see cref="UCloudPricing"/>). <c>data</c> = <c>{PriceSet:[…]}</c>.
/// spec: 30-ucloud-hosts.md; analysis/vendors.md §3.9.
/// </summary>
public sealed record GetUHostInstancePrice : HostOrder, IQuery<Reply<JsonObject>>, IOrgScoped
{
    /// <summary>Customer whose price applies (default: the caller's org).</summary>
    [JsonPropertyName("user_orgid")] public string? Orgid { get; set; }
    /// <summary>购买台数,范围[1,5].</summary>
    [JsonPropertyName("Count")] public string? Count { get; init; }
    /// <summary>Dedicated-set host flag.</summary>
    [JsonPropertyName("UDSetUHostInstance")] public string? UdSetUHostInstance { get; init; }
    /// <summary>Show UCloud's price details.</summary>
    [JsonPropertyName("ShowPriceDetails")] public string? ShowPriceDetails { get; init; }
}

public sealed class GetUHostInstancePriceValidator : AbstractValidator<GetUHostInstancePrice>
{
    public GetUHostInstancePriceValidator()
    {
        HostOrderRules.Apply(this);
        RuleFor(x => x.Count).OptionalInt(1, 5);
        RuleFor(x => x.UdSetUHostInstance).OptionalBool();
        RuleFor(x => x.ShowPriceDetails).OptionalBool();
    }
}

public sealed class GetUHostInstancePriceHandler(UCloudService ucloud, UCloudPricing pricing)
    : IQueryHandler<GetUHostInstancePrice, Reply<JsonObject>>
{
    public async ValueTask<Reply<JsonObject>> Handle(GetUHostInstancePrice q, CancellationToken ct)
    {
        var scope = await ucloud.ScopeAsync(q.Orgid!, ct);
        var p = q.OrderParams(scope).With("Count", q.Count ?? "1")
            .With("UDSetUHostInstance", UCloudRules.Bool(q.UdSetUHostInstance));
        var data = await ucloud.CallAsync(scope, UCloudActions.GetUHostInstancePrice, p, ct);
        return Reply.Ok("查询成功", await pricing.RepriceAsync(q.Orgid!, data, ct));
    }
}
