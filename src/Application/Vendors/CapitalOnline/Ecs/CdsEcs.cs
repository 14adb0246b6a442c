using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// What the ECS/GPU host use cases share (spec 28; analysis/vendors.md §3.8; ADR 0043): CDS's <c>Data</c> passed
/// through (E2: <c>msg</c> = CDS's message), reads on resources the caller owns, and changes of owned hosts or
/// images — every id checked before any call (another org's: 403, unknown: 资源不存在), the row live, CDS called once
/// (never retried), its <c>EventId</c> recorded on the rows for <c>describe_event</c>, the change audited without
/// secrets.
/// </summary>
public sealed class CdsEcs(IKbossDbContext db, ICdsClient client, CdsService cds, VendorKeys keys, ICurrentUser user,
    OrgAccess orgs)
{
    /// <summary>A host or image that is not live (being created or deleted, failed).</summary>
    public const string NotLiveMessage = "资源当前状态不允许该操作";
    /// <summary>Ids of hosts created with different operator keys in one call.</summary>
    public const string MixedKeysMessage = "所选资源不属于同一个首都云账号,请分开操作";
    /// <summary>Most ids one call takes.</summary>
    public const int MaxIds = 100;

    /// <summary>The caller's org.</summary>
    public string CallerOrg => user.OrgId ?? throw new UnauthenticatedException();

    /// <summary>A read with the key of the caller's operator: CDS's message and <c>Data</c>.</summary>
    public async Task<Reply<JsonNode>> CatalogAsync(CdsAction action, JsonObject body, CancellationToken ct) =>
        await PassAsync(await cds.KeyForAsync(CallerOrg, ct), action, body, ct);

    /// <summary>The caller's host or image row whose last CDS event is <paramref name="eventId"/>.</summary>
    /// <exception cref="BusinessException">not_found.</exception>
    /// <exception cref="ForbiddenException">Another org's event.</exception>
    public async Task<CdsResource> LoadByEventAsync(string eventId, CancellationToken ct)
    {
        var row = await db.CdsResources.AsNoTracking().IgnoreQueryFilters()
                      .Where(r => r.TaskId == eventId
                                  && (r.ResourceType == CdsResourceTypes.Ecs
                                      || r.ResourceType == CdsResourceTypes.Image))
                      .FirstOrDefaultAsync(ct)
                  ?? throw BusinessException.NotFound(CdsService.NotFoundMessage);
        await orgs.EnsureCanActOnAsync(row.OrgId, CdsService.ForbiddenMessage, ct);
        return row;
    }

    /// <summary>A read with <paramref name="key"/>: CDS's message and <c>Data</c> (null → <c>{}</c>).</summary>
    public async Task<Reply<JsonNode>> PassAsync(VendorKey key, CdsAction action, JsonObject body,
        CancellationToken ct)
    {
        var answer = await client.SendAsync(key, action, body, ct);
        var data = answer.OrThrow(CdsService.System);
        return Reply.Ok(answer.Message ?? "查询成功", data.Data?.DeepClone() ?? new JsonObject());
    }

    /// <summary>The caller's rows of <paramref name="type"/> for <paramref name="ids"/> (tracked), in order.</summary>
    public async Task<IReadOnlyList<CdsResource>> LoadAsync(string type, IEnumerable<string> ids, CancellationToken ct)
    {
        var rows = new List<CdsResource>();
        foreach (var id in ids.Distinct()) rows.Add(await cds.LoadOwnedAsync(type, id, ct));
        if (rows.Select(r => r.OperatorOrgId).Distinct().Count() > 1)
            throw BusinessException.Conflict(MixedKeysMessage);
        return rows;
    }

    /// <summary>The operator key <paramref name="row"/> was created with.</summary>
    public Task<VendorKey> KeyOfAsync(CdsResource row, CancellationToken ct) =>
        keys.ForOperatorAsync(VendorCodes.CapitalOnline, CdsService.System, row.OperatorOrgId, ct);

    /// <summary>A read about one owned resource of <paramref name="type"/>; with <paramref name="audit"/>, recorded
    /// as <c>cds.&lt;type&gt;.&lt;audit&gt;</c> (console access).</summary>
    public async Task<Reply<JsonNode>> ReadOwnedAsync(string type, string? id, CdsAction action,
        Func<CdsResource, JsonObject> body, CancellationToken ct, string? audit = null)
    {
        var row = await cds.LoadOwnedAsync(type, id, ct);
        if (audit is not null)
        {
            db.AuditEntries.Add(Audit.Entry(user, $"cds.{type}.{audit}", "cds_resource", row.Id,
                new { orgid = row.OrgId, vendor_id = row.VendorId }));
            await db.SaveChangesAsync(ct);
        }
        return await PassAsync(await KeyOfAsync(row, ct), action, body(row), ct);
    }

    /// <summary>
    /// Sends the change <paramref name="action"/> about <paramref name="rows"/> (all live) once; records the
    /// answer's <c>EventId</c> on them and an audit entry <c>cds.&lt;type&gt;.&lt;verb&gt;</c> without secrets.
    /// </summary>
    /// <exception cref="BusinessException">A row not live (conflict); CDS refused or did not answer.</exception>
    public async Task<Reply<JsonNode>> ChangeAsync(IReadOnlyList<CdsResource> rows, string verb, CdsAction action,
        JsonObject body, CancellationToken ct)
    {
        if (rows.Any(r => r.State != OutsideStates.Live)) throw BusinessException.Conflict(NotLiveMessage);
        var answer = await client.SendAsync(await KeyOfAsync(rows[0], ct), action, body, ct);
        foreach (var row in rows)
        {
            if (answer.Success) row.Tasked(EventOf(answer.Data!));
            db.AuditEntries.Add(Audit.Entry(user, $"cds.{row.ResourceType}.{verb}", "cds_resource", row.Id,
                new { orgid = row.OrgId, vendor_id = row.VendorId, action = action.Name, parameters = Scrubbed(body),
                    ok = answer.Success, vendor_code = answer.VendorCode }));
        }
        await db.SaveChangesAsync(ct);
        var data = answer.OrThrow(CdsService.System);
        return Reply.Ok(answer.Message ?? "操作成功", data.Data?.DeepClone() ?? new JsonObject());
    }

    /// <summary>
    /// A host of <paramref name="orgId"/> may boot from <paramref name="imageId"/>: a private image kboss made is its
    /// owner's only (another org's: 403, one not live: conflict); an id kboss has no row of is a public image or one
    /// the operator keeps on its account (CDS refuses an unknown id).
    /// </summary>
    public async Task EnsureImageUsableAsync(string imageId, string orgId, CancellationToken ct)
    {
        var image = await db.CdsResources.AsNoTracking().IgnoreQueryFilters()
            .Where(r => r.ResourceType == CdsResourceTypes.Image && r.VendorId == imageId)
            .Select(r => new { r.OrgId, r.State }).FirstOrDefaultAsync(ct);
        if (image is null) return;
        if (image.OrgId != orgId) throw new ForbiddenException(CdsService.ForbiddenMessage);
        if (image.State != OutsideStates.Live) throw BusinessException.Conflict(NotLiveMessage);
    }

    /// <summary>A trial-fund subject name (<c>TestAccount</c>): operators and admins only (analysis/vendors.md §2.5
    /// E-CDS-4: it spends the operator's trial funds).</summary>
    /// <exception cref="ForbiddenException">A customer named one.</exception>
    public string? TestAccountOrNull(string? name)
    {
        if (name.TrimmedOrNull() is not { } subject) return null;
        if (!user.IsInRole(Roles.Operator) && !user.IsInRole(Roles.Admin))
            throw new ForbiddenException(TestAccountMessage);
        return subject;
    }

    /// <summary>A customer naming a trial-fund subject.</summary>
    public const string TestAccountMessage = "仅运营方可使用测试账户";

    /// <summary>Records <paramref name="eventId"/> as the last event of <paramref name="rows"/>.</summary>
    public async Task RecordEventAsync(IEnumerable<CdsResource> rows, string? eventId, CancellationToken ct)
    {
        foreach (var row in rows) row.Tasked(eventId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The <c>EventId</c> of an ECS answer (in <c>Data</c>, or the top-level task).</summary>
    public static string? EventOf(CdsAnswer answer) => VendorJson.Str(answer.Data, "EventId") ?? answer.TaskId;

    /// <summary>The parameters as audit text, passwords replaced by <c>******</c>.</summary>
    public static string Scrubbed(JsonObject parameters)
    {
        var copy = (JsonObject)parameters.DeepClone();
        foreach (var name in copy.Select(p => p.Key).ToList())
            if (name.Contains("password", StringComparison.OrdinalIgnoreCase)) copy[name] = "******";
        return copy.ToJsonString();
    }

    /// <summary>A list of ids (JSON array or comma-separated, analysis/vendors.md §5.3) as a JSON array.</summary>
    public static JsonArray Ids(string? raw) =>
        new((VendorJson.ParseList(raw) ?? []).Distinct().Select(i => (JsonNode)i).ToArray());
}

/// <summary>Input rules of the ECS endpoints.</summary>
public static class CdsEcsRules
{
    /// <summary>A required list of 1…<see cref="CdsEcs.MaxIds"/> ids (JSON array or comma-separated).</summary>
    public static IRuleBuilderOptions<T, string?> IdList<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(v => VendorJson.ParseList(v) is { Count: > 0 and <= CdsEcs.MaxIds } l && l.All(i => i.Length <= 64))
            .WithMessage($"{{PropertyName}}必须是1到{CdsEcs.MaxIds}个ID的数组,如 [\"ins-1\"]");

    /// <summary>An optional JSON value of kind <typeparamref name="TNode"/> (a <c>SystemDisk</c> object, …).</summary>
    public static IRuleBuilderOptions<T, string?> OptionalJson<T, TNode>(this IRuleBuilder<T, string?> rule)
        where TNode : JsonNode =>
        rule.Must(v => string.IsNullOrWhiteSpace(v) || ParseJson(v) is TNode)
            .WithMessage(typeof(TNode) == typeof(JsonArray) ? "{PropertyName}必须是JSON数组" : "{PropertyName}必须是JSON对象");

    /// <summary>The JSON in <paramref name="raw"/>, or null when it is not JSON (<see cref="VendorJson.ParseInput"/>).
    /// </summary>
    public static JsonNode? ParseJson(string? raw) => VendorJson.ParseInput(raw);
}
