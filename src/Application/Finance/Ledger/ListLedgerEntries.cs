using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Ledger;

/// <summary>
/// <c>GET /finance/ledger_list.dspy</c> (kboss addition, ADR 0029): the balance movements of a customer org, newest
/// first, paged by <c>current_page</c> / <c>page_size</c> (default 20, at most 100). Same scope as
/// <see cref="GetBalance"/>.
/// </summary>
public sealed record ListLedgerEntries : IQuery<Reply<PageResult<LedgerEntryView>>>, IOrgScoped
{
    /// <summary>Customer org (default: the caller's).</summary>
    public string? Orgid { get; set; }
    /// <summary>1-based page.</summary>
    public string? CurrentPage { get; init; }
    /// <summary>Rows per page.</summary>
    public string? PageSize { get; init; }
}

/// <summary>A ledger entry on the wire (amounts in 元, signed: credit &gt; 0, debit &lt; 0).</summary>
public sealed record LedgerEntryView(string Id, string Orgid, decimal Amount, string Kind, decimal BalanceAfter,
    string Reference, string? Note, DateTime CreateAt)
{
    /// <summary>The view of <paramref name="e"/>.</summary>
    public static LedgerEntryView From(LedgerEntry e) => new(e.Id, e.CustomerOrgId, e.Amount,
        e.Kind.ToString().ToLowerInvariant(), e.BalanceAfter, e.Reference, e.Note, e.CreateAt);
}

public sealed class ListLedgerEntriesHandler(IKbossDbContext db)
    : IQueryHandler<ListLedgerEntries, Reply<PageResult<LedgerEntryView>>>
{
    /// <summary>Default page size.</summary>
    public const int DefaultPageSize = 20;

    public async ValueTask<Reply<PageResult<LedgerEntryView>>> Handle(ListLedgerEntries q, CancellationToken ct)
    {
        var page = Common.Models.CurrentPage.Parse(q.CurrentPage, q.PageSize, DefaultPageSize);
        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.CustomerOrgId == q.Orgid);
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(e => e.CreateAt).ThenByDescending(e => e.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return Reply.Ok("查询成功",
            new PageResult<LedgerEntryView>(total, page.Page, page.Size, rows.Select(LedgerEntryView.From).ToList()));
    }
}
