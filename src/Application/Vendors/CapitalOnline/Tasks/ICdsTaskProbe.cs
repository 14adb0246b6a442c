using System.Text.Json.Nodes;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.CapitalOnline.Tasks;

/// <summary>
/// How the task poller (<see cref="PollCdsTasks"/>) learns whether a CDS task of one resource type ended
/// (analysis/vendors.md §5.5): network kinds by their Describe* status (<see cref="CdsDescribeTaskProbe"/>), ECS hosts
/// and images by DescribeEvent (<see cref="CdsEventTaskProbe"/>). Probes handle disjoint kinds. A family adds its kinds with one registration line
/// (<c>services.AddScoped&lt;ICdsTaskProbe, MyProbe&gt;()</c>) or, for a Describe*-polled kind, one
/// <see cref="CdsKinds"/> line.
/// </summary>
public interface ICdsTaskProbe
{
    /// <summary>True for the resource types this probe follows.</summary>
    bool Handles(string resourceType);

    /// <summary>True: the task finished; false: it failed on CDS; null: still running.</summary>
    /// <exception cref="Common.BusinessException">CDS could not be asked (the row stays running).</exception>
    Task<bool?> EndedAsync(CdsResource row, VendorKey key, CancellationToken ct);
}

/// <summary>
/// The task probe of the network and security-group kinds in <see cref="CdsKinds"/> (ECS hosts and images follow
/// their events: <see cref="CdsEventTaskProbe"/>): the describe in the row's region; the item's <c>Status</c> decides
/// (<c>building</c>/<c>creating</c>/… running, <c>error</c>/<c>failed</c> failed, anything else finished); an item that
/// is gone finished a delete and failed a create.
/// </summary>
public sealed class CdsDescribeTaskProbe(CdsService cds) : ICdsTaskProbe
{
    private static readonly string[] Running = ["building", "creating", "pending", "doing", "updating", "deleting"];
    private static readonly string[] Failed = ["error", "failed", "fail", "create_failed"];

    public bool Handles(string resourceType) => CdsKinds.Of(resourceType) is { ByZone: false };

    public Task<bool?> EndedAsync(CdsResource row, VendorKey key, CancellationToken ct) =>
        DescribedAsync(cds, row, key, ct);

    /// <summary>The outcome of <paramref name="row"/>'s task as its kind's describe shows it (a per-zone kind is
    /// asked in the row's zone).</summary>
    public static async Task<bool?> DescribedAsync(CdsService cds, CdsResource row, VendorKey key, CancellationToken ct)
    {
        var kind = CdsKinds.Of(row.ResourceType)!;
        var answer = await cds.ReadAsync(key, kind.Describe, kind.DescribeBody(row), ct);
        var item = kind.Items(answer.Data).FirstOrDefault(i => kind.IdOf(i) == row.VendorId);
        if (item is null) return row.State == OutsideStates.Deleted;
        return Outcome(VendorJson.Str(item, "Status"));
    }

    /// <summary>A CDS status word as a task outcome: null running, false failed, true anything else.</summary>
    public static bool? Outcome(string? status)
    {
        var word = status?.Trim().ToLowerInvariant() ?? "";
        return Running.Contains(word) ? null : !Failed.Contains(word);
    }
}
