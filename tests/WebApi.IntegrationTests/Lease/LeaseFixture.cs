using Kboss.Domain.Catalog;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kboss.WebApi.IntegrationTests.Lease;

/// <summary>
/// The app with a <see cref="ManualClock"/> as its <see cref="TimeProvider"/> (lease dates and jobs, ADR 0036) and
/// helpers shared by the lease tests: stores, products, customer balance, catalogue products and job runs.
/// </summary>
public class LeaseFixture : AppFixture
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static int _next;

    public LeaseFixture() : this(new ManualClock()) { }

    private LeaseFixture(ManualClock clock)
        : base(new KbossFactory(null, null, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)))) =>
        Clock = clock;

    public ManualClock Clock { get; }

    /// <summary>The app's platform date.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Clock.GetUtcNow().UtcDateTime,
        Zone));

    /// <summary>A unique name.</summary>
    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _next)}";

    /// <summary>Sends a command the way its Quartz job does (own scope, no caller).</summary>
    public async Task<T> RunJobAsync<T>(ICommand<T> command)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    /// <summary>A store of the demo operator org.</summary>
    public async Task<string> StoreAsync(string name, string bandwidth = "1", string stored = "2", string ip = "3")
    {
        var r = await Operator().PostJsonAsync("/lease/create_store.dspy", new
            { name, location = "北京", address = "xxx", bandwidth_price = bandwidth, stored_price = stored,
                ip_price = ip });
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["id"]!.GetValue<string>();
    }

    /// <summary>A product with <paramref name="stock"/> devices in <paramref name="store"/>; returns its id and
    /// devices.</summary>
    public async Task<(string Id, string[] Devices)> ProductAsync(string store, int stock, string price = "1",
        DateOnly? start = null, DateOnly? end = null)
    {
        var r = await Operator().PostJsonAsync("/lease/create_lease_data.dspy", new
        {
            products = new
            {
                product_name = Unique("商品"), stock = stock.ToString(), user_id = "gg", price,
                lease_start_time = (start ?? Today.AddDays(-30)).ToString("yyyy-MM-dd"),
                lease_end_time = (end ?? Today.AddDays(365)).ToString("yyyy-MM-dd"),
            },
            servers = new { store_name = store, device_type = "77", resource_type = "resource_type ™️ ", price },
        });
        r.Status.Should().BeTrue(r.Raw);
        return (r.Data!["id"]!.GetValue<string>(),
            r.Data!["server_ids"]!.AsArray().Select(x => x!.GetValue<string>()).ToArray());
    }

    /// <summary>Gives the customer org <paramref name="amount"/> 元 more.</summary>
    public async Task FundCustomerAsync(string amount)
    {
        var r = await Admin().PostAsync("/finance/balance_adjust.dspy", ("customer_orgid", CustomerOrgId),
            ("amount", amount), ("reason", "测试充值"), ("idempotency_key", Unique("lease-fund-")));
        r.Status.Should().BeTrue(r.Raw);
    }

    /// <summary>The customer org's balance.</summary>
    public async Task<decimal> BalanceAsync()
    {
        var r = await Customer().GetAsync("/finance/balance_get.dspy");
        return r.Data?["balance"]?.GetValue<decimal>() ?? 0m;
    }

    /// <summary>A catalogue provider and product of the demo org (module 20's source).</summary>
    public async Task<(string Provider, string Product)> CatalogProductAsync(string orgId = DemoData.OrgId)
    {
        var provider = new Provider { OrgId = orgId, Name = "济南超算", Prefix = Unique("jn") };
        var product = new Product
        {
            ProviderId = provider.Id, ProviderPid = Unique("pid"), Name = "CPU节点/64G X86-Intel- E5-2682V4",
            ProductGroup = "g", PType = "t", Classify = "c", State = "1",
        };
        await Factory.WithDbAsync(async db =>
        {
            db.Providers.Add(provider);
            db.Products.Add(product);
            await db.SaveChangesAsync();
        });
        return (provider.Id, product.Id);
    }

    /// <summary>A lease-device record of a new catalogue product with <paramref name="stock"/> units.</summary>
    public async Task<string> LeaseDeviceAsync(int stock, string price = "200")
    {
        var (provider, product) = await CatalogProductAsync();
        var r = await Operator().PostJsonAsync("/lease_product/create_server.dspy", new
        {
            providerid = provider, provider_name = "x", productid = product, stock, user_id = "u", price,
            end_date = Today.AddDays(400).ToString("yyyy-MM-dd"), other_data = "4234", store_name = "上海",
            parameter = new[] { new { title = "cpu", parameter = "23", number = 1 } },
        });
        r.Status.Should().BeTrue(r.Raw);
        return product;
    }
}
