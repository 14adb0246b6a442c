using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Finance.Ledger;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.Charges;

/// <summary>One paid vendor operation to run through <see cref="VendorCharges"/>.</summary>
/// <param name="CustomerOrgId">Who pays (a customer org; its balance is held and billed).</param>
/// <param name="IdempotencyKey">The client's key (≤ 64; null → a new key: no replay protection).</param>
/// <param name="Action">What is bought, stable (<c>cds.create_eip</c>); part of the fingerprint.</param>
/// <param name="Parameters">Everything that decides the operation, typed (not the raw request text).</param>
/// <param name="Amount">The server's sale price in 元 (vendor price → <c>SalePricing</c>); 0 = free.</param>
/// <param name="Line">Bill line details.</param>
/// <param name="Subject">Who settles an unknown outcome.</param>
/// <param name="ClientAmount">The amount the client showed (a consistency check only; null = not sent).</param>
public sealed record VendorChargeRequest(string CustomerOrgId, string? IdempotencyKey, string Action,
    JsonObject Parameters, decimal Amount, VendorChargeLine Line, VendorChargeSubject Subject,
    decimal? ClientAmount = null);

/// <summary>Bill line details of a charge.</summary>
/// <param name="ProductId">Product.</param>
/// <param name="ProviderId">Provider.</param>
/// <param name="ListAmount">The vendor's price (provider_amt), 元.</param>
/// <param name="CostAmount">Cost snapshot, 元.</param>
/// <param name="Quantity">Quantity.</param>
public sealed record VendorChargeLine(string? ProductId = null, string? ProviderId = null, decimal? ListAmount = null,
    decimal? CostAmount = null, int? Quantity = null);

/// <summary>What tells the reconciler whether the operation happened.</summary>
/// <param name="Probe">An <see cref="IVendorChargeProbe.Name"/> (an outside-call kind's name, or a vendor
/// probe).</param>
/// <param name="SubjectId">The id the probe looks at.</param>
/// <param name="Operation">The subject's operation paid for (<see cref="OutsideOperations"/>).</param>
/// <param name="Row">The subject row when the call runs it through <see cref="OutsideCallRunner"/>: a failure that
/// left it <c>pending_reconcile</c> is an unknown outcome, any other <see cref="BusinessException"/> a known
/// one.</param>
public sealed record VendorChargeSubject(string Probe, string SubjectId, string Operation = OutsideOperations.Create,
    OutsideEffectEntity? Row = null)
{
    /// <summary>The charge follows the create of <paramref name="row"/> (kind <paramref name="kind"/>).</summary>
    public static VendorChargeSubject Creating<TRow>(IOutsideEffectKind<TRow> kind, TRow row)
        where TRow : OutsideEffectEntity => new(kind.Name, row.Id, OutsideOperations.Create, row);

    /// <summary>The charge follows the delete of <paramref name="row"/>.</summary>
    public static VendorChargeSubject Deleting<TRow>(IOutsideEffectKind<TRow> kind, TRow row)
        where TRow : OutsideEffectEntity => new(kind.Name, row.Id, OutsideOperations.Delete, row);
}

/// <summary>What the vendor call answered.</summary>
/// <param name="Data">Reply data (kept for replays).</param>
/// <param name="Message">Reply message.</param>
/// <param name="ResourceId">The vendor's id of what was bought.</param>
public sealed record VendorChargeDone(JsonNode? Data, string Message, string? ResourceId);

/// <summary>A charged operation.</summary>
/// <param name="Data">Reply data.</param>
/// <param name="Message">Reply message.</param>
/// <param name="ChargeId">The charge (order) id.</param>
/// <param name="BillId">The BUY bill (null when free).</param>
/// <param name="Amount">Charged, 元, without trailing zeros (the first answer and every replay show the same
/// number).</param>
/// <param name="Replayed">True when this is the stored reply of an earlier request with the same key.</param>
public sealed record VendorCharged(JsonNode? Data, string Message, string ChargeId, string? BillId, decimal Amount,
    bool Replayed);

