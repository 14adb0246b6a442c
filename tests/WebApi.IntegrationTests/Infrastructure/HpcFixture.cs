using Kboss.Application.Vendors.JinanHpc;
using Kboss.Domain.Identity;
using Kboss.Fakes.Vendors;
using Kboss.Infrastructure.Seeding;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The app with the usual users, a salesperson of the demo operator org assigned to the customer, a moved clock
/// (<see cref="ManualClock"/>, shared with the fake centre's signature check) and a <see cref="FakeJinanHpc"/> on
/// loopback; the demo operator org's <c>jnhpc</c> key points at the fake (saved through the endpoint); the second
/// operator org has none.
/// </summary>
public sealed class HpcFixture : AppFixture
{
    private static int _next;

    public HpcFixture() : this(new ManualClock()) { }

    private HpcFixture(ManualClock clock) : base(new KbossFactory(null, new Dictionary<string, string>
    {
        ["Vendors:JinanHpc:TimeoutSeconds"] = "2",
        ["Vendors:JinanHpc:MaxRetries"] = "1",
        ["Vendors:EndpointAllowedHosts"] = "127.0.0.1", // the fake; loopback allowed only because of the next line
        ["Vendors:AllowPrivateEndpoints"] = "true",
    }, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))))
    {
        Clock = clock;
        Hpc.Now = clock.GetUtcNow;
    }

    public ManualClock Clock { get; }
    public FakeJinanHpc Hpc { get; } = new();
    public string SalesToken { get; private set; } = "";
    public string SalesUserId { get; private set; } = "";

    /// <summary>The salesperson of the customer org.</summary>
    public Api Sales() => new Api(Factory.CreateClient()).WithToken(SalesToken);

    /// <summary>A unique name.</summary>
    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _next)}";

    public override async Task InitializeAsync()
    {
        await Hpc.InitializeAsync();
        await base.InitializeAsync();
        var saved = await Operator().PostAsync("/vendor/save_credential.dspy", ("vendor", "jnhpc"),
            ("access_key_id", FakeJinanHpc.AppKey), ("access_key_secret", FakeJinanHpc.Secret),
            ("endpoint", Hpc.Endpoint));
        saved.Status.Should().BeTrue(saved.Raw);
        (await Admin().PostAsync("/user/add_user.dspy", ("username", "hpcsales"), ("password", Password),
            ("roles", Roles.Sales), ("orgid", DemoData.OrgId))).Status.Should().BeTrue();
        SalesToken = await Anonymous().LoginAsync("hpcsales", Password);
        SalesUserId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Username == "hpcsales")
            .Select(u => u.Id).SingleAsync());
        var assigned = await Operator().PostAsync("/kpi/assign_salesman.dspy", ("user_orgid", CustomerOrgId),
            ("salemanid", SalesUserId));
        assigned.Status.Should().BeTrue(assigned.Raw);
    }

    /// <summary>Gives the customer org <paramref name="org"/> <paramref name="amount"/> 元 more.</summary>
    public async Task FundAsync(string org, string amount)
    {
        var r = await Admin().PostAsync("/finance/balance_adjust.dspy", ("customer_orgid", org),
            ("amount", amount), ("reason", "测试充值"), ("idempotency_key", Unique("hpc-fund-")));
        r.Status.Should().BeTrue(r.Raw);
    }

    /// <summary>The balance of the caller's org.</summary>
    public static async Task<decimal> BalanceAsync(Api api)
    {
        var r = await api.GetAsync("/finance/balance_get.dspy");
        return r.Data?["balance"]?.GetValue<decimal>() ?? 0m;
    }

    /// <summary>The BUY bills of <paramref name="org"/>: (amount, product).</summary>
    public Task<List<(decimal Amount, string? Product)>> BillsAsync(string org) => Factory.WithDbAsync(async db =>
        (await db.Bills.AsNoTracking().Where(b => b.CustomerId == org).Select(b => new { b.Amount, b.ProductId })
            .ToListAsync()).Select(b => (b.Amount, b.ProductId)).ToList());

    /// <summary>One pass of the outside-call reconciler (vendor charges included) with no grace period, a second
    /// later (the moved clock stands still otherwise).</summary>
    public async Task ReconcileAsync()
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        using var scope = Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
            new Application.Common.OutsideCalls.ReconcileOutsideCalls(TimeSpan.Zero));
    }

    /// <summary>One run of the HPC user sync-status job with <paramref name="grace"/>.</summary>
    public async Task<int> RunSyncStatusJobAsync(TimeSpan? grace = null)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(grace is { } g ? new RefreshHpcSyncStatus(g) : new RefreshHpcSyncStatus());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Hpc.DisposeAsync();
    }
}
