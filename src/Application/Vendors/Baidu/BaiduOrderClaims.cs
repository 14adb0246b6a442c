using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Vendors.Baidu;

/// <summary>
/// Claims the one <see cref="BaiduOrderAction"/> of an order and action (unique), so a refund confirmation or cancel
/// reaches Baidu once at a time: a new row, or a <c>failed</c> one taken again, is the caller's to send; a
/// <c>pending</c> one (a call out, or an answer lost) is sent again (Baidu's confirm and cancel of an order already
/// confirmed or cancelled succeed, and the money side is keyed by the order); a <c>done</c> one is a replay.
/// </summary>
public sealed class BaiduOrderClaims(IKbossDbContext db, ICurrentUser user)
{
    /// <summary>The tracked action row, and whether it was already done.</summary>
    public async Task<(BaiduOrderAction Action, bool Done)> ClaimAsync(string orderId, string action,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await db.BaiduOrderActions.FirstOrDefaultAsync(a => a.OrderId == orderId && a.Action == action, ct);
            if (row is not null)
            {
                if (row.Status == BaiduOrderAction.Done) return (row, true);
                row.Status = BaiduOrderAction.Pending;
                row.UserId = user.UserId ?? "";
                await db.SaveChangesAsync(ct);
                return (row, false);
            }
            row = new BaiduOrderAction { OrderId = orderId, Action = action, UserId = user.UserId ?? "" };
            db.BaiduOrderActions.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
                return (row, false);
            }
            catch (DbUpdateException e) when (db.IsUniqueViolation(e) && attempt < 3)
            {
                db.ClearChanges();
            }
        }
    }

    /// <summary>Records Baidu's answer: refused → <c>failed</c> (may be tried again); unknown → stays
    /// <c>pending</c> for the order sync.</summary>
    public async Task FailedAsync(BaiduOrderAction action, VendorResult<System.Text.Json.Nodes.JsonNode?> answer)
    {
        action.VendorRequestId = answer.RequestId;
        if (!answer.OutcomeUnknown) action.Status = BaiduOrderAction.Failed;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
