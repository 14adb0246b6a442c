using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>
/// W1 <c>POST /dev/cpcc/cpcwidget/add_cpcwidget.dspy</c>: creates a widget of a centre with stock in one cluster, or,
/// with <c>add_opt=yes</c>, adds <c>stock</c> to the existing widget's entry for <c>clusterid</c> (a negative amount
/// corrects stock down, never below what is consumed). A widget is unique per (cpcid, type, model): adding it again
/// with <c>add_opt=no</c> → <c>该部件已存在,请前往编辑!</c>. Stock increments are one conditional UPDATE, so parallel
/// adds lose nothing. Units of <c>stock</c>: cpu 核, memory Mi, disk Gi, gpu 卡.
/// spec: 41-cpcc-widgets-pricing.md; analysis/cpcc.md §3.E W1, §4.2.
/// </summary>
public sealed record AddWidget : ICommand<Reply<WidgetEcho>>
{
    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
    /// <summary>算力集群id holding the stock; must belong to the centre.</summary>
    public string? Clusterid { get; init; }
    /// <summary>cpu / memory / disk / gpu.</summary>
    public string? Type { get; init; }
    /// <summary>Display unit (核, Mi, Gi, 卡, …).</summary>
    public string? ResourceUnit { get; init; }
    /// <summary>Unit price (decimal ≥ 0, ≤ 6 decimals) in account_unit per resource unit per charge_unit.</summary>
    public string? UnitPrice { get; init; }
    /// <summary>Model, default STANDARD.</summary>
    public string? Model { get; init; }
    /// <summary>Stock to put into the cluster (integer; negative only with add_opt=yes).</summary>
    public string? Stock { get; init; }
    /// <summary>小时 / 分钟 / 秒 / 天.</summary>
    public string? ChargeUnit { get; init; }
    /// <summary>元 / 角 / 分.</summary>
    public string? AccountUnit { get; init; }
    /// <summary><c>no</c> (default) or <c>yes</c> (add stock to an existing widget).</summary>
    public string? AddOpt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal bool AddsStock => AddOpt.Trimmed() == "yes";
    [System.Text.Json.Serialization.JsonIgnore]
    internal string TypeName => Type.Trimmed();
    [System.Text.Json.Serialization.JsonIgnore]
    internal string ModelName => Model.TrimmedOrNull() ?? WidgetTypes.DefaultModel;
    [System.Text.Json.Serialization.JsonIgnore]
    internal decimal Price => decimal.Parse(UnitPrice.Trimmed(), System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class AddWidgetValidator : AbstractValidator<AddWidget>
{
    public AddWidgetValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Clusterid).Required();
        RuleFor(x => x.Type).Required().OneOf(WidgetFields.Types);
        RuleFor(x => x.ResourceUnit).Required().MaxChars(20);
        RuleFor(x => x.UnitPrice).Required().OptionalDecimal(0m, 6);
        RuleFor(x => x.Model).MaxChars(100);
        RuleFor(x => x.Stock).OptionalInt();
        RuleFor(x => x.Stock)
            .Must(s => !RuleExtensions.TryInt(s, out var n) || Math.Abs(n) <= WidgetClusterStock.MaxStock)
            .WithMessage($"stock 绝对值不能超过 {WidgetClusterStock.MaxStock}");
        RuleFor(x => x.Stock).Must((x, s) => x.AddsStock || !RuleExtensions.TryInt(s, out var n) || n >= 0)
            .WithMessage("stock 必须是不小于 0 的整数");
        RuleFor(x => x.ChargeUnit).Required().OneOf(WidgetFields.ChargeUnits);
        RuleFor(x => x.AccountUnit).Required().OneOf(WidgetFields.AccountUnits);
        RuleFor(x => x.AddOpt).OneOf(WidgetFields.AddOpts);
    }
}

