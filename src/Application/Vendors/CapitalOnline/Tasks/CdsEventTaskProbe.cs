using System.Text.Json.Nodes;
using Kboss.Domain.Vendors;

namespace Kboss.Application.Vendors.CapitalOnline.Tasks;

/// <summary>
/// The task probe of ECS hosts and images (analysis/vendors.md §3.8 CDS-ECS-09, §5.5): CDS answers their creates,
/// power operations, password resets and deletes with an <c>EventId</c>, and <c>DescribeEvent</c> tells how it went —
/// the row's own entry of <c>TaskList</c> (<c>ResourceId</c> = the row's id) when there is one, else the event's
/// <c>EventStatus</c> (<c>doing</c>/<c>running</c>/… still running, <c>failed</c>/<c>error</c>/… failed, anything
/// else finished). An event CDS no longer knows falls back to the host's or image's status in its zone. One
/// DescribeEvent per event and pass: the hosts of one order share their event.
/// </summary>
public sealed class CdsEventTaskProbe(CdsService cds, ICdsClient client) : ICdsTaskProbe
{
    private readonly Dictionary<(string Operator, string Event), JsonNode?> _events = [];

    public bool Handles(string resourceType) => CdsKinds.Of(resourceType) is { ByZone: true };

    public async Task<bool?> EndedAsync(CdsResource row, VendorKey key, CancellationToken ct)
    {
        if (row.FollowedTaskId is not { } eventId) return true;
        if (!_events.TryGetValue((row.OperatorOrgId, eventId), out var data))
        {
            data = await EventAsync(key, eventId, ct);
            _events[(row.OperatorOrgId, eventId)] = data;
        }
        if (data is null) return await CdsDescribeTaskProbe.DescribedAsync(cds, row, key, ct);
        var own = VendorJson.Items(data, "TaskList").FirstOrDefault(t => VendorJson.Str(t, "ResourceId") == row.VendorId);
        return CdsDescribeTaskProbe.Outcome(VendorJson.Str(own ?? data, own is null ? "EventStatus" : "Status"));
    }

    /// <summary>The event's <c>Data</c>; null when CDS does not know the event.</summary>
    /// <exception cref="Common.BusinessException">Any other refusal (upstream_failed).</exception>
    private async Task<JsonNode?> EventAsync(VendorKey key, string eventId, CancellationToken ct)
    {
        var answer = await client.SendAsync(key, CdsActions.DescribeEvent, new JsonObject { ["EventId"] = eventId }, ct);
        if (!answer.Success && answer.ErrorKind == VendorErrorKind.NotFound) return null;
        return answer.OrThrow(CdsService.System).Data ?? new JsonObject();
    }
}
