using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.OutsideCalls;
using Kboss.Application.Common.Security;
using Kboss.Application.Common.Validation;
using Kboss.Application.Cpcc.InstanceConfigs;
using Kboss.Application.Finance.Bills;
using Kboss.Application.Finance.Pricing;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Finance.CpccLocalisation;

/// <summary>What a purchase produced.</summary>
/// <param name="Instanceid">The instance config created on the cluster.</param>
/// <param name="Billid">The BUY bill.</param>
/// <param name="Purchaseid">The purchase.</param>
/// <param name="Amount">Amount charged, 元.</param>
public sealed record CpccPurchaseReply(string Instanceid, string Billid, string Purchaseid, decimal Amount);

/// <summary>
/// CPC-06 <c>GET /provider/create_cpcc_instance.dspy</c> 创建K8S实例: customer org <c>orgid</c> (the caller's by default)
/// buys compute-centre product <c>productid</c> for <c>duration</c> <c>duration_unit</c> and gets an instance on the
/// product's cluster (workload fields as K6; a combination product's bundle replaces the resource fields). The price is
/// computed again on the server (<see cref="CpccOffer"/>, <see cref="SalePricing"/>): a client <c>amount</c> off by
/// more than 0.01 → <c>价格已变化,请刷新</c> (conflict). Outside-call pattern (ADR 0015, 0033): one short transaction takes the
/// stock, writes the purchase, the pending instance config and the paid BUY bill with the balance debit (<see
/// cref="BillService"/>; <c>余额不足</c> → conflict, nothing kept); then the instance is created on the cluster outside any
/// transaction; success delivers the purchase, a refusal gives the stock back and refunds with a REFUND bill
/// (<c>upstream_failed</c>), no answer leaves both for the reconciler. <c>idempotency_key</c> (kboss addition): the
/// same key and request again answer the stored outcome without a second charge; another request under it → conflict.
/// spec: 11-provider-cpcc-localization.md; finance.md §3.3 CPC-06.
/// </summary>
public sealed record CreateCpccInstance : InstanceConfigFieldsRequest, ICommand<Reply<CpccPurchaseReply>>, IOrgScoped
{
    private const int Head = -1;

    /// <summary>Buyer user (不是必传; default the caller).</summary>
    [JsonPropertyOrder(Head)] public string? Userid { get; init; }
    /// <summary>Product bought.</summary>
    [JsonPropertyOrder(Head)] public string? Productid { get; init; }
    /// <summary>Provider of the product.</summary>
    [JsonPropertyOrder(Head)] public string? Providerid { get; init; }
    /// <summary>The price the client showed, 元.</summary>
    [JsonPropertyOrder(Head)] public string? Amount { get; init; }
    /// <summary>小时 / 天 / 周 / 月 (or hour / day / week / month).</summary>
    [JsonPropertyOrder(Head)] public string? DurationUnit { get; init; }
    /// <summary>Integer 1…100000.</summary>
    [JsonPropertyOrder(Head)] public string? Duration { get; init; }
    /// <summary>Storefront link.</summary>
    [JsonPropertyOrder(Head)] public string? DomainUrl { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(Head)] public override string? Clusterid { get; init; }
    /// <summary>GPU cards.</summary>
    [JsonPropertyOrder(AfterSelflabel - 1)] public string? SourceGpu { get; init; }
    /// <summary>System disk size (Kubernetes quantity).</summary>
    [JsonPropertyOrder(AfterSelflabel + 1)] public string? DiskSysLimit { get; init; }
    /// <summary>GPU model.</summary>
    [JsonPropertyOrder(AfterSelflabel + 1)] public string? GpuModel { get; init; }
    /// <summary>CPU model.</summary>
    [JsonPropertyOrder(AfterSelflabel + 1)] public string? CpuModel { get; init; }
    /// <inheritdoc />
    [JsonPropertyOrder(AfterSelflabel + 1)] public string? Orgid { get; set; }
    /// <summary>Caller's key of this purchase (≤ 64 characters; kboss addition).</summary>
    [JsonPropertyOrder(AfterSelflabel + 2)] public string? IdempotencyKey { get; init; }

    /// <summary>Fingerprint of everything that decides the purchase (not the key itself).</summary>
    internal string Fingerprint() => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(this with { IdempotencyKey = null }))));
}

