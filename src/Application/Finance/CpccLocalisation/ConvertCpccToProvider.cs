using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.CpccLocalisation;

/// <summary>What CPC-02 created.</summary>
/// <param name="Providerid">The provider.</param>
/// <param name="Orgid">The provider org.</param>
/// <param name="Protocolid">The provider → operator sale protocol.</param>
public sealed record CpccProviderCreated(string Providerid, string Orgid, string Protocolid);

/// <summary>
/// CPC-02 <c>GET /provider/cpccProviderAdd.dspy</c> 算力中心转供应商: turns centre <c>orgcode</c> (= cpccid) of org
/// <c>orgid</c> into a provider, in one transaction: a provider org (<c>orgname</c> = <c>name</c>, default the centre's
/// name; owned by <c>orgid</c>; profile <c>orgcode</c> = cpccid), the provider (state 1, salemode 0) and its sale
/// protocol with <c>orgid</c> (salemode 0, from today). A centre converts once (<c>该算力中心已转换为供应商</c>,
/// conflict; a unique index settles parallel requests); org names are unique (<c>机构名称已存在…</c>).
/// spec: 11-provider-cpcc-localization.md; finance.md §3.3 CPC-02.
/// </summary>
public sealed record ConvertCpccToProvider : ICommand<Reply<CpccProviderCreated>>, IOrgScoped
{
    /// <summary>等于cpccname.</summary>
    public string? Name { get; init; }
    /// <summary>等于cpccid.</summary>
    public string? Orgcode { get; init; }
    /// <summary>机构id.</summary>
    public string? Orgid { get; set; }
}

public sealed class ConvertCpccToProviderValidator : AbstractValidator<ConvertCpccToProvider>
{
    public ConvertCpccToProviderValidator()
    {
        RuleFor(x => x.Orgcode).Required().MaxChars(32);
        RuleFor(x => x.Name).MaxChars(100);
    }
}

public sealed class ConvertCpccToProviderHandler(IKbossDbContext db, CenterGuard guard, ICurrentUser user,
    TimeProvider clock, IPlatformSettings platform)
    : ICommandHandler<ConvertCpccToProvider, Reply<CpccProviderCreated>>
{
    /// <summary>The centre is a provider already.</summary>
    public const string ConvertedMessage = "该算力中心已转换为供应商";
    /// <summary>An org of that name exists (org names are unique).</summary>
    public const string NameTakenMessage = "机构名称已存在,请换一个供应商名称";

    public async ValueTask<Reply<CpccProviderCreated>> Handle(ConvertCpccToProvider c, CancellationToken ct)
    {
        var center = await guard.LoadManageableAsync(c.Orgcode!, track: false, ct);
        if (center.OrgId != c.Orgid) throw BusinessException.NotFound(CenterGuard.NotFoundMessage);
        if (await db.CpccProviderLinks.AnyAsync(l => l.Cpcid == center.Id, ct))
            throw BusinessException.Conflict(ConvertedMessage);
        var name = c.Name.TrimmedOrNull() ?? center.Name;
        if (await db.Organizations.AnyAsync(o => o.Name == name, ct))
            throw BusinessException.Conflict(NameTakenMessage);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime,
            platform.TimeZone));
        var org = new Organization { Name = name, Kind = OrgKind.Provider, OwnerOrgId = center.OrgId };
        var provider = new Provider
        {
            OrgId = org.Id, Name = name, Prefix = "cpcc", State = "1", SaleMode = SaleModes.Discount, StartDate = today,
        };
        var protocol = new SaleProtocol
        {
            OfferOrgid = org.Id, BidOrgid = center.OrgId, Salemode = SaleModes.Discount, StartDate = today,
            UserId = user.UserId ?? "",
        };
        db.Organizations.Add(org);
        db.OrgProfiles.Add(new OrgProfile { OrgId = org.Id, Orgcode = center.Id });
        db.Providers.Add(provider);
        db.SaleProtocols.Add(protocol);
        db.CpccProviderLinks.Add(new CpccProviderLink
        {
            Cpcid = center.Id, OrgId = center.OrgId, ProviderOrgId = org.Id, ProviderId = provider.Id,
            ProtocolId = protocol.Id,
        });
        db.AuditEntries.Add(Audit.Entry(user, "finance.cpcc_provider.created", "provider", provider.Id,
            new { cpcid = center.Id, orgid = center.OrgId, name }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.ClearChanges();
            throw BusinessException.Conflict(await db.CpccProviderLinks.AnyAsync(l => l.Cpcid == center.Id, ct)
                ? ConvertedMessage : NameTakenMessage);
        }
        return Reply.Ok("操作成功", new CpccProviderCreated(provider.Id, org.Id, protocol.Id));
    }
}
