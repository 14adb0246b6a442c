using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>
/// The UCloud polling job (analysis/vendors.md §5.5; Quartz <c>UCloudHostPoll</c>): every live host whose UCloud
/// state is transitional (<see cref="UCloudResource.Transitional"/>: Initializing, Starting, Stopping, …) is read
/// with DescribeUHostInstance — one call per operator key, region and project, 100 ids at most — and its state
/// recorded. No transaction is held across the call. Answers the rows whose state changed.
/// </summary>
public sealed record PollUCloudHosts : ICommand<int>;

public sealed class PollUCloudHostsHandler(IKbossDbContext db, IUCloudClient client, VendorKeys keys,
    TimeProvider clock, ILogger<PollUCloudHostsHandler> log) : ICommandHandler<PollUCloudHosts, int>
{
    /// <summary>Ids per describe call.</summary>
    public const int Batch = 100;

    public async ValueTask<int> Handle(PollUCloudHosts c, CancellationToken ct)
    {
        var transitional = UCloudResource.Transitional.ToList();
        var rows = await db.UCloudResources
            .Where(r => r.ResourceType == UCloudResourceTypes.Host && r.State == OutsideStates.Live
                        && r.VendorId != null && transitional.Contains(r.VendorState))
            .OrderBy(r => r.VendorStateAt).Take(Batch * 10).ToListAsync(ct);
        var changed = 0;
        foreach (var group in rows.GroupBy(r => (r.OperatorOrgId, r.RegionCode, r.ProjectId)))
        foreach (var chunk in group.Chunk(Batch))
            changed += await PollAsync(group.Key.OperatorOrgId, group.Key.RegionCode, group.Key.ProjectId, chunk, ct);
        await db.SaveChangesAsync(ct);
        return changed;
    }

    private async Task<int> PollAsync(string operatorOrg, string region, string project, UCloudResource[] rows,
        CancellationToken ct)
    {
        VendorKey key;
        try
        {
            key = await keys.ForOperatorAsync(VendorCodes.UCloud, UCloudService.System, operatorOrg, ct);
        }
        catch (Common.BusinessException)
        {
            return 0; // the operator removed its key: nothing to ask with
        }
        var p = new UCloudParams().With("Region", region).With("ProjectId", project)
            .WithList("UHostIds", rows.Select(r => r.VendorId!)).With("Limit", Batch.ToString());
        var answer = await client.SendAsync(key, UCloudActions.DescribeUHostInstance, p, ct);
        if (!answer.Success)
        {
            log.LogWarning("UCloud host poll in {Region} failed: {Message}", region, answer.Describe(UCloudService.System));
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var item in UCloudKinds.Host.Items(answer.Data))
        {
            var row = rows.FirstOrDefault(r => r.VendorId == UCloudKinds.Host.IdOf(item));
            if (row is null || UCloudKinds.Host.StateOf(item) is not { Length: > 0 } state) continue;
            if (state != row.VendorState) changed++;
            row.Observed(state, now);
        }
        return changed;
    }
}
