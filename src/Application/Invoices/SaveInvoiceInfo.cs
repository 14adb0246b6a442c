using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Invoices;

/// <summary>
/// INV-02 <c>POST /invoice/save_user_invoice.dspy</c> 销售保存客户发票信息 (spec 19-invoice.md; finance.md §3.6, §4.8):
/// the first invoice info of customer <c>client_id</c> (one per customer: <c>该客户发票信息已存在,请修改</c>);
/// <c>title_type</c>, <c>invoice_type</c> 1 or 2 (default 1); a 专用发票 needs title, tax number, bank, account,
/// address and phone; a tax number is 15–20 letters or digits. Sales and operators of the customer's owner org.
/// </summary>
public sealed record SaveInvoiceInfo : InvoiceInfoFields, ICommand<Reply<InvoiceInfoView>>;

public sealed class SaveInvoiceInfoValidator : InvoiceInfoFieldsValidator<SaveInvoiceInfo>
{
    public SaveInvoiceInfoValidator() => RuleFor(x => x.ClientId).Required();
}

public sealed class SaveInvoiceInfoHandler(IKbossDbContext db, ICurrentUser user, InvoiceAccess access)
    : ICommandHandler<SaveInvoiceInfo, Reply<InvoiceInfoView>>
{
    private const string ExistsMessage = "该客户发票信息已存在,请修改";

    public async ValueTask<Reply<InvoiceInfoView>> Handle(SaveInvoiceInfo c, CancellationToken ct)
    {
        var client = await access.CustomerAsync(c.ClientId, allowSelf: false, ct);
        if (await db.CustomerInvoiceInfos.AnyAsync(i => i.ClientId == client.Id, ct))
            throw BusinessException.Conflict(ExistsMessage);
        var row = CustomerInvoiceInfo.Create(client.OwnerOrgId ?? client.Id, client.Id, user.UserId ?? "",
            InvoiceInfoMapper.Fields(c, null)).OrThrow();
        db.CustomerInvoiceInfos.Add(row);
        db.AuditEntries.Add(Audit.Entry(user, "invoice.info.saved", "customer_invoice_info", row.Id, row.Fields));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(ExistsMessage);
        }
        return Reply.Ok("保存成功", InvoiceInfoView.Of(client.Id, client.Name, row));
    }
}