public sealed class AddWidgetHandler(IKbossDbContext db, OrgAccess access, ICurrentUser user, TimeProvider clock,
    WidgetCatalog catalog, IWidgetStockStore stockStore) : ICommandHandler<AddWidget, Reply<WidgetEcho>>
{
    private const int Attempts = 5;

    public async ValueTask<Reply<WidgetEcho>> Handle(AddWidget c, CancellationToken ct)
    {
        var cpcid = c.Cpcid.Trimmed();
        var clusterId = c.Clusterid.Trimmed();
        RuleExtensions.TryInt(c.Stock, out var amount);

        // Creation and stock rows race with other requests; a unique violation means someone else won: retry.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The widget with its entries, the centre's org and the cluster's centre in one read (the stock add is
                // the hot path); without the widget, the centre and the cluster alone. The refusals in the order of
                // CenterGuard.LoadManageableAsync, then the cluster's, then the widget's.
                var target = await stockStore.FindAsync(cpcid, clusterId, c.TypeName, c.ModelName, ct);
                var (orgId, clusterCpcid) = target is not null
                    ? (target.OrgId, target.ClusterCpcid)
                    : await FindCenterAndClusterAsync(cpcid, clusterId, ct);
                if (orgId is null) throw BusinessException.NotFound(CenterGuard.NotFoundMessage);
                await access.EnsureCanActOnAsync(orgId, "无权操作该算力中心", ct);
                if (clusterCpcid is null) throw BusinessException.NotFound("算力集群不存在");
                if (clusterCpcid != cpcid) throw BusinessException.Conflict("该算力集群不属于该算力中心");

                WidgetEcho? echo;
                string widgetId;
                if (target is null) (widgetId, echo) = (await CreateAsync(c, cpcid, clusterId, amount, ct), null);
                else if (!c.AddsStock) throw BusinessException.Conflict("该部件已存在,请前往编辑!");
                else (widgetId, echo) = (target.WidgetId, await AddStockAsync(target, clusterId, amount, ct));

                catalog.Invalidate(cpcid);
                echo ??= WidgetEcho.From(await db.Widgets.AsNoTracking().Include(w => w.Stocks).ThenInclude(s => s.Cluster)
                    .FirstOrDefaultAsync(w => w.Id == widgetId, ct) ?? throw BusinessException.NotFound(WidgetFields.NotFoundMessage));
                return Reply.Ok("新增算力部件成功", echo);
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e))
            {
                if (attempt >= Attempts) throw BusinessException.Conflict("部件正被并发修改,请稍后重试");
                // lost a race on the (cpcid, type, model) or (widget, cluster) unique index: forget and look again
                db.ClearChanges();
            }
        }
    }

    /// <summary>The centre's org (null: no centre) and the centre of the cluster (null: no cluster), one round trip.</summary>
    private async Task<(string? OrgId, string? ClusterCpcid)> FindCenterAndClusterAsync(string cpcid, string clusterId,
        CancellationToken ct)
    {
        var found = await db.ComputeCenters.AsNoTracking().Where(x => x.Id == cpcid)
            .Select(x => new
            {
                x.OrgId,
                ClusterCpcid = db.Clusters.Where(k => k.Id == clusterId).Select(k => k.Cpcid).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return (found?.OrgId, found?.ClusterCpcid);
    }

    private async Task<string> CreateAsync(AddWidget c, string cpcid, string clusterId, long amount, CancellationToken ct)
    {
        var widget = Widget.Create(cpcid, c.TypeName, c.ModelName, c.ResourceUnit.Trimmed(), c.Price,
            c.ChargeUnit.Trimmed(), c.AccountUnit.Trimmed(), clusterId, amount).OrThrow();
        db.Widgets.Add(widget);
        db.AuditEntries.Add(Audit.Entry(user, "cpcc.widget.created", "widget", widget.Id,
            new
            {
                cpcid, widget.Type, widget.Model, widget.UnitPrice, widget.ChargeUnit, widget.AccountUnit,
                clusterid = clusterId, stock = amount,
            }));
        await db.SaveChangesAsync(ct);
        return widget.Id;
    }

    /// <summary>
    /// <see cref="IWidgetStockStore.TryAddAsync"/> (one conditional UPDATE under the entry's rule, so parallel adds
    /// lose nothing; its own unit of work). When it hits no row, a transaction tries
    /// <see cref="IWidgetStockStore.TryAdjustAsync"/> again (the entry may have changed meanwhile) and otherwise
    /// refuses the entry as the entity would, or opens it with WidgetClusterStock.Open. Returns the echo built
    /// from <paramref name="target"/> as read before the write plus this add, or null when it must be read again (an
    /// entry opened, or the read was stale).
    /// </summary>
    private async Task<WidgetEcho?> AddStockAsync(StockAddTarget target, string clusterId, long amount, CancellationToken ct)
    {
        var widgetId = target.WidgetId;
        var now = clock.GetUtcNow().UtcDateTime;
        var audit = Audit.Entry(user, "cpcc.widget.stock_added", "widget", widgetId, new { clusterid = clusterId, stock = amount });
        if (await stockStore.TryAddAsync(widgetId, clusterId, amount, now, audit, ct))
            return target.EchoAfterAdding(clusterId, amount, now);
        await using (var tx = await db.BeginTransactionAsync(ct))
        {
            if (!await stockStore.TryAdjustAsync(widgetId, clusterId, amount, now, audit, ct))
            {
                if (!await db.Widgets.AnyAsync(w => w.Id == widgetId, ct)) throw BusinessException.NotFound(WidgetFields.NotFoundMessage);
                if (await db.WidgetClusterStocks.AnyAsync(s => s.WidgetId == widgetId && s.ClusterId == clusterId, ct))
                    throw WidgetClusterStock.AdjustRefusal(amount).ToException();
                db.WidgetClusterStocks.Add(WidgetClusterStock.Open(widgetId, clusterId, amount).OrThrow());
                await db.Widgets.Where(w => w.Id == widgetId).ExecuteUpdateAsync(u => u.SetProperty(w => w.UpdateTime, now), ct);
                db.AuditEntries.Add(audit);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return null;
            }
            await tx.CommitAsync(ct);
        }
        return target.EchoAfterAdding(clusterId, amount, now);
    }
}