/// <summary>
/// The one money-safe flow of every paid vendor operation (ADR 0041; analysis/vendors.md §5.4; docs/patterns.md
/// "Charging for a vendor operation"). The caller prices on the server, then:
/// <code>
/// var charged = await charges.RunAsync(new VendorChargeRequest(org, c.IdempotencyKey, "cds.create_eip", body,
///     price, new VendorChargeLine(ListAmount: list), VendorChargeSubject.Creating(kind, row), clientAmount),
///     async t => { var a = await cds.CreateAsync(row, …, t); return new VendorChargeDone(a.Data, a.Message, id); },
///     ct);
/// </code>
/// Steps: same key + same request → the stored reply (or stored failure), no second call; same key + another
/// request → conflict <c>幂等键已用于其他请求</c>; a key in flight → conflict; the client's amount off by more than
/// 0.01 → conflict <c>价格已变化,请刷新</c>. Then one short transaction writes the <see cref="VendorCharge"/> and holds
/// the price (<c>余额不足</c> → conflict, nothing kept); the call runs outside any transaction, once; success
/// captures the hold into the BUY bill (<see cref="Finance.Bills.BillService"/>), a known failure releases it and
/// rethrows, an unknown outcome leaves the charge <c>pending_reconcile</c> with the funds held until the reconciler
/// settles it through the subject's probe (happened → charged once; not → released).
/// </summary>
public sealed class VendorCharges(IKbossDbContext db, BalanceLedger ledger, OutsideCallRunner runner,
    VendorChargeCalls kind, ICurrentUser user)
{
    /// <summary>The key was used for a different request.</summary>
    public const string KeyReusedMessage = "幂等键已用于其他请求";
    /// <summary>The key's request is still being processed.</summary>
    public const string InFlightMessage = "该请求正在处理中,请稍后查询结果";
    /// <summary>The client's amount is not the server's price.</summary>
    public const string PriceChangedMessage = "价格已变化,请刷新";

    /// <summary>Runs <paramref name="call"/> as the paid operation <paramref name="request"/>.</summary>
    /// <param name="request">What is charged.</param>
    /// <param name="call">The vendor call, once, outside any transaction.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="reserve">Optional: more rows to write in the charge's reserve transaction (tracked, saved with
    /// the charge), e.g. the purchase the charge pays for; refused hold (余额不足) or a twin → none of it is kept.
    /// </param>
    /// <exception cref="BusinessException">conflict (key, price, balance), or the call's failure (funds released),
    /// or an unknown outcome (<c>upstream_failed</c>, funds held until reconciled); <c>upstream_failed</c> for a
    /// price that can't be charged (<see cref="VendorPricing.Refusal"/>).</exception>
    public async Task<VendorCharged> RunAsync(VendorChargeRequest request,
        Func<CancellationToken, Task<VendorChargeDone>> call, CancellationToken ct,
        Func<CancellationToken, Task>? reserve = null)
    {
        var org = request.CustomerOrgId;
        var key = request.IdempotencyKey.TrimmedOrNull();
        var fingerprint = VendorChargeFingerprint.Of(request.Action, request.Parameters);
        if (key is not null && await ReplayAsync(org, key, fingerprint, ct) is { } replay) return replay;
        if (VendorPricing.Refusal(request.Amount, request.Line.ListAmount, kind.System) is { } refused)
            throw refused;
        if (request.ClientAmount is { } shown && Math.Abs(shown - request.Amount) > 0.01m)
            throw BusinessException.Conflict(PriceChangedMessage);

        var charge = new VendorCharge
        {
            OrgId = org, UserId = user.UserId ?? "", IdempotencyKey = key ?? "auto:" + NanoId.New(),
            Fingerprint = fingerprint, Action = request.Action, Amount = request.Amount,
            ProductId = request.Line.ProductId, ProviderId = request.Line.ProviderId,
            ListAmount = request.Line.ListAmount, CostAmount = request.Line.CostAmount,
            Quantity = request.Line.Quantity, Probe = request.Subject.Probe, SubjectId = request.Subject.SubjectId,
            SubjectOperation = request.Subject.Operation,
        };
        VendorChargeDone? done = null;
        await runner.RunAsync(kind, charge, new OutsideCallSteps(
            Reserve: async (now, t) =>
            {
                charge.StartCreate(now);
                db.VendorCharges.Add(charge);
                db.AuditEntries.Add(Audit.Entry(user, "vendor.charge.started", "vendor_charge", charge.Id, new
                {
                    orgid = org, action = request.Action, amount = request.Amount, key = charge.IdempotencyKey,
                    subject = request.Subject.SubjectId,
                }));
                if (reserve is not null) await reserve(t);
                await SaveNewAsync(t);
                if (charge.Amount > 0)
                    await ledger.HoldAsync(new LedgerMovement(org, charge.Amount, LedgerEntryKind.Hold, charge.Id,
                        charge.HoldKey), t);
            },
            Call: async t =>
            {
                try
                {
                    done = await call(t);
                }
                catch (BusinessException e)
                {
                    // the subject's own runner marks an unknown outcome; anything else it throws is known
                    var unknown = request.Subject.Row?.State == OutsideStates.PendingReconcile;
                    if (!unknown) charge.Refused(e.Message, e.Code);
                    throw new OutsideCallException(e.Message, e.Code, unknown, e);
                }
                catch (OutsideCallException e) when (!e.OutcomeUnknown)
                {
                    charge.Refused(e.Message, e.Code);
                    throw;
                }
                charge.Answered(done.Data?.ToJsonString(), done.Message, done.ResourceId);
            }), ct);
        return new VendorCharged(done!.Data, done.Message, charge.Id, charge.BillId, Money.Normalize(charge.Amount),
            false);
    }

    private async Task SaveNewAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.ClearChanges(); // a twin with the same key reserved first
            throw BusinessException.Conflict(InFlightMessage);
        }
    }

    /// <summary>The stored outcome of <paramref name="key"/>, or null when the key is new.</summary>
    private async Task<VendorCharged?> ReplayAsync(string org, string key, string fingerprint, CancellationToken ct)
    {
        var c = await db.VendorCharges.AsNoTracking().IgnoreQueryFilters()
            .FirstOrDefaultAsync(x => x.OrgId == org && x.IdempotencyKey == key, ct);
        if (c is null) return null;
        if (c.Fingerprint != fingerprint) throw BusinessException.Conflict(KeyReusedMessage);
        return c.State switch
        {
            OutsideStates.Live => new VendorCharged(c.ReplyData is null ? null : JsonNode.Parse(c.ReplyData),
                c.ReplyMessage ?? "操作成功", c.Id, c.BillId, Money.Normalize(c.Amount), true),
            OutsideStates.Failed => throw new BusinessException(c.ReplyMessage ?? c.FailureReason,
                c.ReplyCode ?? ErrorCodes.UpstreamFailed),
            _ => throw BusinessException.Conflict(InFlightMessage),
        };
    }
}
