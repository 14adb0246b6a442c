using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.Pricing;

/// <summary>
/// PRV-02 <c>GET /provider/providerUpdate.dspy</c> 供应商更新 (spec 10-provider.md; finance.md §3.2, §6 #15): a
/// partial update of a provider's org (<c>id</c>: name and profile), provider row (<c>provider_table_id</c>: name,
/// description, state, sale mode, dates, <c>appid</c>, <c>providerkey</c> encrypted, settlement settings) and sale
/// protocol (<c>protocolid</c>: sale mode, dates, settlement mode and date template), in one transaction. At least one
/// key; each must exist (not_found) and be one the caller may act on (403). A parameter that is absent is kept, an
/// empty one clears (names cannot be cleared); <c>providerkey</c> empty or <c>******</c> keeps the key.
/// <c>start_date ≤ end_date</c>.
/// </summary>
public sealed record UpdateProvider : ICommand<Reply<ProviderKeys>>
{
    /// <summary>供应商机构id.</summary>
    public string? Id { get; init; }
    /// <summary>供应商机构名称.</summary>
    public string? Orgname { get; init; }
    /// <summary>联系人.</summary>
    public string? Contactor { get; init; }
    /// <summary>联系电话.</summary>
    public string? ContactorPhone { get; init; }
    /// <summary>省id.</summary>
    public string? ProvinceId { get; init; }
    /// <summary>市id.</summary>
    public string? CityId { get; init; }
    /// <summary>区id.</summary>
    public string? DistinctId { get; init; }
    /// <summary>邮箱.</summary>
    public string? Emailaddress { get; init; }
    /// <summary>地址.</summary>
    public string? Address { get; init; }
    /// <summary>主营业务描述.</summary>
    public string? MainBusiness { get; init; }
    /// <summary>组织结构代码.</summary>
    public string? Orgcode { get; init; }
    /// <summary>营业执照.</summary>
    public string? LicenseImg { get; init; }
    /// <summary>身份证.</summary>
    public string? IdImg { get; init; }
    /// <summary>账号.</summary>
    public string? Accountid { get; init; }
    /// <summary>供应商表id.</summary>
    public string? ProviderTableId { get; init; }
    /// <summary>供应商名称.</summary>
    public string? Name { get; init; }
    /// <summary>描述.</summary>
    public string? Description { get; init; }
    /// <summary>应用id.</summary>
    public string? Appid { get; init; }
    /// <summary>应用key (secret).</summary>
    public string? Providerkey { get; init; }
    /// <summary>状态.</summary>
    public string? State { get; init; }
    /// <summary>销售结算方式.</summary>
    public string? SettleMode { get; init; }
    /// <summary>结算流程.</summary>
    public string? SettleFlowid { get; init; }
    /// <summary>结算日期模版.</summary>
    public string? SettleDatep { get; init; }
    /// <summary>起效日期.</summary>
    public string? StartDate { get; init; }
    /// <summary>失效日期.</summary>
    public string? EndDate { get; init; }
    /// <summary>销售方式 (0/1/2).</summary>
    public string? Salemode { get; init; }
    /// <summary>销售协议id.</summary>
    public string? Protocolid { get; init; }
}

/// <summary>The keys updated.</summary>
public sealed record ProviderKeys(string? Id, string? ProviderTableId, string? Protocolid);

public sealed class UpdateProviderValidator : AbstractValidator<UpdateProvider>
{
    public UpdateProviderValidator()
    {
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Id) || !string.IsNullOrWhiteSpace(x.ProviderTableId)
                                  || !string.IsNullOrWhiteSpace(x.Protocolid))
            .WithName("id").WithMessage("id、provider_table_id、protocolid 至少填写一个");
        RuleFor(x => x.Id).MaxChars(32);
        RuleFor(x => x.ProviderTableId).MaxChars(32);
        RuleFor(x => x.Protocolid).MaxChars(32);
        RuleFor(x => x.Orgname).MaxChars(100);
        RuleFor(x => x.Name).MaxChars(100);
        RuleFor(x => x.Description).MaxChars(500);
        RuleFor(x => x.MainBusiness).MaxChars(500);
        RuleFor(x => x.Address).MaxChars(300);
        RuleFor(x => x.LicenseImg).MaxChars(1000);
        RuleFor(x => x.IdImg).MaxChars(1000);
        RuleFor(x => x.Providerkey).MaxChars(500);
        RuleFor(x => x.Appid).MaxChars(200);
        RuleFor(x => x.Emailaddress).MaxChars(100);
        RuleFor(x => x.Orgcode).MaxChars(100);
        RuleFor(x => x.Accountid).MaxChars(100);
        RuleFor(x => x.SettleFlowid).MaxChars(100);
        RuleFor(x => x.SettleDatep).MaxChars(100);
        RuleFor(x => x.ContactorPhone).MaxChars(30);
        RuleForEach(x => new[] { x.Contactor, x.ProvinceId, x.CityId, x.DistinctId, x.State, x.SettleMode })
            .MaxChars(50).OverridePropertyName("contactor");
        RuleFor(x => x.StartDate).OptionalDate();
        RuleFor(x => x.EndDate).OptionalDate();
        RuleFor(x => x.Salemode).OneOf(SaleModes.All);
    }
}

