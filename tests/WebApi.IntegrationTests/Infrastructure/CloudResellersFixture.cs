using Kboss.Fakes.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The app with the usual users and the fakes of issue 15 (Baidu, JD, Jiajie with Aliyun, Casdao) on loopback; the
/// demo operator org's keys point at them (saved through the endpoint, as an operator would); the second operator
/// org has none.
/// </summary>
public sealed class CloudResellersFixture : AppFixture
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Vendors:Baidu:TimeoutSeconds"] = "2", ["Vendors:Baidu:MaxRetries"] = "1",
        ["Vendors:EndpointAllowedHosts"] = "127.0.0.1", // the fakes; loopback allowed only because of the next line
        ["Vendors:AllowPrivateEndpoints"] = "true",
        ["Jobs:BaiduOrderSync:Cron"] = "off",
    };

    public CloudResellersFixture() : this(new ManualClock()) { }

    private CloudResellersFixture(ManualClock clock) : base(new KbossFactory(null, Settings,
        s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)))) => Clock = clock;

    /// <summary>The app's clock (the fakes check signature times against the real one: move it by minutes only).</summary>
    public ManualClock Clock { get; }

    public FakeBaidu Baidu { get; } = new();
    public FakeJd Jd { get; } = new();
    public FakeJiajie Jiajie { get; } = new();
    public FakeCasdao Casdao { get; } = new();
    /// <summary>The id of the customer user <c>cust1</c>.</summary>
    public string CustomerUserId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        foreach (var f in new Kboss.Fakes.FakeServer[] { Baidu, Jd, Jiajie, Casdao }) await f.InitializeAsync();
        await base.InitializeAsync();
        foreach (var (vendor, id, secret, endpoint) in new[]
                 {
                     ("baidu", FakeBaidu.AccessKey, FakeBaidu.SecretKey, Baidu.BaseUrl),
                     ("jdcloud", FakeJd.AccessKey, FakeJd.SecretKey, Jd.Endpoint),
                     ("jiajie", FakeJiajie.AccessKey, FakeJiajie.Secret, Jiajie.Endpoint),
                     ("aliyun", FakeJiajie.AliyunKeyId, FakeJiajie.AliyunSecret, Jiajie.AliyunEndpoint),
                     ("casdao", FakeCasdao.AccessKey, FakeCasdao.Secret, Casdao.Endpoint),
                 })
        {
            var saved = await Operator().PostAsync("/vendor/save_credential.dspy", ("vendor", vendor),
                ("access_key_id", id), ("access_key_secret", secret), ("endpoint", endpoint));
            saved.Status.Should().BeTrue(saved.Raw);
        }
        CustomerUserId = await Factory.WithDbAsync(db =>
            db.Users.Where(u => u.Username == "cust1").Select(u => u.Id).SingleAsync());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var f in new Kboss.Fakes.FakeServer[] { Baidu, Jd, Jiajie, Casdao }) await f.DisposeAsync();
    }
}
