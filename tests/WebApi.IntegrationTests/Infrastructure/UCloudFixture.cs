using Kboss.Application.Common.OutsideCalls;
using Kboss.Domain.Vendors;
using Kboss.Fakes.Vendors;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The app with the usual users and a <see cref="FakeUCloud"/> on loopback; the demo operator org's UCloud key points
/// at the fake (saved through the endpoint, as an operator would); the second operator org has none.
/// </summary>
public sealed class UCloudFixture() : AppFixture(new Dictionary<string, string>
{
    ["Vendors:UCloud:TimeoutSeconds"] = "2",
    ["Vendors:UCloud:MaxRetries"] = "1",
    ["Vendors:EndpointAllowedHosts"] = "127.0.0.1", // the fake; loopback allowed only because of the next line
    ["Vendors:AllowPrivateEndpoints"] = "true",
    ["Jobs:UCloudHostPoll:Cron"] = "off",
})
{
    public const string Region = "cn-bj2";
    public const string Zone = "cn-bj2-02";

    public FakeUCloud UCloud { get; } = new();

    public override async Task InitializeAsync()
    {
        await UCloud.InitializeAsync();
        await base.InitializeAsync();
        var saved = await Operator().PostAsync("/vendor/save_credential.dspy", ("vendor", "ucloud"),
            ("access_key_id", FakeUCloud.PublicKey), ("access_key_secret", FakeUCloud.PrivateKey),
            ("endpoint", UCloud.Endpoint));
        saved.Status.Should().BeTrue(saved.Raw);
    }

    /// <summary>Sends <paramref name="command"/> through the mediator in a scope (a job's run).</summary>
    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>One reconciler pass with no grace period.</summary>
    public Task<IReadOnlyList<ReconcileCounts>> ReconcileAsync() => SendAsync(new ReconcileOutsideCalls(TimeSpan.Zero));

    /// <summary>
    /// A running host on the fake owned by <paramref name="orgId"/> (as a paid create leaves it), for the tests of
    /// the operations on hosts.
    /// </summary>
    public async Task<string> SeedHostAsync(string orgId, string name)
    {
        var id = UCloud.NextId("uhost");
        UCloud.Hosts[id] = new FakeUCloud.Host(id, name, Region, Zone, "", 2, 4096) { Transition = "" };
        await SeedRowAsync(orgId, UCloudResourceTypes.Host, id, name, Zone);
        return id;
    }

    /// <summary>A free EIP on the fake owned by <paramref name="orgId"/>.</summary>
    public async Task<string> SeedEipAsync(string orgId, string name)
    {
        var id = UCloud.NextId("eip");
        UCloud.Eips[id] = new FakeUCloud.Eip(id, name, Region, "", "106.75.9.9", 2, "Bgp", "Month");
        await SeedRowAsync(orgId, UCloudResourceTypes.Eip, id, name, "");
        return id;
    }

    private Task SeedRowAsync(string orgId, string type, string id, string name, string zone) =>
        Factory.WithDbAsync(async db =>
        {
            var row = new UCloudResource
            {
                OrgId = orgId, UserId = "seed", OperatorOrgId = Kboss.Infrastructure.Seeding.DemoData.OrgId,
                ResourceType = type, RegionCode = Region, ZoneCode = zone, Name = name,
            };
            row.StartCreate(DateTime.UtcNow);
            row.Created(id);
            row.Confirm(DateTime.UtcNow);
            if (type == UCloudResourceTypes.Host) row.Observed("Running", DateTime.UtcNow);
            db.UCloudResources.Add(row);
            await db.SaveChangesAsync();
            return 0;
        });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await UCloud.DisposeAsync();
    }
}
