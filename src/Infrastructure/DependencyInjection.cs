using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.Scheduling;
using Kboss.Infrastructure.Security;
using Kboss.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kboss.Infrastructure;

/// <summary>Registers persistence (SQLite or SQL Server), security adapters and start-up seeding.</summary>
public static class DependencyInjection
{
    /// <summary>Adds the Infrastructure layer configured by <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = KbossOptions.From(configuration);
        DataFolderPermissions.Apply(options);
        services.AddSingleton(options);
        services.AddSingleton<IPlatformSettings, PlatformSettings>();
        services.AddSingleton<IK8sCloudSettings, K8sCloudSettings>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TimestampInterceptor>();

        var connectionString = options.IsSqlServer
            ? options.ConnectionString
              ?? throw new InvalidOperationException(
                  "ConnectionStrings:Kboss is required for Database:Provider=SqlServer.")
            : SqliteConnectionString(options);
        if (options.IsSqlServer)
        {
            var cs = connectionString;
            services.AddSingleton(new WriteGateInterceptor(gate: null));
            services.AddDbContextPool<SqlServerKbossDbContext>((sp, o) => o
                .UseSqlServer(cs, s => s.MigrationsHistoryTable("__ef_migrations_history"))
                .AddInterceptors(sp.GetRequiredService<TimestampInterceptor>(), sp.GetRequiredService<WriteGateInterceptor>())
                .ConfigureWarnings(Persistence.KbossDbContext.Warnings));
            services.AddScoped<KbossDbContext>(sp => sp.GetRequiredService<SqlServerKbossDbContext>());
        }
        else
        {
            var cs = connectionString;
            services.AddSingleton(new SqliteWriteGate(TimeSpan.FromSeconds(options.WriteWaitSeconds)));
            services.AddSingleton(sp => new WriteGateInterceptor(sp.GetRequiredService<SqliteWriteGate>()));
            services.AddSingleton<SqlitePragmas>();
            services.AddDbContextPool<SqliteKbossDbContext>((sp, o) => o
                .UseSqlite(cs, s => s.MigrationsHistoryTable("__ef_migrations_history"))
                .AddInterceptors(sp.GetRequiredService<TimestampInterceptor>(), sp.GetRequiredService<WriteGateInterceptor>(),
                    sp.GetRequiredService<SqlitePragmas>())
                .ConfigureWarnings(Persistence.KbossDbContext.Warnings));
            services.AddScoped<KbossDbContext>(sp => sp.GetRequiredService<SqliteKbossDbContext>());
            // Hot SQLite writes: kept sessions, prepared statements, group commit (issue 7, ADR 0038)
            services.AddSingleton(_ => new SqliteReadSessions(cs));
            services.AddSingleton(sp => new SqliteGroupWriter(cs, sp.GetRequiredService<SqliteWriteGate>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SqliteGroupWriter>>()));
            services.AddScoped<Application.Cpcc.Widgets.IWidgetStockStore, Persistence.Stores.SqliteWidgetStockStore>();
        }
        services.AddScoped<IKbossDbContext>(sp => sp.GetRequiredService<KbossDbContext>());
        services.TryAddScoped<Application.Cpcc.Widgets.IWidgetStockStore, Persistence.Stores.WidgetStockStore>();

