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

/// <summary><c>GET /product/update_user_inquiry.dspy</c> 立即咨询更新 (operators and sales): sets <c>feedback</c> 0/1. analysis §3.1.16.</summary>
public sealed record UpdateUserInquiry : ICommand<Reply<IdData>>
{
    /// <summary>Lead id (required).</summary>
    public string? Id { get; init; }
    /// <summary>销售回访状态: 1 once followed up (required).</summary>
    public string? Feedback { get; init; }
}

public sealed class UpdateUserInquiryValidator : AbstractValidator<UpdateUserInquiry>
{
    public UpdateUserInquiryValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(32);
        RuleFor(x => x.Feedback).Required().OneOf(MarketplaceValues.Flags);
    }
}

public sealed class UpdateUserInquiryHandler(IKbossDbContext db, CatalogAccess access, ICurrentUser user) : ICommandHandler<UpdateUserInquiry, Reply<IdData>>
{
    public async ValueTask<Reply<IdData>> Handle(UpdateUserInquiry c, CancellationToken ct)
    {
        var lead = await db.UserInquiries.FirstOrDefaultAsync(x => x.Id == c.Id.Trimmed(), ct)
                   ?? throw BusinessException.NotFound(CatalogAccess.NotFoundMessage);
        await access.EnsureCanActOnAsync(lead.OrgId, ct);
        lead.Feedback = c.Feedback.Trimmed();
        db.AuditEntries.Add(Audit.Entry(user, "catalog.inquiry.updated", "user_inquiry", lead.Id, new { lead.Feedback }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("更新成功", new IdData(lead.Id));
    }
}
