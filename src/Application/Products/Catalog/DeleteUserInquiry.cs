using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Products.Catalog;

/// <summary><c>GET /product/delete_user_inquiry.dspy</c> 立即咨询删除 (operators and sales): soft delete. analysis §3.1.17.</summary>
public sealed record DeleteUserInquiry : ICommand<Reply<IdData>>
{
    /// <summary>Lead id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DeleteUserInquiryValidator : AbstractValidator<DeleteUserInquiry>
{
    public DeleteUserInquiryValidator() => RuleFor(x => x.Id).Required().MaxChars(32);
}

public sealed class DeleteUserInquiryHandler(IKbossDbContext db, CatalogAccess access, ICurrentUser user) : ICommandHandler<DeleteUserInquiry, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(DeleteUserInquiry c, CancellationToken ct)
    {
        var lead = await db.UserInquiries.FirstOrDefaultAsync(x => x.Id == c.Id!.Trim(), ct) ?? throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
        await access.EnsureAsync(lead.OrgId, ct);
        lead.DelFlg = DelFlag.Deleted;
        db.AuditEntries.Add(Audit.Entry(user, "catalog.inquiry.deleted", "user_inquiry", lead.Id, new { lead.UrlLink }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除成功", new IdData(lead.Id));
    }
}
