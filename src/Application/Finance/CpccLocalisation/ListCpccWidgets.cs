using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc;
using Kboss.Application.Cpcc.Widgets;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.CpccLocalisation;

/// <summary>One widget of a centre for product configuration and the purchase page.</summary>
/// <param name="Id">Widget id.</param>
/// <param name="Cpcid">Centre.</param>
/// <param name="Type">cpu / memory / disk / gpu.</param>
/// <param name="Model">Model.</param>
/// <param name="UnitPrice">List price per unit and charge period.</param>
/// <param name="ResourceUnit">Display unit.</param>
/// <param name="ChargeUnit">小时 / 分钟 / 秒 / 天.</param>
/// <param name="AccountUnit">元 / 角 / 分.</param>
/// <param name="Available">Stock not consumed, all clusters.</param>
public sealed record CpccWidgetRow(string Id, string Cpcid, string Type, string Model, decimal UnitPrice,
    string ResourceUnit, string ChargeUnit, string AccountUnit, long Available);

/// <summary>CPC-03 reply: the widgets and the distinct models per type (drop-downs).</summary>
/// <param name="Rows">Widgets by type, then model.</param>
/// <param name="Models">type → models.</param>
public sealed record CpccWidgetTypes(IReadOnlyList<CpccWidgetRow> Rows,
    IReadOnlyDictionary<string, List<string>> Models);

/// <summary>
/// CPC-03 <c>GET /provider/get_cpcc_widget.dspy</c> 获取部件类型: the widgets of centre <c>cpcid</c>, optionally of one
/// <c>type</c> (gpu/cpu/disk/memory, else <c>type参数错误</c>). Seen by those who manage the centre and by customers of
/// the centre's org (the purchase page). spec: 11-provider-cpcc-localization.md; finance.md §3.3 CPC-03.
/// </summary>
public sealed record ListCpccWidgets : IQuery<Reply<CpccWidgetTypes>>
{
    /// <summary>算力中心ID.</summary>
    public string? Cpcid { get; init; }
    /// <summary>gpu/cpu/disk/memory.</summary>
    public string? Type { get; init; }
}

public sealed class ListCpccWidgetsValidator : AbstractValidator<ListCpccWidgets>
{
    public ListCpccWidgetsValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID").MaxChars(32);
        RuleFor(x => x.Type).Must(t => string.IsNullOrWhiteSpace(t) || WidgetTypes.IsValid(t.Trim()))
            .WithMessage("type参数错误");
    }
}

public sealed class ListCpccWidgetsHandler(IKbossDbContext db, WidgetCatalog widgets, OrgAccess access,
    ICurrentUser user) : IQueryHandler<ListCpccWidgets, Reply<CpccWidgetTypes>>
{
    public async ValueTask<Reply<CpccWidgetTypes>> Handle(ListCpccWidgets q, CancellationToken ct)
    {
        var cpcid = q.Cpcid.Trimmed();
        var orgId = await db.ComputeCenters.AsNoTracking().Where(c => c.Id == cpcid).Select(c => c.OrgId)
                        .FirstOrDefaultAsync(ct) ?? throw BusinessException.NotFound(CenterGuard.NotFoundMessage);
        var customerOf = await db.Organizations.AsNoTracking()
            .AnyAsync(o => o.Id == user.OrgId && o.OwnerOrgId == orgId, ct);
        if (!customerOf) await access.EnsureCanActOnAsync(orgId, "无权查看该算力中心的部件", ct);
        var type = q.Type.TrimmedOrNull();
        var rows = (await widgets.GetAsync(cpcid, ct)).Where(w => type is null || w.Type == type)
            .OrderBy(w => w.Type, StringComparer.Ordinal).ThenBy(w => w.Model, StringComparer.Ordinal)
            .Select(w => new CpccWidgetRow(w.Id, w.Cpcid, w.Type, w.Model, w.UnitPrice, WidgetTypes.QuoteUnit(w.Type),
                w.ChargeUnit, w.AccountUnit, w.Available(null)))
            .ToList();
        var models = rows.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Select(r => r.Model).ToList());
        return Reply.Ok("获取部件类型成功", new CpccWidgetTypes(rows, models));
    }
}
