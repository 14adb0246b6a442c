using FluentValidation;
using Kboss.Application.Approval;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Invoices;

/// <summary>
/// INV-01 <c>POST /invoice/get_user_invoice.dspy</c> 销售获取名下客户发票信息 (spec 19-invoice.md; finance.md §3.6):
/// every customer of the salesperson <c>user_id</c> (default: the caller; see <see cref="InvoiceAccess.SalesAsync"/>)
/// with its invoice info, null fields where none was saved yet; by name, at most 1000.
/// </summary>
public sealed record ListInvoiceInfos : ApvBodyRequest, IQuery<Reply<IReadOnlyList<InvoiceInfoView>>>
{
    /// <summary>销售user_id.</summary>
    public string? UserId { get; init; }
}

public sealed class ListInvoiceInfosValidator : AbstractValidator<ListInvoiceInfos>
{
    public ListInvoiceInfosValidator() => RuleFor(x => x.UserId).MaxChars(32);
}

public sealed class ListInvoiceInfosHandler(IKbossDbContext db, InvoiceAccess access)
    : IQueryHandler<ListInvoiceInfos, Reply<IReadOnlyList<InvoiceInfoView>>>
{
    public async ValueTask<Reply<IReadOnlyList<InvoiceInfoView>>> Handle(ListInvoiceInfos q, CancellationToken ct)
    {
        var sales = await access.SalesAsync(q.UserId, ct);
        var customers = await db.Organizations.AsNoTracking()
            .Where(o => o.OwnerOrgId == sales.OrgId && o.Kind == OrgKind.Customer)
            .OrderBy(o => o.Name).ThenBy(o => o.Id).Take(1000).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var ids = customers.Select(c => c.Id).ToList();
        var infos = await db.CustomerInvoiceInfos.AsNoTracking().Where(i => ids.Contains(i.ClientId))
            .ToDictionaryAsync(i => i.ClientId, ct);
        var rows = customers.Select(c => InvoiceInfoView.Of(c.Id, c.Name, infos.GetValueOrDefault(c.Id))).ToList();
        return Reply.Ok("查询成功", (IReadOnlyList<InvoiceInfoView>)rows);
    }
}
