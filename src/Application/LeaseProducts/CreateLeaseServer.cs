using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Lease;
using Kboss.Domain.Common;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.LeaseProducts;

/// <summary>One <c>parameter</c> entry of create_server and update_server.</summary>
public sealed record LeaseParameterInput
{
    /// <summary>
    /// At most 50 entries, each with a non-empty <c>title</c> (≤ 50, unique in the array), <c>parameter</c> ≤ 200 and
    /// <c>number</c> a positive integer (default 1).
    /// </summary>
    public static void Rules<T>(AbstractValidator<T> v,
        System.Linq.Expressions.Expression<Func<T, IReadOnlyList<LeaseParameterInput?>?>> list)
    {
        var get = list.Compile();
        v.RuleFor(list).Cascade(CascadeMode.Stop).Must(p => p!.Count <= 50 && p.All(i => i is not null
                && !string.IsNullOrWhiteSpace(i.Title) && i.Title.Length <= 50 && (i.Parameter?.Length ?? 0) <= 200
                && (string.IsNullOrWhiteSpace(i.Number) || (RuleExtensions.TryInt(i.Number, out var n)
                    && n is >= 1 and <= 100_000))))
            .WithMessage("parameter 每项需要 title,number 为正整数")
            .Must(p => p!.Select(i => i!.Title!.Trim()).Distinct().Count() == p!.Count)
                .WithMessage("parameter 的 title 不能重复")
            .When(x => get(x) is not null);
    }

    /// <summary>The entries as (title, value, number) of valid input.</summary>
    public static IEnumerable<(string Title, string? Parameter, int Number)> Items(
        IEnumerable<LeaseParameterInput?> items) =>
        items.Select(p => (p!.Title!.Trim(), p.Parameter, RuleExtensions.TryInt(p.Number, out var n) ? (int)n : 1));

    /// <summary>Key (non-empty, unique in the array).</summary>
    public string? Title { get; init; }
    /// <summary>Value.</summary>
    public string? Parameter { get; init; }
    /// <summary>Quantity ≥ 1 (default 1).</summary>
    public string? Number { get; init; }
}

/// <summary>
/// <c>POST /lease_product/create_server.dspy</c> 根据产品添加设备: the leasable units of a catalogue product of a
/// provider the caller manages (one live record per product). Replies <c>{"id"}</c>. Messages:
/// <c>产品不属于该供应商</c>, <c>该产品已添加设备,请修改库存</c>, <c>参数错误</c>.
/// spec: 20-lease-productization.md; lease.md §3B.5.
/// </summary>
public sealed record CreateLeaseServer : LeaseBodyRequest, ICommand<Reply<LeaseIdData>>
{
    /// <summary>供应商id.</summary>
    public string? Providerid { get; init; }
    /// <summary>Snapshot (replaced by the provider's name).</summary>
    public string? ProviderName { get; init; }
    /// <summary>产品id of the provider.</summary>
    public string? Productid { get; init; }
    /// <summary>Snapshot (replaced by the product's name).</summary>
    public string? ProductName { get; init; }
    /// <summary>Sellable units ≥ 1.</summary>
    public string? Stock { get; init; }
    /// <summary>Creator (ignored: the caller).</summary>
    public string? UserId { get; init; }
    /// <summary>Unit price per period, 元 ≥ 0.</summary>
    public string? Price { get; init; }
    /// <summary>Last leasable day (≥ today).</summary>
    public string? EndDate { get; init; }
    /// <summary>Notes.</summary>
    public string? OtherData { get; init; }
    /// <summary>Location.</summary>
    public string? StoreName { get; init; }
    /// <summary>Configuration.</summary>
    public IReadOnlyList<LeaseParameterInput?>? Parameter { get; init; }
}

public sealed class CreateLeaseServerValidator : AbstractValidator<CreateLeaseServer>
{
    public CreateLeaseServerValidator()
    {
        RuleFor(x => x.Providerid).Required().MaxChars(32);
        RuleFor(x => x.Productid).Required().MaxChars(32);
        RuleFor(x => x.Stock).Required().OptionalInt(1, 1_000_000);
        RuleFor(x => x.Price).Required().OptionalDecimal(0, 2);
        RuleFor(x => x.EndDate).Required().OptionalDate();
        RuleFor(x => x.OtherData).MaxChars(200);
        RuleFor(x => x.StoreName).MaxChars(200);
        LeaseParameterInput.Rules(this, x => x.Parameter);
    }
}

public sealed class CreateLeaseServerHandler(IKbossDbContext db, LeaseAccess access, LeaseClock clock)
    : ICommandHandler<CreateLeaseServer, Reply<LeaseIdData>>
{
    /// <summary>A live record exists for the product.</summary>
    public const string Exists = "该产品已添加设备,请修改库存";

    public async ValueTask<Reply<LeaseIdData>> Handle(CreateLeaseServer c, CancellationToken ct)
    {
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == c.Providerid.Trimmed(), ct);
        if (provider is null || !await access.ManagesAsync(provider.OrgId, ct))
            throw BusinessException.NotFound("供应商不存在");
        var product = await db.Products.AsNoTracking()
                          .FirstOrDefaultAsync(p => p.Id == c.Productid.Trimmed() && p.ProviderId == provider.Id, ct)
                      ?? throw BusinessException.Conflict("产品不属于该供应商");
        var end = RuleExtensions.ToDate(c.EndDate)!.Value;
        if (end < clock.Today) throw RequestValidationException.For("end_date", "设备可租截止日期不能早于今天");
        if (await db.LeaseDevices.AnyAsync(d => d.ProductId == product.Id, ct)) throw BusinessException
            .Conflict(Exists);
        var device = LeaseDevice.Create(new LeaseDevice
        {
            OrgId = provider.OrgId, ProviderId = provider.Id, ProviderName = provider.Name, ProductId = product.Id,
            ProductName = product.Name, UserId = access.UserId, Price = decimal.Parse(c.Price!.Trim(),
                System.Globalization.CultureInfo.InvariantCulture), EndDate = end,
            OtherData = c.OtherData, StoreName = c.StoreName?.Trim(),
        }, (int)long.Parse(c.Stock!.Trim(), System.Globalization.CultureInfo.InvariantCulture)).OrThrow();
        device.SetParameters(LeaseParameterInput.Items(c.Parameter ?? []));
        db.LeaseDevices.Add(device);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(Exists);
        }
        return Reply.Ok("添加设备成功", new LeaseIdData(device.Id));
    }
}
