using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.Purchase;
using Mediator;

namespace Kboss.Application.Pcapi;

/// <summary>
/// P2 <c>GET /pcapi/api/v1/cluster/common/determine_accommodat</c> (HTTP Basic): the ids of the products that fit no
/// candidate node of the cluster reached with <c>kubeconfig</c>, as a bare JSON array (dynamic stage of
/// analysis/cpcc.md §4.4; labels embedded in <c>resources</c> as <c>{"labels", "products"}</c>).
/// spec: 36-cpcc-pcapi.md; analysis/cpcc.md §3.H P2.
/// </summary>
public sealed record PcapiDetermineAccommodation : IQuery<IReadOnlyList<string>>
{
    /// <summary>集群上下文信息 (kubeconfig text).</summary>
    public string? Kubeconfig { get; init; }
    /// <summary>平台请求资源详情 (JSON).</summary>
    public string? Resources { get; init; }
}

public sealed class PcapiDetermineAccommodationValidator : AbstractValidator<PcapiDetermineAccommodation>
{
    public PcapiDetermineAccommodationValidator()
    {
        RuleFor(x => x.Kubeconfig).Required().MaxChars(200_000);
        RuleFor(x => x.Resources).Required().Must(r => string.IsNullOrWhiteSpace(r) || AccommodationPolicy.Parse(r) is not null)
            .WithMessage(AccommodationPolicy.BadResources);
    }
}

public sealed class PcapiDetermineAccommodationHandler(IKubernetesGateway gateway) : IQueryHandler<PcapiDetermineAccommodation, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(PcapiDetermineAccommodation q, CancellationToken ct)
    {
        var (products, labels) = AccommodationPolicy.Parse(q.Resources)!.Value;
        try
        {
            var nodes = await gateway.ListNodesAsync(q.Kubeconfig!, ct);
            var pods = await gateway.ListPodsAsync(q.Kubeconfig!, ct);
            return AccommodationPolicy.Dynamic(products, nodes, pods, labels);
        }
        catch (KubeGatewayException e)
        {
            throw new BusinessException(e.Message, e.Code);
        }
    }
}