public sealed class CreateCpccInstanceValidator : AbstractValidator<CreateCpccInstance>
{
    public CreateCpccInstanceValidator()
    {
        Include(new InstanceConfigFieldsValidator(nodeSelectorRequired: true));
        RuleFor(x => x.Userid).MaxChars(32);
        RuleFor(x => x.Productid).Required().MaxChars(32);
        RuleFor(x => x.Providerid).MaxChars(32);
        RuleFor(x => x.Amount).Required().OptionalDecimal(0m, 2);
        RuleFor(x => x.Duration).Required().OptionalInt(1, 100_000);
        RuleFor(x => x.DurationUnit).Required().Must(u => string.IsNullOrWhiteSpace(u) || CpccOffer.Unit(u) is not null)
            .WithMessage(x => $"无效的时长单位: {x.DurationUnit}");
        RuleFor(x => x.DomainUrl).MaxChars(300);
        RuleFor(x => x.SourceGpu).Required().OptionalInt(0, 64);
        RuleFor(x => x.CpuModel).Required().MaxChars(100);
        RuleFor(x => x.GpuModel).MaxChars(100);
        RuleFor(x => x.DiskSysLimit).Required()
            .Must(v => string.IsNullOrWhiteSpace(v) || InstanceConfigFieldsValidator.IsQuantity(v))
            .WithMessage("disk_sys_limit 必须是合法的资源数量,如 20Gi");
        RuleFor(x => x.IdempotencyKey).MaxChars(CpccPurchase.KeyLength);
    }
}

