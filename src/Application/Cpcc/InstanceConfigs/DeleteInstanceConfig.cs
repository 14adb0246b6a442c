using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
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
/// K9 <c>POST /dev/cpcc/cpcpodyaml/delete_cpcpodyaml.dspy</c>: soft-deletes an instance config, releases its
/// stock (§4.2) and deletes its controller, service and volume on the cluster (P9 <c>delete</c>) in one transaction; a
/// cluster failure keeps the row and the stock (<c>upstream_failed</c>).
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

public sealed class DeleteInstanceConfigHandler(IKbossDbContext db, OrgAccess access, ICurrentUser user,
    InstanceDeployer deployer, Widgets.WidgetCatalog catalog)
    : ICommandHandler<DeleteInstanceConfig, Reply<DeletedInstanceConfig>>
{
    public async ValueTask<Reply<DeletedInstanceConfig>> Handle(DeleteInstanceConfig c, CancellationToken ct)
    {
        var config = await db.InstanceConfigs.FirstOrDefaultAsync(i => i.Id == c.Id!.Trim(), ct)
                     ?? throw BusinessException.NotFound(InstanceConfigAccess.NotFound);
        await InstanceConfigAccess.EnsureCanManageAsync(db, access, config, ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        await InstanceStock.ReleaseAsync(db, config.Cpcid, config.ClusterId, InstanceStock.Needs(config), ct);
        config.DelFlg = DelFlag.Deleted;
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.instance_config.deleted", "instance_config", config.Id,
            new { config.Cpcid, clusterid = config.ClusterId, orgid = config.OrgId, config.SourceName, config.PodcdName }));
        await db.SaveChangesAsync(ct);
        await deployer.DeleteAsync(config, ct);
        await tx.CommitAsync(ct);
        catalog.Invalidate(config.Cpcid);
        return Reply.Ok("级联删除集群资源成功,请10秒后查看实时资源实例面板", new DeletedInstanceConfig(config.Id));
    }
}
