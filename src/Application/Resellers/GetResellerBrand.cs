using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Resellers;

/// <summary>
/// RSL-05 <c>GET /reseller/get_ipc_logo.dspy</c> 查找logo_ipc信息 (spec 16-reseller.md; finance.md §3.4): exactly one
/// parameter. Scenario 1, anyone (page start): <c>url_link</c> → its host (the one after <c>/domain/</c>, else the
/// address's) → the live reseller of that domain → <c>status:true</c> with the public fields only (domain, logo, ICP
/// number, licence); none → <c>status:false</c> (the page keeps the platform branding). Scenario 2, managers of the
/// reseller: <c>reseller_table_id</c> → true with every field when a domain was added, else false.
/// </summary>
public sealed record GetResellerBrand : IQuery<Reply<ResellerInfoView>>
{
    /// <summary>The page address.</summary>
    public string? UrlLink { get; init; }
    /// <summary>分销商表id (or the reseller org id).</summary>
    public string? ResellerTableId { get; init; }
}

public sealed class GetResellerBrandValidator : AbstractValidator<GetResellerBrand>
{
    public GetResellerBrandValidator()
    {
        RuleFor(x => x.UrlLink).MaxChars(2000);
        RuleFor(x => x.ResellerTableId).MaxChars(32);
        RuleFor(x => x.UrlLink)
            .Must((x, v) => string.IsNullOrWhiteSpace(v) != string.IsNullOrWhiteSpace(x.ResellerTableId))
            .WithMessage("url_link和reseller_table_id必须且只能传一个");
    }
}

public sealed class GetResellerBrandHandler(IKbossDbContext db, ICurrentUser user, ResellerAccess resellers)
    : IQueryHandler<GetResellerBrand, Reply<ResellerInfoView>>
{
    public async ValueTask<Reply<ResellerInfoView>> Handle(GetResellerBrand q, CancellationToken ct)
    {
        if (q.UrlLink.TrimmedOrNull() is { } link)
        {
            var host = Reseller.HostOfLink(link);
            var row = host is null ? null
                : await db.Resellers.AsNoTracking().FirstOrDefaultAsync(r => r.DomainName == host, ct);
            return row is null ? Reply.Fail<ResellerInfoView>("未找到该域名的分销商信息", ErrorCodes.NotFound)
                : Reply.Ok("查询成功", ResellerInfoView.Public(row));
        }
        if (!user.IsAuthenticated) throw new UnauthenticatedException();
        var (org, found) = await resellers.FindAsync(q.ResellerTableId, ct);
        resellers.EnsureCanManage(org);
        return found?.DomainName is null ? Reply.Fail<ResellerInfoView>("该分销商未添加域名", ErrorCodes.NotFound)
            : Reply.Ok("查询成功", ResellerInfoView.Full(found));
    }
}