public sealed class CreateCpccInstanceHandler(IKbossDbContext db, ICurrentUser user, ISecretProtector secrets,
    CpccOffer offer, PriceResolver prices, BillService bills, InstanceDeployer deployer, InstanceConfigCalls kind,
    OutsideCallRunner outside) : ICommandHandler<CreateCpccInstance, Reply<CpccPurchaseReply>>
{
    /// <summary>The client's amount is not the server's price.</summary>
    public const string PriceChangedMessage = "价格已变化,请刷新";
    /// <summary>The buyer is not a customer org.</summary>
    public const string NotCustomerMessage = "只有客户可以购买算力中心产品";
    /// <summary>The idempotency key was used for another request.</summary>
    public const string KeyReusedMessage = "幂等键已用于另一次购买";
    /// <summary>The same key is being processed.</summary>
    public const string InFlightMessage = "该购买正在处理中,请稍后查询结果";

    public async ValueTask<Reply<CpccPurchaseReply>> Handle(CreateCpccInstance c, CancellationToken ct)
    {
        var customer = c.Orgid!;
        var kindOfOrg = await db.Organizations.AsNoTracking().Where(o => o.Id == customer)
            .Select(o => (OrgKind?)o.Kind).FirstOrDefaultAsync(ct);
        if (kindOfOrg != OrgKind.Customer) throw new ForbiddenException(NotCustomerMessage);
        var key = c.IdempotencyKey.TrimmedOrNull();
        var fingerprint = c.Fingerprint();
        if (key is not null && await ReplayAsync(customer, key, fingerprint, ct) is { } replay) return replay;

        var seller = await offer.StorefrontAsync(c.DomainUrl, customer, ct);
        var productId = c.Productid.Trimmed();
        var product = await offer.Products(seller).FirstOrDefaultAsync(p => p.Id == productId, ct)
                      ?? throw BusinessException.NotFound(CpccOffer.ProductNotFoundMessage);
        if (c.Providerid.TrimmedOrNull() is { } pid && pid != product.ProviderId)
            throw BusinessException.NotFound(CpccOffer.ProductNotFoundMessage);
        if (c.Clusterid.Trimmed() != product.ProductArea)
            throw RequestValidationException.For("clusterid", "该产品不在此算力集群销售");
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(k => k.Id == product.ProductArea, ct)
                      ?? throw BusinessException.NotFound("算力集群不存在");
        if (cluster.Ready != ClusterReady.Installed)
            throw BusinessException.Conflict(NewInstanceConfigHandler.NotReady);

        var config = Instance(c, cluster, customer);
        if (product.PType == CpccProductTypes.Combination)
            (CpccBundle.TryParse(product.SpecNote) ?? throw BusinessException.Conflict(CpccBundle.BadSpecMessage))
                .ApplyTo(config);
        await InstanceConfigAccess.EnsureNodePortFreeAsync(db, config, ct);
        var needs = InstanceStock.Needs(config);
        var duration = InstanceConfigFieldsValidator.Int(c.Duration);
        var unit = CpccOffer.Unit(c.DurationUnit)!;
        var quote = await offer.QuoteAsync(product, cluster.Cpcid, cluster.Id, needs, duration, unit, customer, seller,
            ct);
        var price = quote.Price.Amount;
        if (price <= 0) throw BusinessException.Conflict("产品价格为0,暂不可购买");
        if (Math.Abs(PricingParams.Decimal(c.Amount)!.Value - price) > 0.01m)
            throw BusinessException.Conflict(PriceChangedMessage);
        var cost = Cost(quote.ListAmount, await prices.FloorAsync(seller, product, ct));
        var kubeconfig = await deployer.KubeconfigAsync(cluster.Id, ct);

        var purchase = CpccPurchase.Start(new CpccPurchaseTerms(customer, config.UserId, product.Id,
            product.ProviderId, cluster.Id, config.Id, price, quote.ListAmount, duration, unit, key, fingerprint));
        string billId = "";
        await outside.RunAsync(kind, config, new OutsideCallSteps(
            Reserve: async (now, t) =>
            {
                await InstanceStock.ConsumeAsync(db, cluster.Cpcid, cluster.Id, needs, t);
                db.CpccPurchases.Add(purchase);
                await SavePurchaseAsync(t);
                config.StartCreate(now);
                db.InstanceConfigs.Add(config);
                await InstanceConfigAccess.SaveAsync(db, t);
                var bill = await bills.CreatePurchaseBillAsync(new PurchaseLine(customer, price, quote.ListAmount, 1,
                    cost, product.Id, product.ProviderId, OrderId: purchase.Id, ResourceId: config.Id),
                    CpccPurchaseSettlement.BuyKey(purchase.Id), t);
                purchase.Paid(billId = bill.Bill.Id);
                db.AuditEntries.Add(Audit.Entry(user, "finance.cpcc_purchase.paid", "cpcc_purchase", purchase.Id, new
                {
                    customer, productid = product.Id, clusterid = cluster.Id, instanceid = config.Id, billid = billId,
                    amount = price, list = quote.ListAmount, duration, duration_unit = unit,
                }));
            },
            Call: t => deployer.ApplyAsync(kubeconfig, config, t)), ct);
        return Reply.Ok("操作成功", new CpccPurchaseReply(config.Id, billId, purchase.Id, price));
    }

    private static decimal? Cost(decimal list, decimal? costDiscount) =>
        Money.Round2(list * (costDiscount ?? 1m));

    private InstanceConfig Instance(CreateCpccInstance c, Cluster cluster, string customer)
    {
        var config = new InstanceConfig
        {
            Cpcid = cluster.Cpcid, ClusterId = cluster.Id, OrgId = customer,
            UserId = user.OrgId == customer ? user.UserId : null,
            SourceGpu = InstanceConfigFieldsValidator.Int(c.SourceGpu), CpuModel = c.CpuModel.Trimmed(),
            GpuModel = c.GpuModel?.Trim() ?? "", DiskSysLimit = c.DiskSysLimit.Trimmed(),
        };
        InstanceConfigMapper.Apply(c, config, secrets);
        var names = InstanceNaming.Derive(cluster.Id, config.OrgId, config.Id, config.SourcePodengine);
        config.NamespaceName = names.Namespace;
        config.ServiceaccountName = names.ServiceAccount;
        config.PodcdName = names.Controller;
        config.ServiceName = names.Service;
        return config;
    }

    private async Task SavePurchaseAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            throw BusinessException.Conflict(InFlightMessage);
        }
    }

    /// <summary>The stored outcome of <paramref name="key"/>, or null when the key is new.</summary>
    private async Task<Reply<CpccPurchaseReply>?> ReplayAsync(string customer, string key, string fingerprint,
        CancellationToken ct)
    {
        var p = await db.CpccPurchases.AsNoTracking()
            .FirstOrDefaultAsync(x => x.CustomerOrgId == customer && x.IdempotencyKey == key, ct);
        if (p is null) return null;
        if (p.RequestHash != fingerprint) throw BusinessException.Conflict(KeyReusedMessage);
        return p.State switch
        {
            CpccPurchaseStates.Delivered => Reply.Ok("操作成功",
                new CpccPurchaseReply(p.InstanceConfigId, p.BillId, p.Id, p.Amount)),
            CpccPurchaseStates.Refunded => Reply.Fail<CpccPurchaseReply>(
                $"{p.Reason};已退款", ErrorCodes.UpstreamFailed),
            _ => Reply.Fail<CpccPurchaseReply>(InFlightMessage, ErrorCodes.Conflict),
        };
    }
}
