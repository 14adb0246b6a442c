using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Resellers;

/// <summary>
/// RSL-03 <c>GET /product/discount_guanli_shan.dspy</c> 分销商折扣底价删除 (spec 16-reseller.md; finance.md §3.4):
/// soft-deletes the child row <c>zi_biao_id</c> (from RSL-02) of a seller→reseller protocol; the product then shows
/// under RSL-02 <c>flag=0</c>. Only reseller rows (other protocols' rows: <c>配置不存在</c>); deleting twice: not found;
/// the caller must act on the seller org.
/// </summary>
public sealed record DeleteResellerPrice : ICommand<Reply<string>>
{
    /// <summary>子表id.</summary>
    public string? ZiBiaoId { get; init; }
}

public sealed class DeleteResellerPriceValidator : AbstractValidator<DeleteResellerPrice>
{
    public DeleteResellerPriceValidator() => RuleFor(x => x.ZiBiaoId).Required().MaxChars(32);
}

public sealed class DeleteResellerPriceHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs)
    : ICommandHandler<DeleteResellerPrice, Reply<string>>
{
    private const string NotFoundMessage = "配置不存在";

    public async ValueTask<Reply<string>> Handle(DeleteResellerPrice c, CancellationToken ct)
    {
        var id = c.ZiBiaoId.Trimmed();
        var row = await db.ProductSaleConfigs.FirstOrDefaultAsync(r => r.Id == id, ct)
                  ?? throw BusinessException.NotFound(NotFoundMessage);
        var protocol = await db.SaleProtocols.AsNoTracking().Where(s => s.Id == row.ProtocolId
                               && db.Organizations.Any(o => o.Id == s.BidOrgid && o.Kind == OrgKind.Reseller))
                           .Select(s => new { s.OfferOrgid, s.BidOrgid }).FirstOrDefaultAsync(ct)
                       ?? throw BusinessException.NotFound(NotFoundMessage);
        await orgs.EnsureCanActOnAsync(protocol.OfferOrgid, "无权删除该配置", ct);
        row.MarkDeleted();
        db.AuditEntries.Add(Audit.Entry(user, "reseller.price.deleted", "product_sale_config", id,
            new { protocol.OfferOrgid, protocol.BidOrgid, row.ProductId }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("删除成功", id);
    }
}
