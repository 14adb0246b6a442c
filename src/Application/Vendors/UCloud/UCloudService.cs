using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Common;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.UCloud;

/// <summary>
/// The operator's key for a customer org, the org's UCloud project ("" = the account's default) and the region used
/// where the spec leaves it optional (<see cref="UCloudDefaults"/>; an owned object's own region).
/// </summary>
public sealed record UCloudScope(string OrgId, VendorKey Key, string ProjectId, string DefaultRegion)
{
    /// <summary><paramref name="region"/> trimmed, or <see cref="DefaultRegion"/> when it is not given.</summary>
    public string Region(string? region) => string.IsNullOrWhiteSpace(region) ? DefaultRegion : region.Trim();

    /// <summary><c>Region</c> (<see cref="Region"/>), <c>Zone</c> (when given) and <c>ProjectId</c> (when the org
    /// has one).</summary>
    public UCloudParams Params(string? region, string? zone = null) =>
        new UCloudParams().With("Region", Region(region)).With("Zone", zone).With("ProjectId", ProjectId);
}

/// <summary>
/// The region of a call whose region the spec marks optional (modules 30–32: lists, images, instance types, prices,
/// creates; ADR 0044 addendum): <c>Vendors:UCloud:DefaultRegion</c>, else <see cref="DocumentedRegion"/>.
/// </summary>
public sealed record UCloudDefaults(string Region)
{
    /// <summary>华北一, the first region of <c>get_local_regions</c>.</summary>
    public const string DocumentedRegion = "cn-bj2";
}

