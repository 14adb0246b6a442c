using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Invoices;

/// <summary>
/// INV-03 <c>POST /invoice/update_user_invoice.dspy</c> 销售修改客户发票信息 (spec 19-invoice.md; finance.md §3.6):
/// changes the info <c>id</c> (<c>发票信息不存在</c>): given fields replace (empty clears), absent ones keep, under the
/// rules of INV-02; its customer cannot change. Applications already made keep their snapshot.
/// </summary>
public sealed record UpdateInvoiceInfo : InvoiceInfoFields, ICommand<Reply<InvoiceInfoView>>, IByIdRequest
{
    /// <summary>发票信息id.</summary>
    public string? Id { get; init; }
}

public sealed class UpdateInvoiceInfoValidator : InvoiceInfoFieldsValidator<UpdateInvoiceInfo>
{
    public UpdateInvoiceInfoValidator() => RuleFor(x => x.Id).Required().MaxChars(32);
}

public sealed class UpdateInvoiceInfoHandler(IKbossDbContext db, ICurrentUser user, InvoiceAccess access)
    : ICommandHandler<UpdateInvoiceInfo, Reply<InvoiceInfoView>>
{
    public async ValueTask<Reply<InvoiceInfoView>> Handle(UpdateInvoiceInfo c, CancellationToken ct)
    {
        var id = c.Id.Trimmed();
        var row = await db.CustomerInvoiceInfos.FirstOrDefaultAsync(i => i.Id == id, ct)
                  ?? throw BusinessException.NotFound("发票信息不存在");
        var client = await access.CustomerAsync(row.ClientId, allowSelf: false, ct);
        if (c.ClientId.TrimmedOrNull() is { } named && named != row.ClientId)
            throw RequestValidationException.For("client_id", "不能修改发票信息所属客户");
        row.Update(user.UserId ?? "", InvoiceInfoMapper.Fields(c, row.Fields)).OrThrow();
        db.AuditEntries.Add(Audit.Entry(user, "invoice.info.updated", "customer_invoice_info", row.Id, row.Fields));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("修改成功", InvoiceInfoView.Of(client.Id, client.Name, row));
    }
}
