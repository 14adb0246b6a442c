using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Provisioning;

/// <summary>A long operation as clients poll it.</summary>
/// <param name="Id">Operation id.</param>
/// <param name="Kind">create_cluster / add_worker / remove_worker / delete_cluster.</param>
/// <param name="Status">running / succeeded / failed.</param>
/// <param name="Progress">0–100.</param>
/// <param name="Msg">Outcome message ("" while running).</param>
/// <param name="Cpcid">Centre id.</param>
/// <param name="Clusterid">Cluster id.</param>
/// <param name="DeviceId">Device id.</param>
/// <param name="Log">Captured output (no secrets).</param>
/// <param name="StartedAt">Start time.</param>
/// <param name="FinishedAt">End time, null while running.</param>
public sealed record OperationView(string Id, string Kind, string Status, int Progress, string Msg, string Cpcid, string Clusterid,
    string DeviceId, string Log, DateTime StartedAt, DateTime? FinishedAt)
{
    /// <summary>Maps an operation.</summary>
    public static OperationView From(ProvisioningOperation o) => new(o.Id, o.Kind, o.Status, o.Progress, o.Message, o.Cpcid,
        o.ClusterId, o.DeviceId, o.Log, o.StartedAt, o.FinishedAt);
}

/// <summary>
/// <c>GET /dev/cpcc/cpccluster/get_cluster_operation.dspy?id=</c> (kboss addition, ADR 0010): the state, progress and
/// captured log of a cluster install, worker join or removal started by K10/N1/N2/K11. Operators of the centre's org.
/// </summary>
public sealed record GetClusterOperation : IQuery<Reply<OperationView>>
{
    /// <summary>operation_id returned by the long operation.</summary>
    public string? Id { get; init; }
}

public sealed class GetClusterOperationValidator : AbstractValidator<GetClusterOperation>
{
    public GetClusterOperationValidator() => RuleFor(x => x.Id).Required();
}

public sealed class GetClusterOperationHandler(IKbossDbContext db, CenterGuard guard) : IQueryHandler<GetClusterOperation, Reply<OperationView>>
{
    /// <summary>Message when the id is unknown.</summary>
    public const string NotFound = "操作不存在";

    public async ValueTask<Reply<OperationView>> Handle(GetClusterOperation q, CancellationToken ct)
    {
        var op = await db.ProvisioningOperations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == q.Id!.Trim(), ct)
                 ?? throw BusinessException.NotFound(NotFound);
        await guard.LoadManageableAsync(op.Cpcid, track: false, ct);
        return Reply.Ok("获取操作状态成功", OperationView.From(op));
    }
}
