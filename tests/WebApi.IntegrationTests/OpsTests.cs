using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kboss.Application.Cpcc.Provisioning;
using Kboss.Domain.Cpcc;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Kboss.WebApi.Ops;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// Probes, <c>/metrics</c> and recurring jobs (ADR 0019) on one app with metrics on and the orphan sweep every second.
/// </summary>
public sealed class OpsTests(OpsTests.OpsApp fixture) : IClassFixture<OpsTests.OpsApp>
{
    /// <summary>Metrics on, the orphan sweep every second, the key ring under a certificate.</summary>
    public sealed class OpsApp : IDisposable
    {
        private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"kboss-dp-{Guid.NewGuid():N}.pfx");

        public OpsApp()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=kboss-dp", rsa, HashAlgorithmName.SHA256,
                RSASignaturePadding.Pkcs1);
            var now = DateTimeOffset.UtcNow;
            using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
            File.WriteAllBytes(_certificate, cert.Export(X509ContentType.Pfx, "pw"));
            App = new KbossFactory(settings: new Dictionary<string, string>
            {
                ["Metrics:Enabled"] = "true",
                ["Metrics:AllowedNetworks"] = "10.1.0.0/16",
                ["Jobs:ProvisioningOrphans:Cron"] = "* * * * * ?",
                ["DataProtection:CertificatePath"] = _certificate,
                ["DataProtection:CertificatePassword"] = "pw",
            });
        }

        public KbossFactory App { get; }

        public void Dispose()
        {
            App.Dispose();
            File.Delete(_certificate);
        }
    }

    [Fact]
    public async Task The_key_ring_is_in_the_database_encrypted_with_the_configured_certificate()
    {
        var secrets = _app.Service<Kboss.Application.Common.Interfaces.ISecretProtector>();
        secrets.Unprotect(secrets.Protect("s3cret")).Should().Be("s3cret");
        var xml = await _app.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync());
        xml.Should().NotBeEmpty();
        xml.Should().OnlyContain(x => x!.Contains("encryptedSecret") && !x.Contains("<masterKey"));
        Directory.Exists(Path.Combine(_app.DataFolder, "keys")).Should().BeFalse("no key ring in the data folder");
    }

    private readonly KbossFactory _app = fixture.App;

    [Fact]
    public async Task Live_and_ready_answer_in_the_envelope_and_health_is_unchanged()
    {
        var live = await new Api(_app.CreateClient()).GetAsync("/health/live");
        (live.Http, live.Status).Should().Be((200, true));
        Response ready = null!;
        for (var i = 0; i < 20; i++) // the scheduler starts once the application has started
        {
            ready = await new Api(_app.CreateClient()).GetAsync("/health/ready");
            if (ready.Status) break;
            await Task.Delay(250);
        }
        (ready.Http, ready.Status).Should().Be((200, true), ready.Raw);
        ready.Data!["checks"]!.AsObject().Select(c => c.Key).Should()
            .BeEquivalentTo(["database", "migrations", "scheduler"]);
        (await new Api(_app.CreateClient()).GetAsync("/health")).Msg.Should().Be("ok");
    }

    [Fact]
    public async Task Metrics_are_served_in_prometheus_format_to_an_admin_only()
    {
        var token = await new Api(_app.CreateClient()).LoginAsync("admin", KbossFactory.AdminPassword);
        var admin = new Api(_app.CreateClient()).WithToken(token);
        const string cpu = "[{\"type\":\"cpu\",\"model\":\"INTEL(R) XEON(R) PLATINUM 8582C\",\"amount\":4}]";
        await admin.GetAsync("/dev/cpcc/cpcwidget/accrual_price.dspy", ("cpcid", DemoData.CenterId), ("resources", cpu),
            ("duration", "1"), ("duration_unit", "小时"));
        string text = "";
        for (var i = 0; i < 20 && !text.Contains("kboss_quotes_total"); i++) // the exporter caches a scrape briefly
        {
            var m = await admin.Http.GetAsync("/metrics");
            m.StatusCode.Should().Be(HttpStatusCode.OK);
            text = await m.Content.ReadAsStringAsync();
            if (!text.Contains("kboss_quotes_total")) await Task.Delay(500);
        }
        text.Should().Contain("kboss_quotes_total{").And.Contain("http_server_request_duration_seconds");
        (await _app.CreateClient().GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void Allowed_networks_are_cidrs_and_match_ipv4_mapped_addresses()
    {
        var networks = MetricsEndpoint.ParseNetworks("10.1.0.0/16, 127.0.0.1/32");
        MetricsEndpoint.Allowed(networks, IPAddress.Parse("10.1.200.3")).Should().BeTrue();
        MetricsEndpoint.Allowed(networks, IPAddress.Parse("::ffff:127.0.0.1")).Should().BeTrue();
        MetricsEndpoint.Allowed(networks, IPAddress.Parse("10.2.0.1")).Should().BeFalse();
        MetricsEndpoint.Allowed(networks, null).Should().BeFalse();
        FluentActions.Invoking(() => MetricsEndpoint.ParseNetworks("10.0.0.0/99"))
            .Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task A_recurring_job_sends_its_command_on_its_configured_cron()
    {
        var centre = await Seed.CenterAsync(_app, withWidgets: false);
        var orphan = await _app.WithDbAsync(async db =>
        {
            var device = new Device
            {
                Cpcid = centre.Id, Name = "d", Ip = "127.0.0.8", SshPort = 22, AdminUser = "root",
                AdminPwdProtected = "x",
            };
            device.Occupy(centre.Chaoyang, DeviceRoles.Worker).Ok.Should().BeTrue();
            var op = Provisioning.Start(OperationKinds.AddWorker, centre.Id, centre.Chaoyang, device.Id, null,
                DateTime.UtcNow - RecoverOrphanedOperationsHandler.Grace - TimeSpan.FromMinutes(1));
            db.AddRange(device, op);
            await db.SaveChangesAsync();
            return op.Id;
        });
        ProvisioningOperation? seen = null;
        for (var i = 0; i < 40 && seen?.Status != OperationStatus.Failed; i++)
        {
            await Task.Delay(250);
            seen = await _app.WithDbAsync(db =>
                db.ProvisioningOperations.AsNoTracking().SingleAsync(o => o.Id == orphan));
        }
        seen!.Status.Should().Be(OperationStatus.Failed, "the ProvisioningOrphans job runs every second here");
        seen.Message.Should().Be(ProvisioningRunner.Interrupted);
    }
}
