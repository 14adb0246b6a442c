using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Finance.Bills;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Vendors.CapitalOnline.Tasks;

/// <summary>Counts of one poller pass.</summary>
/// <param name="Done">Tasks seen finished.</param>
/// <param name="Failed">Tasks seen failed (their creates refunded).</param>
/// <param name="Running">Tasks still running or that CDS could not be asked about.</param>
public sealed record CdsTaskCounts(int Done, int Failed, int Running);

/// <summary>
/// The CDS task poller (analysis/vendors.md §5.5; job <c>CdsTaskPoller</c>, <c>Jobs:CdsTaskPoller:Cron</c>, default
/// every 30 s): CDS accepts creates, deletes and changes as tasks (<c>TaskId</c>/<c>EventId</c>); each row with a
/// running task is asked about through its family's <see cref="ICdsTaskProbe"/>. Finished → <c>task_state</c> done. A
/// create that failed on CDS after it was accepted (and charged) → the row is deleted with the reason kept, and its
/// share of the <see cref="VendorCharge"/>'s BUY bill refunded through <see cref="BillService"/> (once: the refund key
/// names the row); a later operation that failed (a power operation, a change) only marks the task failed. One short
/// transaction per row, no transaction across a CDS call; safe to run again.
/// </summary>
public sealed record PollCdsTasks : ICommand<CdsTaskCounts>
{
    /// <summary>Rows one pass looks at, oldest first.</summary>
    public const int BatchSize = 100;
}

public sealed class PollCdsTasksHandler(IKbossDbContext db, IEnumerable<ICdsTaskProbe> probes, VendorKeys keys,
    BillService bills, ICurrentUser user, TimeProvider clock, ILogger<PollCdsTasksHandler> log)
    : ICommandHandler<PollCdsTasks, CdsTaskCounts>
{
    public async ValueTask<CdsTaskCounts> Handle(PollCdsTasks c, CancellationToken ct)
    {
        var rows = await db.CdsResources.IgnoreQueryFilters()
            .Where(r => r.TaskState == CdsTaskStates.Running || r.TaskState == CdsTaskStates.Creating)
            .OrderBy(r => r.UpdateTime).Take(PollCdsTasks.BatchSize).ToListAsync(ct);
        int done = 0, failed = 0, running = 0;
        foreach (var row in rows)
        {
            bool? ended;
            try
            {
                var probe = probes.FirstOrDefault(p => p.Handles(row.ResourceType));
                if (probe is null || row.IsOpen)
                {
                    running++;
                    continue;
                }
                var key = await keys.ForOperatorAsync(VendorCodes.CapitalOnline, CdsService.System,
                    row.OperatorOrgId, ct);
                ended = await probe.EndedAsync(row, key, ct);
            }
            catch (BusinessException e)
            {
                log.LogWarning("CDS task {Task} of {Id}: {Reason}", row.TaskId, row.Id, e.Message);
                running++;
                continue;
            }
            if (ended is null)
            {
                running++;
                continue;
            }
            await FinishAsync(row, ended.Value, ct);
            if (ended.Value) done++;
            else failed++;
        }
        return new CdsTaskCounts(done, failed, running);
    }

    private async Task FinishAsync(CdsResource row, bool ok, CancellationToken ct)
    {
        await using var tx = await db.BeginTransactionAsync(ct);
        var creating = row.TaskState == CdsTaskStates.Creating;
        var task = row.FollowedTaskId;
        row.TaskEnded(ok);
        if (!ok)
        {
            string? refunded = null;
            if (creating && row.State == OutsideStates.Live)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                row.StartDelete(now);
                row.Confirm(now);
                refunded = await RefundShareAsync(row, ct);
            }
            db.AuditEntries.Add(Audit.Entry(user, "cds.task.failed", "cds_resource", row.Id,
                new { task, vendor_id = row.VendorId, create = creating, refunded }));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Refunds <paramref name="row"/>'s share of the charge of the create it came from (the charge's subject is the
    /// order's first row; the other rows of the order name its id as their parent): the charge's amount divided by
    /// its quantity, rounded up to the fen and at most what is left to refund, so that the shares of an order whose
    /// every resource failed add up to its amount. Once per row (the refund's key names it). Null: nothing to refund.
    /// </summary>
    private async Task<string?> RefundShareAsync(CdsResource row, CancellationToken ct)
    {
        var head = row.ParentVendorId is { } parent
            ? await db.CdsResources.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.ResourceType == row.ResourceType && r.OperatorOrgId == row.OperatorOrgId
                            && r.OrgId == row.OrgId && r.VendorId == parent)
                .Select(r => r.Id).FirstOrDefaultAsync(ct) ?? row.Id
            : row.Id;
        var charge = await db.VendorCharges.AsNoTracking().FirstOrDefaultAsync(v => v.Probe == "cds_resource"
            && v.SubjectId == head && v.State == OutsideStates.Live && v.BillId != null, ct);
        if (charge is not { Amount: > 0 }) return null;
        var left = await db.Bills.AsNoTracking().Where(b => b.Id == charge.BillId)
            .Select(b => b.Amount - b.RefundedAmt).FirstOrDefaultAsync(ct);
        var share = Math.Min(Math.Ceiling(charge.Amount * 100m / Math.Max(1, charge.Quantity ?? 1)) / 100m, left);
        if (share <= 0) return null;
        await bills.CreateRefundBillAsync(charge.BillId!, share, $"vendor_charge:{charge.Id}:refund:{row.Id}", ct);
        return charge.BillId;
    }
}
