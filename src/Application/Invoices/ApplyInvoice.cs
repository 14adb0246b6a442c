using FluentValidation;
using Kboss.Application.Approval;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Finance.Pricing;
using Kboss.Domain.Approval;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Invoices;

/// <summary>INV-05's reply.</summary>
/// <param name="Id">The application.</param>
/// <param name="ApvId">Its approval instance.</param>
/// <param name="Amount">Σ of the records, 元.</param>
public sealed record InvoiceApplied(string Id, string? ApvId, decimal Amount);

/// <summary>
/// INV-05 <c>POST /invoice/apv_invoice.dspy</c> 申请开票 (spec 19-invoice.md; finance.md §3.6, §4.8): applies for an
/// invoice over recharge records of customer <c>client_id</c>. The customer's invoice info must exist
/// (<c>请先完善客户发票信息</c>); every record must be one of the customer's (<c>充值记录不属于该客户</c>) and in no live
/// application (<c>充值记录已开票或正在审批中</c>; a unique index settles races). The amount is Σ of the records (never
/// the client's); the application keeps a snapshot of the info. Reserve (application + records, one save), then the
/// approval 申请开票 through <see cref="IApprovalHub"/> with no transaction open, then the <c>apv_id</c>; a refused send
/// frees the records and answers <c>发起审批失败: …</c>. <c>user_id</c>/<c>user_name</c> are the caller's; <c>maker</c>
/// is kept as given. The customer itself, the sales and operators of its owner org, admins.
/// </summary>
public sealed record ApplyInvoice : ApvBodyRequest, ICommand<Reply<InvoiceApplied>>
{
    /// <summary>orgid (informational: the customer's owner org's approval configuration is used).</summary>
    public string? Orgid { get; init; }
    /// <summary>发起人 (user id or org id; default: the caller).</summary>
    public string? Maker { get; init; }
    /// <summary>客户(机构)id.</summary>
    public string? ClientId { get; init; }
    /// <summary>当前登陆人的ID (the session's is used).</summary>
    public string? UserId { get; init; }
    /// <summary>当前登陆人的名字 (the session's is used).</summary>
    public string? UserName { get; init; }
    /// <summary>充值记录id: JSON array (or comma list), at most 200.</summary>
    public string? RechargeId { get; init; }
}

public sealed class ApplyInvoiceValidator : AbstractValidator<ApplyInvoice>
{
    public ApplyInvoiceValidator()
    {
        RuleFor(x => x.Orgid).MaxChars(32);
        RuleFor(x => x.Maker).MaxChars(32);
        RuleFor(x => x.ClientId).Required().MaxChars(32);
        RuleFor(x => x.UserId).MaxChars(32);
        RuleFor(x => x.UserName).MaxChars(100);
        RuleFor(x => x.RechargeId).Required().MaxChars(32 * 200 + 1000)
            .Must(v => PricingParams.Ids(v) is { Count: > 0 and <= 200 } ids && ids.All(i => i.Length <= 32))
            .WithMessage("recharge_id 格式错误");
    }
}

public sealed class ApplyInvoiceHandler(IKbossDbContext db, ICurrentUser user, InvoiceAccess access,
    RechargeRecords records, IApprovalHub hub) : ICommandHandler<ApplyInvoice, Reply<InvoiceApplied>>
{
    /// <summary>E_RECHARGE_USED.</summary>
    public const string UsedMessage = "充值记录已开票或正在审批中";

    public async ValueTask<Reply<InvoiceApplied>> Handle(ApplyInvoice c, CancellationToken ct)
    {
        var customer = await access.CustomerAsync(c.ClientId, allowSelf: true, ct);
        var info = await db.CustomerInvoiceInfos.AsNoTracking().FirstOrDefaultAsync(i => i.ClientId == customer.Id, ct)
                   ?? throw BusinessException.Conflict("请先完善客户发票信息");
        var ids = PricingParams.Ids(c.RechargeId);
        var chosen = await records.Of(customer.Id).Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Amount }).ToListAsync(ct);
        if (chosen.Count != ids.Count) throw BusinessException.NotFound("充值记录不属于该客户");
        if (await db.InvoiceApplicationItems.AnyAsync(i => i.Live && ids.Contains(i.RechargeId), ct))
            throw BusinessException.Conflict(UsedMessage);

        var orgId = customer.OwnerOrgId ?? customer.Id;
        var amount = chosen.Sum(x => x.Amount);
        var app = InvoiceApplication.Open(orgId, c.Maker.TrimmedOrNull() ?? user.UserId ?? "", customer.Id,
            user.UserId ?? "", user.Username ?? "", amount, chosen.Count,
            InvoiceInfoMapper.Snapshot(info, customer.Name)).OrThrow();
        db.InvoiceApplications.Add(app);
        db.InvoiceApplicationItems.AddRange(chosen.Select(x => InvoiceApplicationItem.Of(app.Id, x.Id, x.Amount)));
        db.AuditEntries.Add(Audit.Entry(user, "invoice.applied", "invoice_application", app.Id,
            new { client_id = customer.Id, amount, recharge_ids = ids }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(UsedMessage);
        }

        ApprovalStarted started;
        try
        {
            started = await hub.SendAsync(new ApprovalRequest(orgId, InvoiceApprovalHandler.Business, app.Id,
                new Dictionary<string, string> { ["client"] = customer.Name },
                new Dictionary<string, string>
                {
                    ["client"] = customer.Name, ["title"] = info.InvoiceTitle ?? "", ["tax_no"] = info.TaxNo ?? "",
                    ["amount"] = ApprovalTemplateText.Text(amount), ["count"] = chosen.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }, user.UserId, customer.Id), ct);
        }
        catch (BusinessException refused)
        {
            await SettleAsync(app.Id, a => a.SendFailed(refused.Message).OrThrow(), release: true, ct);
            return Reply.Fail(new Failure(FailureKind.Conflict, "发起审批失败: " + refused.Message),
                new InvoiceApplied(app.Id, null, amount)) with { Code = refused.Code };
        }
        await SettleAsync(app.Id, a => a.AwaitApproval(started.ApvId), release: false, ct);
        return Reply.Ok("操作成功", new InvoiceApplied(app.Id, started.ApvId, amount));
    }

    /// <summary>The confirm or compensate step: reloads the application (the hub shares the unit of work), changes
    /// it and, when <paramref name="release"/>, frees its records; one save.</summary>
    private async Task SettleAsync(string id, Action<InvoiceApplication> change, bool release, CancellationToken ct)
    {
        db.ClearChanges();
        var app = await db.InvoiceApplications.FirstAsync(a => a.Id == id, ct);
        change(app);
        if (release)
            foreach (var item in await db.InvoiceApplicationItems.Where(i => i.ApplicationId == id && i.Live).ToListAsync(ct))
                item.Release();
        await db.SaveChangesAsync(ct);
    }
}
