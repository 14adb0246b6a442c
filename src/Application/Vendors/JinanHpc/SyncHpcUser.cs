using System.Globalization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.JinanHpc;

/// <summary>
/// HPC-02 <c>GET /hpc/hpc_sync_user.dspy</c> 同步用户购买产品 (after-sales): pushes the purchase
/// <c>syncinfoid</c> of the caller's pool to the centre and charges it once (<see cref="HpcPurchaseSync"/>). The
/// other parameters are echoes of HPC-01 and must equal it (§6 #6; <c>quantity</c> a positive integer); the
/// customer must have a bound account. A synced purchase answers 该购买信息已同步 without a call or a charge.
/// <c>data</c> = <c>{syncinfoid, sync_status, amount}</c>. spec: 09-jinan-hpc.md; vendors.md §3.1, §5.4.
/// </summary>
public sealed record SyncHpcUser : ICommand<Reply<HpcSyncResult>>
{
    /// <summary>同步状态查询接口返回的参数: the purchase.</summary>
    public string? Syncinfoid { get; init; }
    /// <summary>用户orgid (echo).</summary>
    public string? Customerid { get; init; }
    /// <summary>产品id (echo).</summary>
    public string? Productid { get; init; }
    /// <summary>购买的产品数量 (echo).</summary>
    public string? Quantity { get; init; }
    /// <summary>ldap账号 (echo).</summary>
    public string? Ldapuid { get; init; }
    /// <summary>集群账号 (echo).</summary>
    public string? Clustercode { get; init; }
    /// <summary>队列账号 (echo).</summary>
    public string? Queuecode { get; init; }
    /// <summary>orgid (echo).</summary>
    public string? Orgid { get; init; }
    /// <summary>orgname (echo).</summary>
    public string? Orgname { get; init; }
}

public sealed class SyncHpcUserValidator : AbstractValidator<SyncHpcUser>
{
    public SyncHpcUserValidator()
    {
        RuleFor(x => x.Syncinfoid).Required().MaxChars(64);
        RuleFor(x => x.Quantity).Must(q => string.IsNullOrWhiteSpace(q) || int.TryParse(q.Trim(), out var n) && n > 0)
            .WithMessage("quantity必须是正整数");
        RuleFor(x => x.Customerid).MaxChars(64);
        RuleFor(x => x.Productid).MaxChars(64);
        RuleFor(x => x.Ldapuid).MaxChars(64);
        RuleFor(x => x.Clustercode).MaxChars(64);
        RuleFor(x => x.Queuecode).MaxChars(64);
        RuleFor(x => x.Orgid).MaxChars(64);
        RuleFor(x => x.Orgname).MaxChars(200);
    }
}

public sealed class SyncHpcUserHandler(IKbossDbContext db, JinanHpcService hpc, HpcPurchaseSync sync)
    : ICommandHandler<SyncHpcUser, Reply<HpcSyncResult>>
{
    public async ValueTask<Reply<HpcSyncResult>> Handle(SyncHpcUser c, CancellationToken ct)
    {
        var id = c.Syncinfoid.Trimmed();
        var row = await db.HpcSyncInfos.FirstOrDefaultAsync(s => s.Id == id, ct)
                  ?? throw BusinessException.NotFound(JinanHpcService.NotFoundMessage);
        if (row.OperatorOrgId != hpc.PoolOrgId && !hpc.IsAdmin)
            throw new ForbiddenException(JinanHpcService.ForbiddenMessage);
        var account = await hpc.BoundAsync(row.OrgId, ct);
        var names = await hpc.OrgNamesAsync([row.OrgId], ct);
        var shown = hpc.View(row, account, names);
        JinanHpcService.CheckEchoes(("customerid", c.Customerid, shown.Customerid),
            ("productid", c.Productid, shown.Productid),
            ("quantity", Normal(c.Quantity), shown.Quantity),
            ("ldapuid", c.Ldapuid, shown.Ldapuid), ("clustercode", c.Clustercode, shown.Clustercode),
            ("queuecode", c.Queuecode, shown.Queuecode), ("orgid", c.Orgid, shown.Orgid),
            ("orgname", c.Orgname, shown.Orgname));
        if (row.SyncStatus != Domain.Vendors.HpcSyncStates.Synced && account is null)
            throw BusinessException.NotFound("该用户未绑定超算账号,请先绑定");
        var outcome = await sync.SyncAsync(row, account!, ct);
        var result = new HpcSyncResult(row.Id, row.SyncStatus, row.Amount);
        return outcome.Done ? Reply.Ok(outcome.Message, result) : Reply.Fail(outcome.Message, outcome.Code!, result);
    }

    private static string? Normal(string? quantity) => quantity.TrimmedOrNull() is { } q
        ? int.Parse(q, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : null;
}
