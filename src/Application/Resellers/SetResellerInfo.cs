using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Resellers;

/// <summary>
/// RSL-04 <c>GET /reseller/independent_info_add.dspy</c> 分销商独立信息添加 (spec 16-reseller.md; finance.md §3.4):
/// adds or changes a reseller's white-label info. <c>id</c>: its <c>reseller_table_id</c> or org id (the row is
/// created on first save); absent fields keep, empty clears. The domain is normalised (scheme, path, port dropped,
/// lower case; <c>域名格式错误</c>) and unique among live resellers (<c>域名已被使用</c>); links are http(s) or site paths.
/// Admin, operators of the owner org, the reseller's own users.
/// </summary>
public sealed record SetResellerInfo : ICommand<Reply<ResellerInfoView>>
{
    /// <summary>分销商表id (or the reseller org id).</summary>
    public string? Id { get; init; }
    /// <summary>分销商域名.</summary>
    public string? DomainName { get; init; }
    /// <summary>Logo URL.</summary>
    public string? Logo { get; init; }
    /// <summary>icp备案号.</summary>
    public string? LicenseNumber { get; init; }
    /// <summary>生产许可证图片地址.</summary>
    public string? License { get; init; }
}

public sealed class SetResellerInfoValidator : AbstractValidator<SetResellerInfo>
{
    public SetResellerInfoValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(32);
        RuleFor(x => x.DomainName).MaxChars(300);
        RuleFor(x => x.Logo).MaxChars(Reseller.LinkLength).SafeLink();
        RuleFor(x => x.LicenseNumber).MaxChars(100);
        RuleFor(x => x.License).MaxChars(Reseller.LinkLength).SafeLink();
    }
}

public sealed class SetResellerInfoHandler(IKbossDbContext db, ICurrentUser user, ResellerAccess resellers)
    : ICommandHandler<SetResellerInfo, Reply<ResellerInfoView>>
{
    public async ValueTask<Reply<ResellerInfoView>> Handle(SetResellerInfo c, CancellationToken ct)
    {
        var (org, row) = await resellers.FindAsync(c.Id, ct);
        resellers.EnsureCanManage(org);
        if (row is null)
        {
            row = Reseller.Open(org.Id);
            db.Resellers.Add(row);
        }
        row.Update(c.DomainName, c.Logo, c.LicenseNumber, c.License).OrThrow();
        var domain = row.DomainName;
        if (domain is not null && await db.Resellers.AsNoTracking().AnyAsync(r => r.DomainName == domain && r.Id != row.Id, ct))
            throw BusinessException.Conflict(Reseller.DomainTakenMessage);
        db.AuditEntries.Add(Audit.Entry(user, "reseller.info.saved", "reseller", row.Id,
            new { row.OrgId, row.DomainName, row.Logo, row.LicenseNumber, row.License }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(Reseller.DomainTakenMessage);
        }
        return Reply.Ok("操作成功", ResellerInfoView.Full(row));
    }
}
