using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>A private copy of the spec's centre (fresh ids, same 14 widgets and prices) for tests that change data.</summary>
public sealed record SeededCenter(string Id, string Chaoyang, string Tongzhou, IReadOnlyDictionary<string, string> WidgetIds);

public static class Seed
{
    public static Task<SeededCenter> CenterAsync(KbossFactory f, string orgId = DemoData.OrgId, IReadOnlyDictionary<string, long>? stock = null, bool withWidgets = true,
        string? kubeconfig = null) => CenterAsync(f.Services, orgId, stock, withWidgets, kubeconfig);

    /// <summary>The same on the services of any running app (the harness runs its own host).</summary>
    public static async Task<SeededCenter> CenterAsync(IServiceProvider services, string orgId,
        IReadOnlyDictionary<string, long>? stock = null, bool withWidgets = true, string? kubeconfig = null)
    {
        var protector = services.GetRequiredService<ISecretProtector>();
        var timeZone = services.GetRequiredService<IPlatformSettings>().TimeZone;
        var built = DemoData.Build(orgId, protector.Protect("pcapi-secret"), timeZone, specIds: false, stock);
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Kboss.Infrastructure.Persistence.KbossDbContext>();
            db.ComputeCenters.Add(built.Center);
            if (kubeconfig is not null)
            {
                built.Chaoyang.KubeconfigProtected = protector.Protect(kubeconfig);
                built.Tongzhou.KubeconfigProtected = built.Chaoyang.KubeconfigProtected;
            }
            db.Clusters.AddRange(built.Chaoyang, built.Tongzhou);
            if (withWidgets) db.Widgets.AddRange(built.Widgets);
            await db.SaveChangesAsync();
        }
        return new SeededCenter(built.Center.Id, built.Chaoyang.Id, built.Tongzhou.Id, built.Widgets.ToDictionary(w => $"{w.Type}/{w.Model}", w => w.Id));
    }
}