        // the key ring lives in the database so every node reads every node's secrets (ADR 0019)
        var dataProtection = services.AddDataProtection().SetApplicationName("kboss")
            .PersistKeysToDbContext<KbossDbContext>();
        if (DataProtectionCertificate.Load(configuration) is { } certificate)
            dataProtection.ProtectKeysWithCertificate(certificate);
        services.AddSingleton<ISecretProtector, SecretProtector>();
        services.AddSingleton<ISpreadsheetWriter, Excel.EpplusSpreadsheetWriter>();
        services.AddSingleton<IPasswordHasher, Security.PasswordHasher>();
        services.AddSingleton<JwtSigningKey>();
        services.AddSingleton<JwtTokenService>();
        services.AddSingleton<ITokenService>(sp => sp.GetRequiredService<JwtTokenService>());
        services.AddSingleton<IRemoteShell, Remote.SshRemoteShell>();
        services.AddSingleton<IKubernetesGateway, Kubernetes.KubernetesGateway>();
        services.AddSingleton<IKubeconfigPolicy, Kubernetes.KubeconfigLoader>();
        services.AddSingleton(OutsideCallSettings.From(configuration));
        var provisioning = Provisioning.ProvisioningOptions.From(configuration);
        services.AddSingleton(provisioning);
        services.AddSingleton(provisioning.Timeouts);
        services.AddSingleton(provisioning.Features);
        services.AddSingleton<Provisioning.SshClusterProvisioner>();
        services.AddKeyedSingleton<Application.Cpcc.Executor.IClusterProvisioner>(Application.Pcapi.ProvisionerKeys.InProcess,
            (sp, _) => sp.GetRequiredService<Provisioning.SshClusterProvisioner>());
        services.AddHttpClient<Provisioning.PcapiClusterProvisioner>(c => c.Timeout = Timeout.InfiniteTimeSpan); // per-call limits
        services.AddTransient<Application.Cpcc.Executor.IClusterProvisioner, Provisioning.ClusterProvisionerSelector>();
        // WeChat login and pay (issue 12)
        var weChatPay = WeChat.WeChatPaySettings.From(configuration);
        services.AddSingleton(weChatPay);
        services.AddSingleton(weChatPay.Limits);
        services.AddSingleton(WeChat.WeChatAuthSettings.From(configuration));
        services.AddHttpClient<IWeChatPayClient, WeChat.WeChatPayClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<IWeChatAuthClient, WeChat.WeChatAuthClient>(c => c.Timeout = TimeSpan.FromSeconds(10))
            .RemoveAllLoggers(); // the app secret is in the query string
        // Approval hub (issue 12)
        var approval = Approval.ApprovalSettings.From(configuration);
        services.AddSingleton(approval);
        services.AddSingleton(approval.Options);
        services.AddSingleton<Approval.CallbackUrlPolicy>();
        services.AddSingleton<ICallbackUrlPolicy>(sp => sp.GetRequiredService<Approval.CallbackUrlPolicy>());
        services.AddHttpClient<IDingTalkApprovalClient, Approval.DingTalkApprovalClient>(c =>
            c.Timeout = approval.Options.CallTimeout);
        services.AddHttpClient<IApprovalCallbackSender, Approval.ApprovalCallbackSender>(c =>
                c.Timeout = approval.Options.CallTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var policy = sp.GetRequiredService<Approval.CallbackUrlPolicy>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false, UseProxy = false,
                    ConnectCallback = (context, ct) => policy.ConnectAsync(context.DnsEndPoint, ct),
                };
            });
        // Messages and documents (issue 12)
        var (documentStorage, documentSettings) = Files.FileSystemStorage.From(configuration, options);
        services.AddSingleton<IFileStorage>(documentStorage);
        services.AddSingleton(documentSettings);
        services.AddKbossScheduler(configuration, options, connectionString);
        // Floating widget, SMS codes, mini-program (issue 12)
        var sms = Sms.SmsSettings.From(configuration);
        services.AddSingleton(sms);
        services.AddSingleton<Application.FloatingWidget.IFloatingWidgetSettings>(sms);
        services.AddHttpClient<ISmsGateway, Sms.AliyunSmsGateway>(c =>
            c.Timeout = sms.Timeout + TimeSpan.FromSeconds(5));
        services.AddSingleton<IExcelHtmlConverter, Excel.EpplusExcelHtmlConverter>();
        services.AddSingleton<IUploadedFiles>(new Files.LocalUploadedFiles(
            configuration["Uploads:Root"] ?? Path.Combine(options.DataFolder, "uploads")));
        services.AddScoped<DatabaseInitializer>();
        // Leases (issue 13)
        services.AddSingleton(new Application.Lease.LeaseSettings(
            configuration.GetValue("Lease:WarningDays", 7), configuration.GetValue("Lease:LockTtlMinutes", 15),
            configuration.GetValue("Lease:OrderPayTimeoutMinutes", 30), configuration.GetValue("Lease:AllowRunAsOf",
                false)));
        // Capital Online (issue 14)
        services.AddSingleton(Vendors.CapitalOnline.CdsSettings.From(configuration));
        services.AddSingleton<Vendors.INonceGenerator, Vendors.GuidNonceGenerator>();
        var vendorEndpoints = Vendors.VendorEndpointPolicy.From(configuration);
        services.AddSingleton<Application.Vendors.IVendorEndpointPolicy>(vendorEndpoints);
        services.AddHttpClient<Application.Vendors.CapitalOnline.ICdsClient, Vendors.CapitalOnline.CdsClient>(c =>
                c.Timeout = Timeout.InfiniteTimeSpan) // per-attempt limits
            .ConfigurePrimaryHttpMessageHandler(vendorEndpoints.Handler)
            .RemoveAllLoggers(); // signatures in the query
        // Capital Online network, vendor charges (issue 14): Vendors:Products:<key> = catalog product id (ADR 0041)
        services.AddSingleton(new Application.Vendors.Charges.VendorProductOptions(configuration
            .GetSection("Vendors:Products").GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!.Trim(), StringComparer.OrdinalIgnoreCase)));
        // UCloud (issue 15)
        var ucloud = Vendors.UCloud.UCloudSettings.From(configuration);
        services.AddSingleton(ucloud);
        services.AddSingleton(new Application.Vendors.UCloud.UCloudPricingSettings(
            configuration["Vendors:UCloud:ProductId"]));
        services.AddSingleton(new Application.Vendors.UCloud.UCloudDefaults( // ADR 0044 addendum
            configuration["Vendors:UCloud:DefaultRegion"]?.Trim() is { Length: > 0 } region ? region
                : Application.Vendors.UCloud.UCloudDefaults.DocumentedRegion));
        services.AddHttpClient<Application.Vendors.UCloud.IUCloudClient, Vendors.UCloud.UCloudClient>(c =>
                c.Timeout = Timeout.InfiniteTimeSpan) // per-attempt limits
            .ConfigurePrimaryHttpMessageHandler(vendorEndpoints.Handler)
            .RemoveAllLoggers(); // signatures and passwords in the form
        // Baidu, JD Cloud, Aliyun through Jiajie, Casdao (issue 15; ADR 0045)
        services.AddSingleton<Vendors.IVendorProtocol>(sp => new Vendors.Baidu.BaiduProtocol(
            Vendors.VendorHost.From(configuration, "Baidu", "https://billing.baidubce.com"),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Vendors.IVendorProtocol>(sp => new Vendors.JdCloud.JdProtocol(
            Vendors.VendorHost.From(configuration, "JdCloud", "https://partner.jdcloud-api.com"),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Vendors.INonceGenerator>()));
        services.AddSingleton<Vendors.IVendorProtocol>(sp => new Vendors.Jiajie.AliyunProtocol(
            Vendors.VendorHost.From(configuration, "Aliyun", "https://ecs.aliyuncs.com"),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Vendors.INonceGenerator>()));
        foreach (var (code, name, host) in new[]
                 {
                     (Domain.Vendors.VendorCodes.Jiajie, "Jiajie", ""),
                     (Domain.Vendors.VendorCodes.Casdao, "Casdao", ""),
                 })
            services.AddSingleton<Vendors.IVendorProtocol>(sp => new Vendors.PartnerProtocol(code,
                Vendors.VendorHost.From(configuration, name, host), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<Vendors.INonceGenerator>()));
        services.AddHttpClient<Application.Vendors.IVendorApi, Vendors.VendorApi>(c =>
                c.Timeout = Timeout.InfiniteTimeSpan) // per-attempt limits
            .ConfigurePrimaryHttpMessageHandler(vendorEndpoints.Handler)
            .RemoveAllLoggers(); // signatures in the query (Aliyun), SSO tokens in answers
        // Jinan HPC (issue 15)
        services.AddSingleton(Vendors.JinanHpc.JinanHpcSettings.From(configuration));
        services.AddHttpClient<Application.Vendors.JinanHpc.IJinanHpcClient, Vendors.JinanHpc.JinanHpcClient>(c =>
                c.Timeout = Timeout.InfiniteTimeSpan) // per-attempt limits
            .ConfigurePrimaryHttpMessageHandler(vendorEndpoints.Handler)
            .RemoveAllLoggers(); // SSO signs in answers
        return services;
    }

    /// <summary>
    /// <c>ConnectionStrings:Kboss</c> or the data folder's <c>kboss.db</c>, pooled, with <c>Default Timeout</c> (how long
    /// Microsoft.Data.Sqlite retries a busy file, which only another process can cause) from
    /// <see cref="KbossOptions.BusyTimeoutSeconds"/> unless the connection string sets it.
    /// </summary>
    private static string SqliteConnectionString(KbossOptions options)
    {
        var b = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            options.ConnectionString ?? $"Data Source={Path.Combine(options.DataFolder, "kboss.db")}");
        if (!(options.ConnectionString ?? "").Contains("Timeout", StringComparison.OrdinalIgnoreCase))
            b.DefaultTimeout = (int)Math.Ceiling(options.BusyTimeoutSeconds);
        return b.ToString();
    }
}
