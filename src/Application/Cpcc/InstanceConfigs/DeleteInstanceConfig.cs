using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.InstanceConfigs;

/// <summary>Reply data of K9: <c>{"id"}</c>.</summary>
/// <param name="Id">Deleted config id.</param>
public sealed record DeletedInstanceConfig(string Id);

/// <summary>
/// K9 <c>POST /dev/cpcc/cpcpodyaml/delete_cpcpodyaml.dspy</c>: deletes an instance config's controller, service and
/// volume on the cluster (P9 <c>delete</c>). Outside-call pattern (ADR 0015): the row goes <c>deleting</c> (stock still
/// held), the cluster call runs, then the row is soft-deleted and its stock (§4.2) given back; a cluster failure keeps
/// row and stock as they were (<c>upstream_failed</c>). A failed config can be deleted too (nothing to give back).
/// spec: 40-cpcc-clusters.md; analysis/cpcc.md §3.D K9.
/// </summary>
public sealed record DeleteInstanceConfig : ICommand<Reply<DeletedInstanceConfig>>, IOrgScoped
{
    /// <summary>资源实例配置id.</summary>
    public string? Id { get; init; }
    /// <inheritdoc />
    public string? Orgid { get; set; }
}

public sealed class DeleteInstanceConfigValidator : AbstractValidator<DeleteInstanceConfig>
{
    public DeleteInstanceConfigValidator() => RuleFor(x => x.Id).Required();
}

public sealed class DeleteInstanceConfigHandler(IKbossDbContext db, InstanceConfigAccess configs,
    InstanceRemoval removal) : ICommandHandler<DeleteInstanceConfig, Reply<DeletedInstanceConfig>>
{
    public async ValueTask<Reply<DeletedInstanceConfig>> Handle(DeleteInstanceConfig c, CancellationToken ct)
    {
        var config = await db.InstanceConfigs.FirstOrDefaultAsync(i => i.Id == c.Id.Trimmed(), ct)
                     ?? throw BusinessException.NotFound(InstanceConfigAccess.NotFound);
        await configs.EnsureCanManageAsync(config, ct);
        await removal.RunAsync(config, "cpcc.instance_config.deleted", ct);
        return Reply.Ok("级联删除集群资源成功,请10秒后查看实时资源实例面板", new DeletedInstanceConfig(config.Id));
    }
}
