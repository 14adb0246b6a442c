using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Kboss.Application;

/// <summary>Registers the Application layer (validators, access rules). The mediator is added by the host.</summary>
public static class DependencyInjection
{
    /// <summary>Adds validators and application services.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Validation messages and error keys use the documented (snake_case) parameter names.
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : WireName(member);
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : WireName(member);
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("zh-CN");
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<OrgAccess>();
        services.AddScoped<SignInThrottleStore>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<Products.Marketplace.MarketplaceAccess>();
        services.AddScoped<Products.Marketplace.PublishProductExcel>();
        services.AddScoped<Products.Catalog.CatalogAccess>();
        services.AddScoped<Cpcc.Provisioning.ProvisioningRunner>();
        services.AddScoped<Pcapi.PcapiCaller>();
        return services;
    }

    /// <summary>The wire name of a request property: its <c>[JsonPropertyName]</c>, else snake_case.</summary>
    public static string WireName(MemberInfo member) =>
        member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
}
