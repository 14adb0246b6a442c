using System.Globalization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Finance.Bills;
using Kboss.Domain.Common;
using Kboss.Domain.Finance;
using Kboss.Domain.Lease;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Lease;

/// <summary><c>bill_data</c> of buy.dspy.</summary>
public sealed record LeaseBillInput
{
    /// <summary>Free-text device type.</summary>
    public string? DeviceType { get; init; }
    /// <summary>Number of devices; equals the number of <c>device_ids</c> pairs.</summary>
    public string? DeviceNum { get; init; }
    /// <summary>Bandwidth (Mbps, ≥ 0).</summary>
    public string? Bandwidth { get; init; }
    /// <summary>Storage (≥ 0).</summary>
    public string? Stored { get; init; }
    /// <summary>测试期类型 0 无测试, 1 免费, 2 收费.</summary>
    public string? TestType { get; init; }
    /// <summary>Trial price (&gt; 0 if filled; required for a paid trial).</summary>
    public string? TestPrice { get; init; }
    /// <summary>Trial days (&gt; 0 if filled; required for a trial).</summary>
    public string? TestDay { get; init; }
    /// <summary>Customer user; defaults to the caller.</summary>
    public string? UserId { get; init; }
    /// <summary>Lease start.</summary>
    public string? StartDate { get; init; }
    /// <summary>Lease end (inclusive, ≥ start).</summary>
    public string? EndDate { get; init; }
    /// <summary>Public IPs (≥ 0).</summary>
    public string? IpNum { get; init; }
}

/// <summary>
/// <c>POST /lease/buy.dspy</c> 购买自有服务器: rents the chosen idle devices of one store to a customer for
/// [start_date, end_date]. One unit of work: the devices are taken by a conditional update (a device is never in two
/// bills), product stock drops, the lease bill and its lines are written and, when the amount (ADR 0036) is &gt; 0,
/// the customer's balance is debited with a BUY bill through <see cref="BillService"/>. Replies
/// <c>{"bill_id", "amount"}</c>. Messages: <c>设备数量与所选设备不一致</c>, <c>设备不可用: id</c>,
/// <c>设备不属于该商品: id</c>, <c>租期超出商品可租时间</c>, <c>所选设备不在同一仓库</c>, <c>测试价格必须大于0</c>,
/// <c>测试天数必须大于0</c>, <c>余额不足</c>. spec: 15-server-lease.md; lease.md §3A.7, §4.3, §4.10.
/// </summary>
public sealed record BuyLeaseDevices : LeaseBodyRequest, ICommand<Reply<LeasePurchase>>
{
    /// <summary>The bill.</summary>
    public LeaseBillInput? BillData { get; init; }
    /// <summary>[商品id, 设备id] pairs.</summary>
    public IReadOnlyList<IReadOnlyList<string?>?>? DeviceIds { get; init; }
}

/// <summary>buy.dspy's reply.</summary>
/// <param name="BillId">Lease bill id.</param>
/// <param name="Amount">Amount charged (元).</param>
public sealed record LeasePurchase(string BillId, decimal Amount);

public sealed class BuyLeaseDevicesValidator : AbstractValidator<BuyLeaseDevices>
{
    /// <summary>device_num differs from the pairs.</summary>
    public const string CountMismatch = "设备数量与所选设备不一致";
    /// <summary>Most devices in one bill.</summary>
    public const int MaxDevices = 200;

    public BuyLeaseDevicesValidator()
    {
        RuleFor(x => x.BillData).NotNull().WithMessage("缺少必要参数: bill_data");
        RuleFor(x => x.DeviceIds).NotEmpty().WithMessage("缺少必要参数: device_ids");
        RuleFor(x => x.DeviceIds).Cascade(CascadeMode.Stop)
            .Must(ids => ids!.Count <= MaxDevices && ids.All(IsPair)).WithMessage("device_ids 必须是 [商品id, 设备id] 数组")
            .Must(ids => ids!.Select(p => p![1]!.Trim()).Distinct().Count() == ids!.Count)
                .WithMessage("device_ids 有重复设备")
            .When(x => x.DeviceIds is { Count: > 0 });
        RuleFor(x => x.BillData!).ChildRules(b =>
        {
            b.RuleFor(x => x.DeviceNum).Required().OptionalInt(1, MaxDevices);
            b.RuleFor(x => x.DeviceType).MaxChars(200);
            b.RuleFor(x => x.Bandwidth).OptionalDecimal(0, 2);
            b.RuleFor(x => x.Stored).OptionalDecimal(0, 2);
            b.RuleFor(x => x.IpNum).OptionalInt(0, 10_000);
            b.RuleFor(x => x.TestType).OptionalInt(0, 2);
            b.RuleFor(x => x.TestPrice).OptionalDecimal(0, 2);
            b.RuleFor(x => x.TestDay).OptionalInt(0, 36_500);
            b.RuleFor(x => x.UserId).MaxChars(32);
            b.RuleFor(x => x.StartDate).Required().OptionalDate();
            b.RuleFor(x => x.EndDate).Required().OptionalDate();
        }).When(x => x.BillData is not null);
        RuleFor(x => x.BillData!.DeviceNum).Must((x, n) => int.Parse(n!.Trim(),
            CultureInfo.InvariantCulture) == x.DeviceIds!.Count)
            .WithName("device_num").WithMessage(CountMismatch)
            .When(x => x.BillData is not null && RuleExtensions.TryInt(x.BillData.DeviceNum, out var n)
                       && n is >= 1 and <= MaxDevices && x.DeviceIds is { Count: > 0 });
    }