/// <summary>
/// What every UCloud use case shares (ADR 0044): the operator's key and the org's project for a customer org
/// (<c>not_configured</c> without a key), ownership checks before any vendor call (another org's object 403, an
/// unknown one not_found), describes filtered to the caller's objects, and creates/deletes through the outside-call
/// pattern (ADR 0015: the row reserved <c>pending</c>/<c>deleting</c>, UCloud called outside any transaction and never
/// retried, a lost answer leaves the row <c>pending_reconcile</c> for the reconciler).
/// </summary>
public sealed class UCloudService(IKbossDbContext db, IUCloudClient client, VendorKeys keys, VendorOwnership owners,
    OutsideCallRunner runner, UCloudResourceCalls kind, ICurrentUser user, TimeProvider clock, UCloudDefaults defaults)
{
    /// <summary>The vendor's name in messages.</summary>
    public const string System = "优刻得";
    /// <summary>An object with a call in flight, or not live.</summary>
    public const string BusyMessage = "资源当前状态不允许该操作";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The key and project used for <paramref name="orgId"/>'s objects.</summary>
    public async Task<UCloudScope> ScopeAsync(string orgId, CancellationToken ct)
    {
        var key = await keys.ForCustomerAsync(VendorCodes.UCloud, System, orgId, ct);
        var project = await db.UCloudResources.AsNoTracking()
            .Where(r => r.OrgId == orgId && r.ResourceType == UCloudResourceTypes.Project && r.VendorId != null
                        && r.State == OutsideStates.Live)
            .Select(r => r.VendorId!).FirstOrDefaultAsync(ct);
        return new UCloudScope(orgId, key, project ?? "", defaults.Region);
    }

    /// <summary>The key and project of an owned row (the key that created it).</summary>
    public async Task<UCloudScope> ScopeOfAsync(UCloudResource row, CancellationToken ct) =>
        new(row.OrgId, await keys.ForOperatorAsync(VendorCodes.UCloud, System, row.OperatorOrgId, ct), row.ProjectId,
            row.RegionCode);

    /// <summary>A call whose failure is <c>upstream_failed</c> with UCloud's message.</summary>
    public async Task<JsonObject> CallAsync(UCloudScope scope, UCloudAction action, UCloudParams parameters,
        CancellationToken ct) => (await client.SendAsync(scope.Key, action, parameters, ct)).OrThrow(System);

    /// <summary>The UCloud ids of <paramref name="type"/> that <paramref name="orgId"/> owns.</summary>
    public Task<IReadOnlySet<string>> OwnedIdsAsync(string type, string orgId, CancellationToken ct) =>
        VendorOwnership.OwnedIdsAsync(db.UCloudResources, type, orgId, ct);

    /// <summary>The caller's row of <paramref name="type"/> with UCloud id <paramref name="vendorId"/> (tracked).</summary>
    public Task<UCloudResource> LoadOwnedAsync(string type, string? vendorId, CancellationToken ct) =>
        owners.LoadOwnedAsync(db.UCloudResources, type, vendorId, ct);

    /// <summary>Like <see cref="LoadOwnedAsync"/>, and the row must be live with no call in flight.</summary>
    public async Task<UCloudResource> LoadLiveAsync(string type, string? vendorId, CancellationToken ct)
    {
        var row = await LoadOwnedAsync(type, vendorId, ct);
        if (row.State != OutsideStates.Live) throw BusinessException.Conflict(BusyMessage);
        return row;
    }

    /// <summary>A new row of the caller for <paramref name="scope"/>'s org.</summary>
    public UCloudResource NewRow(string type, UCloudScope scope, string region, string? zone, string name) => new()
    {
        OrgId = scope.OrgId, UserId = user.UserId ?? "", OperatorOrgId = scope.Key.OperatorOrgId, ResourceType = type,
        RegionCode = region.Trim(), ZoneCode = zone?.Trim() ?? "", Name = name, ProjectId = scope.ProjectId,
    };

    /// <summary>
    /// Creates <paramref name="row"/> on UCloud: reserves it <c>pending</c>, sends <paramref name="action"/> once and
    /// records the id <paramref name="idOf"/> reads from the answer (none → the outcome is unknown).
    /// <paramref name="confirmed"/> runs in the confirming transaction.
    /// </summary>
    public async Task<VendorResult<JsonObject>> CreateAsync(UCloudResource row, UCloudScope scope, UCloudAction action,
        UCloudParams parameters, Func<JsonObject, string?> idOf, CancellationToken ct,
        Action<JsonObject>? confirmed = null)
    {
        VendorResult<JsonObject>? answer = null;
        await runner.RunAsync(kind, row, new OutsideCallSteps(
            Reserve: (now, _) =>
            {
                row.StartCreate(now);
                db.UCloudResources.Add(row);
                db.AuditEntries.Add(Audit.Entry(user, $"ucloud.{row.ResourceType}.create", "ucloud_resource", row.Id,
                    new { orgid = row.OrgId, action = action.Name, parameters = Loggable(parameters) }));
                return Task.CompletedTask;
            },
            Call: async t =>
            {
                answer = await client.SendAsync(scope.Key, action, parameters, t);
                if (!answer.Success) throw answer.ToOutsideCall(System);
                var id = idOf(answer.Data!) ?? throw new OutsideCallException($"{System}应答中没有资源ID",
                    ErrorCodes.UpstreamFailed, outcomeUnknown: true);
                row.Created(id);
                confirmed?.Invoke(answer.Data!);
            }), ct);
        return answer!;
    }

    /// <summary>
    /// Deletes <paramref name="row"/> on UCloud: a row already being deleted answers without a second call (null); a
    /// row with another call in flight is a conflict; else reserve <c>deleting</c>, send once, confirm.
    /// </summary>
    public async Task<VendorResult<JsonObject>?> DeleteAsync(UCloudResource row, UCloudAction action,
        UCloudParams parameters, CancellationToken ct)
    {
        if (row.State == OutsideStates.Deleting
            || (row.State == OutsideStates.PendingReconcile && row.Operation == OutsideOperations.Delete))
            return null;
        if (row.IsOpen) throw BusinessException.Conflict(BusyMessage);
        var scope = await ScopeOfAsync(row, ct);
        VendorResult<JsonObject>? answer = null;
        await runner.RunAsync(kind, row, new OutsideCallSteps(
            Reserve: (now, _) =>
            {
                row.StartDelete(now);
                db.AuditEntries.Add(Audit.Entry(user, $"ucloud.{row.ResourceType}.delete", "ucloud_resource", row.Id,
                    new { orgid = row.OrgId, vendor_id = row.VendorId, action = action.Name }));
                return Task.CompletedTask;
            },
            Call: async t =>
            {
                answer = await client.SendAsync(scope.Key, action, parameters, t);
                if (!answer.Success) throw answer.ToOutsideCall(System);
            }), ct);
        return answer;
    }

    /// <summary>
    /// A change of a live row that keeps it (power, rules, binding, password): UCloud called once, then audited
    /// (<paramref name="detail"/> without secrets) and, for a host, its new transitional state recorded for the
    /// polling job.
    /// </summary>
    public async Task<JsonObject> ChangeAsync(UCloudResource row, UCloudAction action, UCloudParams parameters,
        object detail, CancellationToken ct, string? transitional = null)
    {
        var scope = await ScopeOfAsync(row, ct);
        var answer = await CallAsync(scope, action, parameters, ct);
        if (transitional is not null) row.Observed(transitional, Now);
        db.AuditEntries.Add(Audit.Entry(user, $"ucloud.{row.ResourceType}.{action.Name}", "ucloud_resource", row.Id,
            new { orgid = row.OrgId, vendor_id = row.VendorId, detail }));
        await db.SaveChangesAsync(CancellationToken.None);
        return answer;
    }

    /// <summary>
    /// Binds a live row of <paramref name="type"/> (UCloud id <paramref name="vendorId"/>, sent as
    /// <paramref name="idParameter"/>) to a live host (<c>ResourceType</c> <c>uhost</c>) or unbinds it with
    /// <paramref name="action"/>: both the caller's, and one org's (else 403). EIPs (UC-EIP-02/04) and firewalls
    /// (UC-FW-08/09). <c>data</c> = UCloud's answer.
    /// </summary>
    public async Task<Reply<JsonObject>> BindToHostAsync(string type, string? vendorId, string idParameter,
        string? hostId, UCloudAction action, CancellationToken ct)
    {
        var row = await LoadLiveAsync(type, vendorId, ct);
        var host = await LoadLiveAsync(UCloudResourceTypes.Host, hostId, ct);
        if (host.OrgId != row.OrgId) throw new ForbiddenException(VendorOwnership.ForbiddenMessage);
        var p = new UCloudParams().With("Region", row.RegionCode).With("ProjectId", row.ProjectId)
            .With(idParameter, row.VendorId).With("ResourceType", "uhost").With("ResourceId", host.VendorId);
        return Reply.Ok("操作成功", await ChangeAsync(row, action, p, new { resource = host.VendorId }, ct));
    }

    /// <summary>The parameters as audited: passwords replaced by <c>******</c>.</summary>
    public static Dictionary<string, string> Loggable(UCloudParams parameters) => parameters.ToDictionary(p => p.Key,
        p => p.Key.Contains("Password", StringComparison.OrdinalIgnoreCase) ? "******" : p.Value);
}
