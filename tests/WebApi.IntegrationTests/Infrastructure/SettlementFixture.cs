using Kboss.Application.Common.Interfaces;
using Kboss.Application.Finance.Bills;
using Kboss.Application.Finance.Ledger;
using Kboss.Domain.Catalog;
using Kboss.Domain.Finance;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.Seeding;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The app pointed at a <see cref="FakeDingTalk"/> with the business 「供应商结算统计」 registered (served in-process by
/// the app's own settlement handler), its template, and the demo operator org's DingTalk keys, sender and levels;
/// scheduled jobs off (tests send the commands). Bills are written the way purchases write them, through
/// <see cref="BillService"/>.
/// </summary>
public sealed class SettlementFixture : IAsyncLifetime
{
    public const string Business = "供应商结算统计";
    public FakeDingTalk DingTalk { get; } = new();
    public AppFixture App { get; private set; } = null!;
    public KbossFactory Factory => App.Factory;

    public async Task InitializeAsync()
    {
        await DingTalk.InitializeAsync();
        App = new AppFixture(new KbossFactory(settings: new Dictionary<string, string>
        {
            ["Approval:DingTalk:ApiBaseUrl"] = DingTalk.BaseUrl, ["Approval:DingTalk:OapiBaseUrl"] = DingTalk.BaseUrl,
            ["Approval:CallbackBackoffSeconds"] = "0,0,0", ["Jobs:ApprovalCallbacks:Cron"] = "off",
            ["Jobs:ApprovalReconciler:Cron"] = "off", ["Jobs:auto_provider_settle_cron_job:Cron"] = "off",
        }));
        await App.InitializeAsync();
        var admin = App.Admin();
        var business = await admin.PostJsonAsync("/apv/apv_business.dspy", new { business_name = Business });
        business.Status.Should().BeTrue(business.Raw);
        var businessId = business.Data!.GetValue<string>();
        (await admin.PostJsonAsync("/apv/apv_template.dspy", new
        {
            business_id = businessId, title_template = "供应商结算:$provider",
            detail_template = "期间:$period 账单数:$bill_count 结算金额:$settle_amount",
        })).Status.Should().BeTrue();
        await ApprovalFixture.ConfigureOrgAsync(App.Operator(), businessId, null);
    }

    /// <summary>A new provider (its own org under the demo operator org) with its settlement settings.</summary>
    public async Task<string> NewProviderAsync(string? settleDatep = null, string? settleMode = null)
    {
        var provider = new Provider { OrgId = DemoData.OrgId, Name = "供应商-" + Guid.NewGuid().ToString("N")[..6],
            Prefix = "gys" };
        await Factory.WithDbAsync(async db =>
        {
            db.Providers.Add(provider);
            db.ProviderAccounts.Add(new ProviderAccount
            {
                ProviderId = provider.Id, SettleDatep = settleDatep, SettleMode = settleMode,
            });
            await db.SaveChangesAsync();
        });
        return provider.Id;
    }

    /// <summary>A paid BUY bill of <paramref name="customer"/> (credited first) for the provider.</summary>
    public Task<Bill> BuyAsync(string customer, string providerId, decimal amount, decimal providerAmt,
        decimal cost) => InUnitAsync(async sp =>
    {
        var key = Guid.NewGuid().ToString("N");
        await sp.GetRequiredService<BalanceLedger>().CreditAsync(new LedgerMovement(customer, amount,
            LedgerEntryKind.Recharge, "seed-" + key, "seed-" + key), default);
        return (await sp.GetRequiredService<BillService>().CreatePurchaseBillAsync(new PurchaseLine(customer, amount,
            providerAmt, 1, cost, null, providerId), "buy-" + key, default)).Bill;
    });

    /// <summary>A REFUND bill of <paramref name="amount"/> against <paramref name="purchase"/>.</summary>
    public Task<Bill> RefundAsync(Bill purchase, decimal amount) => InUnitAsync(async sp =>
        (await sp.GetRequiredService<BillService>().CreateRefundBillAsync(purchase.Id, amount,
            "refund-" + Guid.NewGuid().ToString("N"), default)).Bill);

    /// <summary>Sends <paramref name="command"/> the way the scheduler does (its own scope).</summary>
    public async Task<T> RunAsync<T>(ICommand<T> command)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    private async Task<T> InUnitAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KbossDbContext>();
        await using var tx = await db.BeginTransactionAsync();
        var result = await work(scope.ServiceProvider);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return result;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await DingTalk.DisposeAsync();
    }
}
