using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Seeding;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>A private copy of the spec's centre (fresh ids, same 14 widgets and prices) for tests that change data.</summary>
public sealed record SeededCenter(string Id, string Chaoyang, string Tongzhou, IReadOnlyDictionary<string, string> WidgetIds);

public static class Seed
{
    public static async Task<SeededCenter> CenterAsync(KbossFactory f, string orgId = DemoData.OrgId, IReadOnlyDictionary<string, long>? stock = null, bool withWidgets = true,
        string? kubeconfig = null)
    {
        var built = DemoData.Build(orgId, f.Service<ISecretProtector>().Protect("pcapi-secret"), f.Service<IPlatformSettings>().TimeZone, specIds: false, stock);
        await f.WithDbAsync(async db =>
        {
            db.ComputeCenters.Add(built.Center);
            if (kubeconfig is not null)
            {
                built.Chaoyang.KubeconfigProtected = f.Service<ISecretProtector>().Protect(kubeconfig);
                built.Tongzhou.KubeconfigProtected = built.Chaoyang.KubeconfigProtected;
            }
            db.Clusters.AddRange(built.Chaoyang, built.Tongzhou);
            if (withWidgets) db.Widgets.AddRange(built.Widgets);
            await db.SaveChangesAsync();
        });
        return new SeededCenter(built.Center.Id, built.Chaoyang.Id, built.Tongzhou.Id, built.Widgets.ToDictionary(w => $"{w.Type}/{w.Model}", w => w.Id));
    }
}
