using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.CapitalOnline;

/// <summary>
/// What every Capital Online use case shares (ADR 0037): the operator's key for a customer org, ownership checks
/// (a resource another org owns is 403, an unknown one not_found, before any vendor call), describes filtered to
/// the caller's resources, and creates/deletes through the outside-call pattern (ADR 0015: the row is reserved as
/// <c>pending</c>/<c>deleting</c>, CDS is called outside any transaction and never retried, a lost answer leaves
/// the row <c>pending_reconcile</c> for the reconciler).
/// </summary>
public sealed class CdsService(IKbossDbContext db, ICdsClient client, VendorKeys keys, VendorOwnership ownership,
    OutsideCallRunner runner, CdsResourceCalls kind, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The vendor's name in messages.</summary>
    public const string System = "首都云";
    /// <summary>An id no row of the caller's kind has.</summary>
    public const string NotFoundMessage = VendorOwnership.NotFoundMessage;
    /// <summary>A resource of another org.</summary>
    public const string ForbiddenMessage = VendorOwnership.ForbiddenMessage;
    /// <summary>A resource with a call in flight.</summary>
    public const string BusyMessage = "资源正在处理中,请稍后再试";

    /// <summary>The key kboss uses for <paramref name="orgId"/>'s resources (<c>not_configured</c> without one).</summary>
    public Task<VendorKey> KeyForAsync(string orgId, CancellationToken ct) =>
        keys.ForCustomerAsync(VendorCodes.CapitalOnline, System, orgId, ct);

    /// <summary>A read-only call; <c>upstream_failed</c> with CDS's message when it fails.</summary>
    public async Task<CdsAnswer> ReadAsync(VendorKey key, CdsAction action, JsonObject parameters,
        CancellationToken ct) => (await client.SendAsync(key, action, parameters, ct)).OrThrow(System);

    /// <summary>
    /// Runs <paramref name="query"/> (see <see cref="CdsQuery"/>): ownership of the ids it names, then every vendor
    /// page (read-only, retried), the org's items only, the client's page. <c>upstream_failed</c> when CDS fails.
    /// </summary>
    public async Task<JsonObject> DescribeAsync(CdsQuery query, CancellationToken ct)
    {
        foreach (var (type, id) in query.MustOwn) await LoadOwnedAsync(type, id, ct);
        IEnumerable<string> owned = await OwnedIdsAsync(query.Kind.Type, query.OrgId, ct);
        if (query.Only is { } only) owned = owned.Where(only.Contains);
        var keep = owned.ToHashSet();
        var key = await KeyForAsync(query.OrgId, ct);
        var items = new List<JsonNode?>();
        long seen = 0;
        for (var page = 1; page <= CdsQuery.MaxVendorPages; page++)
        {
            var answer = await ReadAsync(key, query.Kind.Describe, query.Body(page), ct);
            var batch = query.Kind.Items(answer.Data);
            items.AddRange(batch.Where(i => query.Kind.IdOf(i) is { } id && keep.Contains(id)));
            seen += batch.Count;
            if (batch.Count == 0 || VendorJson.Long(answer.Data, "Total", "TotalCount") is not { } total
                || seen >= total) break;
        }
        return query.Reply(items);
    }

    /// <summary>The CDS ids of <paramref name="type"/> that <paramref name="orgId"/> owns (not deleted).</summary>
    public Task<IReadOnlySet<string>> OwnedIdsAsync(string type, string orgId, CancellationToken ct) =>
        VendorOwnership.OwnedIdsAsync(db.CdsResources, type, orgId, ct);

    /// <summary>The VPCs in which <paramref name="orgId"/> owns a subnet in <paramref name="zone"/>.</summary>
    public async Task<IReadOnlyList<string>> VpcsWithSubnetInAsync(string orgId, string zone, CancellationToken ct) =>
        await db.CdsResources.AsNoTracking()
            .Where(r => r.OrgId == orgId && r.ResourceType == CdsResourceTypes.Subnet && r.ZoneCode == zone
                        && r.ParentVendorId != null)
            .Select(r => r.ParentVendorId!).Distinct().ToListAsync(ct);

    /// <summary>The caller's row of <paramref name="type"/> with CDS id <paramref name="vendorId"/> (tracked).</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    /// <exception cref="ForbiddenException">Another org's resource.</exception>
    public Task<CdsResource> LoadOwnedAsync(string type, string? vendorId, CancellationToken ct) =>
        ownership.LoadOwnedAsync(db.CdsResources, type, vendorId, ct);

    /// <summary>
    /// Creates <paramref name="row"/> on CDS: reserves it as <c>pending</c>, sends <paramref name="action"/> and
    /// records the id <paramref name="idOf"/> reads from the answer (none → the outcome is unknown).
    /// <paramref name="confirmed"/> runs in the confirming transaction (rows for the subnets a VPC came with).
    /// </summary>
    public async Task<VendorResult<CdsAnswer>> CreateAsync(CdsResource row, VendorKey key, CdsAction action,
        JsonObject parameters, Func<CdsAnswer, string?> idOf, CancellationToken ct,
        Action<CdsAnswer, DateTime>? confirmed = null)
    {
        VendorResult<CdsAnswer>? answer = null;
        await runner.RunAsync(kind, row, new OutsideCallSteps(
            Reserve: (now, _) =>
            {
                row.StartCreate(now);
                db.CdsResources.Add(row);
                db.AuditEntries.Add(Audit.Entry(user, $"cds.{row.ResourceType}.create", "cds_resource", row.Id,
                    new { orgid = row.OrgId, action = action.Name, parameters = Ecs.CdsEcs.Scrubbed(parameters) }));
                return Task.CompletedTask;
            },
            Call: async t =>
            {
                answer = await client.SendAsync(key, action, parameters, t);
                if (!answer.Success) throw answer.ToOutsideCall(System);
                var id = idOf(answer.Data!) ?? throw new OutsideCallException($"{System}应答中没有资源ID",
                    ErrorCodes.UpstreamFailed, outcomeUnknown: true);
                row.Created(id, answer.Data!.TaskId);
                confirmed?.Invoke(answer.Data!, clock.GetUtcNow().UtcDateTime);
            }), ct);
        return answer!;
    }

    /// <summary>
    /// Deletes the caller's object of <paramref name="type"/> with CDS id <paramref name="vendorId"/> (see
    /// <see cref="LoadOwnedAsync"/>, <see cref="DeleteAsync"/>), CDS's id parameter named <paramref name="idField"/>:
    /// the reply of <see cref="CdsReplies.Deleted"/>.
    /// </summary>
    public async Task<Common.Models.Reply<JsonObject>> DeleteOwnedAsync(string type, string? vendorId,
        CdsAction action, string idField, CancellationToken ct)
    {
        var row = await LoadOwnedAsync(type, vendorId, ct);
        return CdsReplies.Deleted(await DeleteAsync(row, action, new JsonObject { [idField] = row.VendorId }, ct));
    }

    /// <summary>
    /// Deletes <paramref name="row"/> on CDS: a row already <c>deleting</c> answers without a second call (null); a
    /// row with another call in flight is a conflict; else reserve <c>deleting</c>, send, confirm (row deleted).
    /// </summary>
    public async Task<VendorResult<CdsAnswer>?> DeleteAsync(CdsResource row, CdsAction action, JsonObject parameters,
        CancellationToken ct)
    {
        if (row.State == OutsideStates.Deleting
            || (row.State == OutsideStates.PendingReconcile && row.Operation == OutsideOperations.Delete))
            return null;
        if (row.IsOpen) throw BusinessException.Conflict(BusyMessage);
        var key = await keys.ForOperatorAsync(VendorCodes.CapitalOnline, System, row.OperatorOrgId, ct);
        VendorResult<CdsAnswer>? answer = null;
        await runner.RunAsync(kind, row, new OutsideCallSteps(
            Reserve: (now, _) =>
            {
                row.StartDelete(now);
                db.AuditEntries.Add(Audit.Entry(user, $"cds.{row.ResourceType}.delete", "cds_resource", row.Id,
                    new { orgid = row.OrgId, vendor_id = row.VendorId }));
                return Task.CompletedTask;
            },
            Call: async t =>
            {
                answer = await client.SendAsync(key, action, parameters, t);
                if (!answer.Success) throw answer.ToOutsideCall(System);
                row.Tasked(answer.Data!.TaskId);
            }), ct);
        return answer;
    }

    /// <summary>
    /// A change of existing resources (bind, unbind, bandwidth membership, a free update): <paramref name="row"/>
    /// (the resource changed, already ownership-checked) must be settled; the call is audited first, sent once
    /// (never retried) with the row's operator key and answered as CDS's message + <c>{TaskId}</c>, whose task is
    /// kept on the row for the task poller. <c>upstream_failed</c> with CDS's message when it fails.
    /// </summary>
    /// <remarks>Inside a <see cref="Charges.VendorCharges"/> call pass <paramref name="charged"/>: a failure is then
    /// the outside-call exception, so a lost answer keeps the funds held for the reconciler.</remarks>
    public async Task<Common.Models.Reply<JsonObject>> ChangeAsync(CdsResource row, CdsAction action,
        JsonObject parameters, CancellationToken ct, bool charged = false)
    {
        if (row.IsOpen) throw BusinessException.Conflict(BusyMessage);
        var key = await keys.ForOperatorAsync(VendorCodes.CapitalOnline, System, row.OperatorOrgId, ct);
        db.AuditEntries.Add(Audit.Entry(user, $"cds.{row.ResourceType}.{action.Name}", "cds_resource", row.Id,
            new { orgid = row.OrgId, vendor_id = row.VendorId, parameters = parameters.ToJsonString() }));
        await db.SaveChangesAsync(ct);
        var result = await client.SendAsync(key, action, parameters, ct);
        if (!result.Success && charged) throw result.ToOutsideCall(System);
        var answer = result.OrThrow(System);
        if (answer.TaskId is not null)
        {
            row.Tasked(answer.TaskId);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return Common.Models.Reply.Ok("操作成功", CdsReplies.WithTask(answer));
    }

    /// <summary>A read about <paramref name="row"/> (already ownership-checked) with its operator's key: CDS's
    /// <c>Data</c> (a non-object under <c>Data</c>). <c>upstream_failed</c> when CDS fails.</summary>
    public async Task<Common.Models.Reply<JsonObject>> ReadOwnedAsync(CdsResource row, CdsAction action,
        JsonObject parameters, CancellationToken ct)
    {
        var key = await keys.ForOperatorAsync(VendorCodes.CapitalOnline, System, row.OperatorOrgId, ct);
        return Common.Models.Reply.Ok("查询成功", CdsReplies.WithTask(await ReadAsync(key, action, parameters, ct)));
    }

    /// <summary>The caller's rows of <paramref name="type"/> for each id (tracked); see <see
    /// cref="LoadOwnedAsync"/>.</summary>
    public async Task<IReadOnlyList<CdsResource>> LoadAllOwnedAsync(string type, IEnumerable<string> vendorIds,
        CancellationToken ct)
    {
        var rows = new List<CdsResource>();
        foreach (var id in vendorIds.Distinct()) rows.Add(await LoadOwnedAsync(type, id, ct));
        return rows;
    }

    /// <summary>A subnet or virtual gateway the caller may act on (a <c>NetId</c>).</summary>
    public async Task<CdsResource> LoadOwnedNetAsync(string? netId, CancellationToken ct)
    {
        var id = netId.Trimmed();
        var type = await db.CdsResources.AsNoTracking()
            .Where(r => r.VendorId == id && (r.ResourceType == CdsResourceTypes.Subnet
                                             || r.ResourceType == CdsResourceTypes.VirtualGateway))
            .Select(r => r.ResourceType).FirstOrDefaultAsync(ct) ?? throw BusinessException.NotFound(NotFoundMessage);
        return await LoadOwnedAsync(type, id, ct);
    }

    /// <summary>A new row of the caller for <paramref name="orgId"/>.</summary>
    public CdsResource NewRow(string type, string orgId, VendorKey key, string region, string zone, string name,
        string? parent = null) =>
        new()
        {
            OrgId = orgId, UserId = user.UserId ?? "", OperatorOrgId = key.OperatorOrgId, ResourceType = type,
            RegionCode = region, ZoneCode = zone, Name = name, ParentVendorId = parent,
        };

    /// <summary>A row for an object CDS created along with another (a VPC's first subnet): live at once.</summary>
    public CdsResource AddLive(CdsResource like, string type, string vendorId, string zone, string name, DateTime now)
    {
        var row = CdsResource.AlongWith(like, type, vendorId, zone, name, now);
        db.CdsResources.Add(row);
        return row;
    }
}