public sealed class UpdateProviderHandler(IKbossDbContext db, ICurrentUser user, OrgAccess orgs,
    ISecretProtector secrets) : ICommandHandler<UpdateProvider, Reply<ProviderKeys>>
{
    /// <summary>A validity range that ends before it starts.</summary>
    public const string DateRangeMessage = "起效日期不能晚于失效日期";

    public async ValueTask<Reply<ProviderKeys>> Handle(UpdateProvider c, CancellationToken ct)
    {
        var (start, end) = (Date(c.StartDate), Date(c.EndDate));
        var orgId = c.Id.TrimmedOrNull();
        var providerId = c.ProviderTableId.TrimmedOrNull();
        var protocolId = c.Protocolid.TrimmedOrNull();
        if (orgId is not null) await UpdateOrgAsync(orgId, c, ct);
        if (providerId is not null)
        {
            var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == providerId, ct)
                           ?? throw BusinessException.NotFound("供应商不存在");
            await orgs.EnsureCanActOnAsync(provider.OrgId, "无权修改该供应商", ct);
            Apply(c.Name, v => provider.Name = v ?? throw RequestValidationException.For("name", "供应商名称不能为空"));
            Apply(c.Description, v => provider.Description = v);
            Apply(c.State, v => provider.State = v);
            Apply(c.Salemode, v => provider.SaleMode = v);
            if (c.StartDate is not null) provider.StartDate = start;
            if (c.EndDate is not null) provider.EndDate = end;
            CheckRange(provider.StartDate, provider.EndDate);
            await UpdateAccountAsync(providerId, c, ct);
        }
        if (protocolId is not null)
        {
            var protocol = await db.SaleProtocols.FirstOrDefaultAsync(p => p.Id == protocolId, ct)
                           ?? throw BusinessException.NotFound("协议不存在");
            if (!await orgs.CanActOnAsync(protocol.BidOrgid, ct) && !await orgs.CanActOnAsync(protocol.OfferOrgid, ct))
                throw new ForbiddenException("无权修改该协议");
            Apply(c.Salemode, v => protocol.Salemode = v);
            Apply(c.SettleMode, v => protocol.Settlemode = v);
            Apply(c.SettleDatep, v => protocol.SettleDp = v);
            if (c.StartDate is not null) protocol.StartDate = start;
            if (c.EndDate is not null) protocol.EndDate = end;
            CheckRange(protocol.StartDate, protocol.EndDate);
        }
        db.AuditEntries.Add(Audit.Entry(user, "finance.provider.updated", "provider", providerId ?? orgId ?? protocolId!,
            new { id = orgId, provider_table_id = providerId, protocolid = protocolId,
                providerkey_changed = !SecretMask.MeansKeep(c.Providerkey) }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict("机构名称已存在");
        }
        return Reply.Ok("操作成功", new ProviderKeys(orgId, providerId, protocolId));
    }

    private async Task UpdateOrgAsync(string orgId, UpdateProvider c, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == orgId, ct)
                  ?? throw BusinessException.NotFound("供应商机构不存在");
        await orgs.EnsureCanActOnAsync(org.Id, "无权修改该机构", ct);
        Apply(c.Orgname, v => org.Name = v ?? throw RequestValidationException.For("orgname", "机构名称不能为空"));
        var p = await db.OrgProfiles.FirstOrDefaultAsync(x => x.OrgId == orgId, ct);
        if (p is null) db.OrgProfiles.Add(p = new OrgProfile { OrgId = orgId });
        Apply(c.Contactor, v => p.Contactor = v);
        Apply(c.ContactorPhone, v => p.ContactorPhone = v);
        Apply(c.ProvinceId, v => p.ProvinceId = v);
        Apply(c.CityId, v => p.CityId = v);
        Apply(c.DistinctId, v => p.DistinctId = v);
        Apply(c.Emailaddress, v => p.Emailaddress = v);
        Apply(c.Address, v => p.Address = v);
        Apply(c.MainBusiness, v => p.MainBusiness = v);
        Apply(c.Orgcode, v => p.Orgcode = v);
        Apply(c.LicenseImg, v => p.LicenseImg = v);
        Apply(c.IdImg, v => p.IdImg = v);
        Apply(c.Accountid, v => p.Accountid = v);
    }

    private async Task UpdateAccountAsync(string providerId, UpdateProvider c, CancellationToken ct)
    {
        var a = await db.ProviderAccounts.FirstOrDefaultAsync(x => x.ProviderId == providerId, ct);
        if (a is null) db.ProviderAccounts.Add(a = new ProviderAccount { ProviderId = providerId });
        Apply(c.Appid, v => a.Appid = v);
        if (!SecretMask.MeansKeep(c.Providerkey)) a.ProviderkeyProtected = secrets.Protect(c.Providerkey!.Trim());
        Apply(c.SettleMode, v => a.SettleMode = v);
        Apply(c.SettleFlowid, v => a.SettleFlowid = v);
        Apply(c.SettleDatep, v => a.SettleDatep = v);
    }

    /// <summary>Writes a present parameter (trimmed; empty → null); an absent one (null) keeps the value.</summary>
    private static void Apply(string? value, Action<string?> set)
    {
        if (value is not null) set(value.TrimmedOrNull());
    }

    private static DateOnly? Date(string? value) =>
        RuleExtensions.TryDate(value, out var d) ? d : null;

    private static void CheckRange(DateOnly? start, DateOnly? end)
    {
        if (start > end) throw RequestValidationException.For("end_date", DateRangeMessage);
    }
}
