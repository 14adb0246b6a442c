using FluentValidation;
using Kboss.Application.Common.Validation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Messages;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary>
/// <c>POST /lease/expiration_warning.dspy</c> 到期警告, also the daily job <c>LeaseExpiryWarning</c> (lease.md §5 J2):
/// every active bill with 0 ≤ end − today ≤ <c>Lease:WarningDays</c> (platform date, §4.12) warns its customer once
/// (ADR 0036: one warning per bill and recipient, recorded in <c>lease_warning</c> before the in-site message
/// <c>租赁到期提醒</c> goes out through <see cref="SendMessage"/>). <c>as_of</c> runs it for a later day (only with
/// <c>Lease:AllowRunAsOf</c>, ADR 0039). Replies <c>{"warned_bills", "messages"}</c>.
/// spec: 15-server-lease.md; lease.md §3A.13.
/// </summary>
public sealed record SendLeaseExpiryWarnings : LeaseBodyRequest, ICommand<Reply<LeaseWarningResult>>
{
    /// <summary>The day treated as today (only with <c>Lease:AllowRunAsOf</c>, ADR 0039).</summary>
    public string? AsOf { get; init; }
}

public sealed class SendLeaseExpiryWarningsValidator : AbstractValidator<SendLeaseExpiryWarnings>
{
    public SendLeaseExpiryWarningsValidator() => RuleFor(x => x.AsOf).OptionalDate();
}

/// <summary>What a warning run sent.</summary>
public sealed record LeaseWarningResult(int WarnedBills, int Messages);

public sealed class SendLeaseExpiryWarningsHandler(IKbossDbContext db, LeaseClock clock, LeaseSettings settings,
    IMediator mediator) : ICommandHandler<SendLeaseExpiryWarnings, Reply<LeaseWarningResult>>
{
    /// <summary>Message type (template code) of the warning.</summary>
    public const string MsgType = "租赁到期提醒";

    public async ValueTask<Reply<LeaseWarningResult>> Handle(SendLeaseExpiryWarnings c, CancellationToken ct)
    {
        var today = clock.RunDate(c.AsOf, settings);
        var last = today.AddDays(settings.WarningDays);
        var due = await db.LeaseBills.AsNoTracking()
            .Where(b => b.Status == LeaseBillStatus.Active && b.EndDate >= today && b.EndDate <= last)
            .Where(b => !db.LeaseWarnings.Any(w => w.BillId == b.Id && w.UserId == b.UserId))
            .OrderBy(b => b.EndDate).ToListAsync(ct);
        var (bills, messages) = (0, 0);
        foreach (var bill in due)
        {
            if (!await RecordAsync(bill, today, ct)) continue;
            bills++;
            var left = LeaseDates.DaysLeft(bill.EndDate, today);
            var sent = await mediator.Send(new SendMessage(MsgType, "服务器租赁到期提醒",
                left == 0 ? "您的服务器租赁账单${bill_id}今日到期(${end_date}),请及时续费。"
                    : "您的服务器租赁账单${bill_id}将于${end_date}到期(剩余${days}天),请及时续费。",
                new Dictionary<string, string>
                {
                    ["bill_id"] = bill.Id, ["end_date"] = bill.EndDate.ToString("yyyy-MM-dd"),
                    ["days"] = left.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }) { ReceiverId = bill.UserId }, ct);
            messages += sent.Delivered;
        }
        return Reply.Ok("到期警告发送成功", new LeaseWarningResult(bills, messages));
    }

    /// <summary>Records the warning; false when a parallel run recorded it first.</summary>
    private async Task<bool> RecordAsync(LeaseBill bill, DateOnly today, CancellationToken ct)
    {
        db.ClearChanges();
        db.LeaseWarnings.Add(new LeaseWarning
            { BillId = bill.Id, UserId = bill.UserId, WarnDate = today, DaysLeft = LeaseDates.DaysLeft(bill.EndDate,
                today) });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.ClearChanges();
            return false;
        }
    }
}