    private static bool IsPair(IReadOnlyList<string?>? p) =>
        p is { Count: 2 } && p.All(v => !string.IsNullOrWhiteSpace(v) && v.Length <= 32);
}

public sealed class BuyLeaseDevicesHandler(IKbossDbContext db, LeaseAccess access, BillService bills,
    LeaseClock clock)
    : ICommandHandler<BuyLeaseDevices, Reply<LeasePurchase>>
{
    /// <summary>Period outside a product's window.</summary>
    public const string OutsideWindow = "租期超出商品可租时间";
    /// <summary>Devices of several stores.</summary>
    public const string SeveralStores = "所选设备不在同一仓库";
    /// <summary>A lease that ended before today (platform date) would be charged for nothing.</summary>
    public const string Ended = "租期已结束: 结束日期不能早于今天";
    /// <summary>A customer may not grant itself a trial (the trial days are not charged).</summary>
    public const string TrialForStaff = "试用只能由运营人员设置";

    public async ValueTask<Reply<LeasePurchase>> Handle(BuyLeaseDevices c, CancellationToken ct)
    {
        var b = c.BillData!;
        var (start, end) = (RuleExtensions.ToDate(b.StartDate)!.Value, RuleExtensions.ToDate(b.EndDate)!.Value);
        if (end < start)
            throw RequestValidationException.For("end_date", LeaseProduct.BadWindowMessage);
        if (end < clock.Today) throw RequestValidationException.For("end_date", Ended);
        var days = LeaseDates.Days(start, end);
        if ((Int(b.TestType) ?? 0) != 0 && !access.IsStaff) throw new ForbiddenException(TrialForStaff);
        var trial = LeaseTrial.Of(Int(b.TestType) ?? 0, Dec(b.TestPrice), Int(b.TestDay), days).OrThrow();
        var customer = await LeaseCustomers.ResolveAsync(db, access, b.UserId, ct);
        var pairs = c.DeviceIds!.Select(p => (Product: p![0]!.Trim(), Device: p[1]!.Trim())).ToList();
        var ids = pairs.Select(p => p.Device).ToList();
        var sellers = access.IsStaff ? await access.ManagedOrgsAsync(ct) : await access.VisibleSellersAsync(ct);

        await using var tx = await db.BeginTransactionAsync(ct);
        var devices = await db.LeaseServers.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, ct);
        foreach (var (productId, deviceId) in pairs)
        {
            if (!devices.TryGetValue(deviceId, out var d) || (sellers != null && !sellers.Contains(d.OrgId)))
                throw BusinessException.NotFound(LeaseServer.NotAvailable(deviceId));
            if (d.ProductId != productId) throw BusinessException.Conflict($"设备不属于该商品: {deviceId}");
            if (d.Status != LeaseServerStatus.Idle) throw BusinessException.Conflict(LeaseServer
                .NotAvailable(deviceId));
        }
        var first = devices[ids[0]];
        if (devices.Values.Any(d => d.StoreId != first.StoreId || d.OrgId != first.OrgId))
            throw BusinessException.Conflict(SeveralStores);
        var productIds = pairs.Select(p => p.Product).Distinct().ToList();
        var products = await db.LeaseProducts.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToListAsync(ct);
        if (products.Count != productIds.Count || products.Any(p => !p.Covers(start, end)))
            throw BusinessException.Conflict(OutsideWindow);
        var store = await db.LeaseStores.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == first.StoreId, ct);

        var bill = new LeaseBill
        {
            OrgId = first.OrgId, UserId = customer.UserId, CustomerOrgId = customer.OrgId, CreatorId = access.UserId,
            StoreId = store.Id, DeviceType = b.DeviceType?.Trim(), DeviceNum = ids.Count,
            Bandwidth = Dec(b.Bandwidth) ?? 0, Stored = Dec(b.Stored) ?? 0, IpNum = Int(b.IpNum) ?? 0,
            TestType = trial.Type, TestPrice = trial.Price, TestDay = trial.Days, StartDate = start, EndDate = end,
            Amount = LeasePricing.Amount(devices.Values.Select(d => d.Price), Dec(b.Bandwidth) ?? 0,
                Dec(b.Stored) ?? 0, Int(b.IpNum) ?? 0, store, trial, days),
        };
        var taken = await db.LeaseServers.Where(s => ids.Contains(s.Id)).Where(LeaseServer.CanRent)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, LeaseServerStatus.Rented)
                .SetProperty(s => s.BillId, bill.Id), ct);
        if (taken != ids.Count) throw BusinessException.Conflict(LeaseServer.NotAvailable(ids[0]));
        foreach (var group in pairs.GroupBy(p => p.Product))
            await LeaseStock.AdjustProductAsync(db, group.Key, -group.Count(), ct);
        db.LeaseBills.Add(bill);
        db.LeaseBillDevices.AddRange(pairs.Select(p => new LeaseBillDevice
            { BillId = bill.Id, ProductId = p.Product, DeviceId = p.Device, StartDate = start, EndDate = end }));
        if (bill.Amount > 0)
        {
            var paid = await bills.CreatePurchaseBillAsync(new PurchaseLine(customer.OrgId, bill.Amount, bill.Amount,
                ids.Count, null, productIds[0], null, OrderId: bill.Id), $"lease:buy:{bill.Id}", ct);
            bill.FinanceBillId = paid.Bill.Id;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Reply.Ok("购买成功", new LeasePurchase(bill.Id, bill.Amount));
    }

    private static int? Int(string? v) => RuleExtensions.TryInt(v, out var n) ? (int)n : null;

    private static decimal? Dec(string? v) => RuleExtensions.TryDecimal(v, out var d) ? d : null;
}
