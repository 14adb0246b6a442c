using Kboss.Application.Common.Interfaces;
using Kboss.Infrastructure.Persistence;
using Kboss.Infrastructure.Security;
using Kboss.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

        if (options.IsSqlServer)
        {
            var cs = options.ConnectionString ?? throw new InvalidOperationException("ConnectionStrings:Kboss is required for Database:Provider=SqlServer.");
            services.AddDbContextPool<SqlServerKbossDbContext>((sp, o) => o
                .UseSqlServer(cs, s => s.MigrationsHistoryTable("__ef_migrations_history"))
                .AddInterceptors(sp.GetRequiredService<TimestampInterceptor>())
                .ConfigureWarnings(Persistence.KbossDbContext.Warnings));
            services.AddScoped<KbossDbContext>(sp => sp.GetRequiredService<SqlServerKbossDbContext>());
        }
        else
        {
            var cs = options.ConnectionString ?? $"Data Source={Path.Combine(options.DataFolder, "kboss.db")}";
            services.AddDbContextPool<SqliteKbossDbContext>((sp, o) => o
                .UseSqlite(cs, s => s.MigrationsHistoryTable("__ef_migrations_history"))
                .AddInterceptors(sp.GetRequiredService<TimestampInterceptor>())
                .ConfigureWarnings(Persistence.KbossDbContext.Warnings));
            services.AddScoped<KbossDbContext>(sp => sp.GetRequiredService<SqliteKbossDbContext>());
        }
        services.AddScoped<IKbossDbContext>(sp => sp.GetRequiredService<KbossDbContext>());

        services.AddDataProtection()
            .SetApplicationName("kboss")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataFolder, "keys")));
        services.AddSingleton<ISecretProtector, SecretProtector>();
        services.AddSingleton<ISpreadsheetWriter, Excel.EpplusSpreadsheetWriter>();
        services.AddSingleton<IPasswordHasher, Security.PasswordHasher>();
        services.AddSingleton<JwtSigningKey>();
        services.AddSingleton<JwtTokenService>();
        services.AddSingleton<ITokenService>(sp => sp.GetRequiredService<JwtTokenService>());
        services.AddSingleton<IRemoteShell, Remote.SshRemoteShell>();
        services.AddSingleton<IKubernetesGateway, Kubernetes.KubernetesGateway>();
        var provisioning = Provisioning.ProvisioningOptions.From(configuration);
        services.AddSingleton(provisioning);
        services.AddSingleton(provisioning.Timeouts);
        services.AddSingleton(provisioning.Features);
        services.AddSingleton<Provisioning.SshClusterProvisioner>();
        services.AddKeyedSingleton<Application.Cpcc.Executor.IClusterProvisioner>(Application.Pcapi.ProvisionerKeys.InProcess,
            (sp, _) => sp.GetRequiredService<Provisioning.SshClusterProvisioner>());
        services.AddHttpClient<Provisioning.PcapiClusterProvisioner>(c => c.Timeout = Timeout.InfiniteTimeSpan); // per-call limits
        services.AddTransient<Application.Cpcc.Executor.IClusterProvisioner, Provisioning.ClusterProvisionerSelector>();
        services.AddSingleton<Provisioning.ProvisioningWorker>();
        services.AddSingleton<Application.Cpcc.Executor.IProvisioningQueue>(sp => sp.GetRequiredService<Provisioning.ProvisioningWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<Provisioning.ProvisioningWorker>());
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
