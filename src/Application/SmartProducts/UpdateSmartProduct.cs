using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.SmartProducts;

/// <summary>
/// <c>POST /product_smart/up_smart.dspy</c> 销售修改智算产品 (analysis/catalog.md §3.6.3): sales, operators and admins
/// change the given fields of product <c>id</c> (absent keys are kept; numbers are stored as their text: <c>address: 1</c>
/// → <c>"1"</c>); <c>yearly_rent</c> is accepted for <c>yearly_rant</c>; <c>update_date</c> becomes today (platform date).
/// Only a product of an org the caller may act on (another org's → 403, ADR 0017).
/// The documented 502 example is ignored: the answer is 200 with the updated product.
/// </summary>
public sealed record UpdateSmartProduct : ICommand<Reply<SmartProductSalesView>>
{
    /// <summary>Product id (required).</summary>
    public string? Id { get; init; }
    /// <summary>The documented body object: its fields arrive as the parameters below (a JSON body is merged by the binder).</summary>
    public string? Body { get; init; }
    /// <summary>Model.</summary>
    public string? ProductModel { get; init; }
    /// <summary>Location.</summary>
    public string? Location { get; init; }
    /// <summary>Scale.</summary>
    public string? Scale { get; init; }
    /// <summary>Lead time.</summary>
    public string? Leadtime { get; init; }
    /// <summary>Brand.</summary>
    public string? Brand { get; init; }
    /// <summary>Resource type.</summary>
    public string? ResourceType { get; init; }
    /// <summary>Card type.</summary>
    public string? CardType { get; init; }
    /// <summary>Card interface.</summary>
    public string? CardInterface { get; init; }
    /// <summary>CPU.</summary>
    public string? Cpu { get; init; }
    /// <summary>Memory.</summary>
    public string? Memory { get; init; }
    /// <summary>System disk.</summary>
    public string? SystemDisk { get; init; }
    /// <summary>Data disk.</summary>
    public string? DataDisk { get; init; }
    /// <summary>Data network.</summary>
    public string? DataNetwork { get; init; }
    /// <summary>Card network.</summary>
    public string? CardNetwork { get; init; }
    /// <summary>Public bandwidth.</summary>
    public string? OuterBandwidth { get; init; }
    /// <summary>Shared storage.</summary>
    public string? SharedStorage { get; init; }
    /// <summary>Address (the example sends a number).</summary>
    public string? Address { get; init; }
    /// <summary>Test/trial terms.</summary>
    public string? TestClaim { get; init; }
    /// <summary>Yearly rent (documented name, typo kept).</summary>
    public string? YearlyRant { get; init; }
    /// <summary>Alias of <see cref="YearlyRant"/>.</summary>
    public string? YearlyRent { get; init; }
    /// <summary>Quarterly rent.</summary>
    public string? QuarterlyRent { get; init; }
    /// <summary>Monthly rent.</summary>
    public string? MonthlyRent { get; init; }
    /// <summary>Remark.</summary>
    public string? Remark { get; init; }
    /// <summary>Type code (the example sends a number).</summary>
    public string? Type { get; init; }

    /// <summary>The given fields by wire name.</summary>
    public IEnumerable<(string Name, string Value)> Given()
    {
        (string, string?)[] all =
        [
            ("product_model", ProductModel), ("location", Location), ("scale", Scale), ("leadtime", Leadtime), ("brand", Brand),
            ("resource_type", ResourceType), ("card_type", CardType), ("card_interface", CardInterface), ("cpu", Cpu),
            ("memory", Memory), ("system_disk", SystemDisk), ("data_disk", DataDisk), ("data_network", DataNetwork),
            ("card_network", CardNetwork), ("outer_bandwidth", OuterBandwidth), ("shared_storage", SharedStorage),
            ("address", Address), ("test_claim", TestClaim), ("yearly_rant", YearlyRant ?? YearlyRent),
            ("quarterly_rent", QuarterlyRent), ("monthly_rent", MonthlyRent), ("remark", Remark), ("type", Type),
        ];
        return all.Where(f => f.Item2 is not null).Select(f => (f.Item1, f.Item2!.Trim()));
    }
}

public sealed class UpdateSmartProductValidator : AbstractValidator<UpdateSmartProduct>
{
    public UpdateSmartProductValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(100);
        RuleFor(x => x).Custom((c, ctx) =>
        {
            foreach (var (name, value) in c.Given())
            {
                var field = SmartField.All.First(f => f.Name == name);
                if (value.Length > field.Max) ctx.AddFailure(name, $"{name} 长度不能超过 {field.Max} 个字符");
                else if (value.Length == 0 && SmartField.RequiredOnAdd.Contains(name)) ctx.AddFailure(name, $"{name} 不能为空");
            }
        });
    }
}

public sealed class UpdateSmartProductHandler(
    IKbossDbContext db, ICurrentUser user, IPlatformSettings settings, TimeProvider clock, OrgAccess orgs)
    : ICommandHandler<UpdateSmartProduct, Reply<SmartProductSalesView>>
{
    /// <summary>Message for an unknown product.</summary>
    public const string NotFound = "智算产品不存在";
    /// <summary>Message for another org's product.</summary>
    public const string Forbidden = "无权操作其他机构的智算产品";

    public async ValueTask<Reply<SmartProductSalesView>> Handle(UpdateSmartProduct c, CancellationToken ct)
    {
        var id = c.Id!.Trim();
        var p = await db.SmartProducts.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw BusinessException.NotFound(NotFound);
        await orgs.EnsureCanActOnAsync(p.OrgId, Forbidden, ct);
        var changed = new Dictionary<string, string>();
        foreach (var (name, value) in c.Given())
        {
            SmartField.All.First(f => f.Name == name).Set(p, value);
            changed[name] = value;
        }
        p.UpdateDate = SmartToday.Of(settings, clock);
        db.AuditEntries.Add(Audit.Entry(user, "smart_product.update", "smart_product", p.Id, changed));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("修改成功", SmartProductSalesView.FromSales(p));
    }
}

/// <summary>Today in the platform time zone (the <c>update_date</c> of a product).</summary>
public static class SmartToday
{
    /// <summary>The platform date now.</summary>
    public static DateOnly Of(IPlatformSettings settings, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, settings.TimeZone));
}
