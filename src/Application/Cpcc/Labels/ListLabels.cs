using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Labels;

/// <summary>
/// L1 <c>GET /dev/cpcc/cpclabel/get_cpclabel.dspy</c>: every label of the org (the caller's, or one it may act on via
/// <c>orgid</c>), ordered by id; node labels (<c>labeltype 1</c>) feed the node-selector drop-down of K6. The legacy
/// message <c>无算力中心id</c> answers a request for which no org can be resolved (§6.4 #31).
/// spec: 39-cpcc-labels.md; analysis/cpcc.md §3.C L1.
/// </summary>
public sealed record ListLabels : IQuery<Reply<Paged<LabelDto>>>, IOrgScoped
{
    /// <inheritdoc />
    public string? Orgid { get; set; }
}

public sealed class ListLabelsValidator : AbstractValidator<ListLabels>
{
    public ListLabelsValidator() => RuleFor(x => x.Orgid).Required("无算力中心id");
}

public sealed class ListLabelsHandler(IKbossDbContext db) : IQueryHandler<ListLabels, Reply<Paged<LabelDto>>>
{
    public async ValueTask<Reply<Paged<LabelDto>>> Handle(ListLabels q, CancellationToken ct)
    {
        var labels = await db.Labels.AsNoTracking().Where(l => l.OrgId == q.Orgid).OrderBy(l => l.Id).ToListAsync(ct);
        var rows = labels.Select((l, i) => LabelDto.From(l, i + 1)).ToList();
        return Reply.Ok("获取资源标签成功", new Paged<LabelDto>(rows.Count, rows));
    }
}
