using Kboss.Application.Common.OutsideCalls;
using Kboss.Fakes.Vendors;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The app with the usual users and a <see cref="FakeCds"/> on loopback; the demo operator org's CDS key points at
/// the fake (saved through the endpoint, as an operator would); the second operator org has none.
/// </summary>
public sealed class CdsFixture() : AppFixture(new Dictionary<string, string>
{
    ["Vendors:CapitalOnline:TimeoutSeconds"] = "2",
    ["Vendors:CapitalOnline:MaxRetries"] = "1",
    ["Vendors:EndpointAllowedHosts"] = "127.0.0.1", // the fake; loopback allowed only because of the next line
    ["Vendors:AllowPrivateEndpoints"] = "true",
    ["Jobs:CdsTaskPoller:Cron"] = "off", // tests send PollCdsTasks themselves (issue 14)
})
{
    public FakeCds Cds { get; } = new();

    public override async Task InitializeAsync()
    {
        await Cds.InitializeAsync();
        await base.InitializeAsync();
        var saved = await Operator().PostAsync("/vendor/save_credential.dspy", ("vendor", "cds"),
            ("access_key_id", FakeCds.AccessKeyId), ("access_key_secret", FakeCds.Secret), ("endpoint", Cds.BaseUrl));
        saved.Status.Should().BeTrue(saved.Raw);
    }

    /// <summary>One reconciler pass with no grace period.</summary>
    public async Task<IReadOnlyList<ReconcileCounts>> ReconcileAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReconcileOutsideCalls(TimeSpan.Zero));
    }

    /// <summary>One CDS task poller pass (issue 14).</summary>
    public async Task<Kboss.Application.Vendors.CapitalOnline.Tasks.CdsTaskCounts> PollTasksAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new Kboss.Application.Vendors.CapitalOnline.Tasks.PollCdsTasks());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Cds.DisposeAsync();
    }
}
