using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kboss.Application;

/// <summary>
/// Registers the Application layer: validators and every application service (the one place; the host adds only
/// the mediator, the memory cache and its own adapters).
/// </summary>
public static class DependencyInjection
{
    /// <summary>Adds validators and application services.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Validation messages and error keys use the documented parameter names (WireName; ADR 0048).
        ValidatorOptions.Global.DisplayNameResolver = (t, m, _) => m is null ? null : WireName(t, m);
        ValidatorOptions.Global.PropertyNameResolver = ValidatorOptions.Global.DisplayNameResolver;
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("zh-CN");
        // Validators of shared field sets take flags (new DeviceFieldsValidator(forUpdate)) and are included by the
        // request validators, not resolved: registering them broke the Development start-up check (ValidateOnBuild).
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton,
            filter: r => r.ValidatorType.GetConstructors()
                .Any(c => c.GetParameters().All(p => !p.ParameterType.IsValueType)),
            includeInternalTypes: true);
        services.AddScoped<OrgAccess>();
        services.AddScoped<SiteAccess>();
        services.AddScoped<SignInThrottleStore>();
        services.AddScoped<SignInGuard>();
        services.AddScoped<Products.Marketplace.MarketplaceAccess>();
        services.AddScoped<Products.Marketplace.PublishProductExcel>();
        services.AddScoped<Products.Catalog.CatalogAccess>();
        services.AddScoped<Cpcc.Provisioning.ProvisioningRunner>();
        services.AddScoped<Pcapi.PcapiCaller>();
        services.AddScoped<Pcapi.PcapiClusterList>();
        services.AddScoped<Cpcc.CenterGuard>();
        services.AddScoped<Cpcc.Widgets.WidgetCatalog>();
        services.AddScoped<Cpcc.InstanceConfigs.InstanceDeployer>();
        services.AddScoped<Cpcc.InstanceConfigs.InstanceConfigAccess>();
        services.AddScoped<Products.Protocols.SaleProtocolAccess>();
        services.AddScoped<K8sCloud.CloudCluster>();
        services.AddScoped<Common.SoftDelete>();
        services.AddScoped<Common.OutsideCalls.OutsideCallRunner>();
        // Floating widget, SMS codes, mini-program (issue 12)
        services.AddScoped<FloatingWidget.FloatingWidgetAccess>();
        services.AddScoped<FloatingWidget.SmsCodeVerifier>();
        services.AddScoped<MiniProgram.KyySupplyAccess>();
        // Messages and documents (issue 12)
        services.AddScoped<Messages.MessageInbox>();
        services.AddScoped<Messages.MessageDelivery>();
        services.AddScoped<Messages.TemplateAccess>();
        services.AddScoped<Documents.DocumentAccess>();
        // Accounts (issue 10)
        services.AddScoped<Identity.Accounts.AccountAccess>();
        AddOutsideKind<Domain.Cpcc.InstanceConfig, Cpcc.InstanceConfigs.InstanceConfigCalls>(services);
        AddOutsideKind<Domain.K8sCloud.CloudInstance, K8sCloud.CloudInstanceCalls>(services);
        // Finance (issue 11)
        services.AddScoped<Finance.Ledger.BalanceLedger>();
        services.AddScoped<Finance.Bills.BillService>();
        services.AddScoped<Finance.Bills.BillDayTotals>();
        services.AddScoped<Cpcc.InstanceConfigs.InstanceRemoval>();
        services.AddScoped<Finance.Pricing.PriceResolver>();
        services.AddScoped<Finance.Pricing.PricingCatalog>();
        services.AddScoped<Finance.Pricing.UnifiedConfigWriter>();
        // WeChat login and pay (issue 12)
        services.AddScoped<WeChat.Recharges.RechargeSettlement>();
        // Approval hub (issue 12)
        services.AddScoped<Approval.ApprovalConfig>();
        services.AddScoped<Approval.ApprovalHub>();
        services.AddScoped<Approval.IApprovalHub>(sp => sp.GetRequiredService<Approval.ApprovalHub>());
        services.AddScoped<Approval.ApprovalResults>();
        // KPI (issue 11)
        services.AddScoped<Finance.Kpi.KpiAccess>();
        services.AddScoped<Finance.Kpi.KpiClock>();
        services.AddScoped<Finance.Kpi.BillPages>();
        services.AddScoped<Finance.Kpi.LargeScreenData>();
        // Compute-centre localisation, customer prices through approval (issue 11)
        services.AddScoped<Finance.CpccLocalisation.CpccOffer>();
        services.AddScoped<Finance.CpccLocalisation.CpccPurchaseSettlement>();
        services.AddScoped<Approval.IApprovalResultHandler, Finance.Pricing.CustomerPriceApprovalHandler>();
        // Resellers and invoices (issue 11)
        services.AddScoped<Resellers.ResellerAccess>();
        services.AddScoped<Invoices.InvoiceAccess>();
        services.AddScoped<Invoices.InvoiceDecisions>();
        services.AddScoped<Invoices.RechargeRecords>();
        services.AddScoped<Approval.IApprovalResultHandler, Invoices.InvoiceApprovalHandler>();
        // Provider settlement (issue 11)
        services.AddScoped<Finance.Settlement.SettlementBills>();
        services.AddScoped<Finance.Settlement.SettlementSubmitter>();
        services.AddScoped<Approval.IApprovalResultHandler, Finance.Settlement.SettlementApprovalHandler>();
        // Capital Online (issue 14)
        services.AddScoped<Vendors.VendorKeys>();
        services.AddScoped<Vendors.CapitalOnline.CdsService>();
        AddOutsideKind<Domain.Vendors.CdsResource, Vendors.CapitalOnline.CdsResourceCalls>(services);
        // Leases (issue 13)
        services.AddScoped<Lease.LeaseAccess>();
        services.AddScoped<Lease.LeaseClock>();
        services.AddScoped<LeaseProducts.LeaseUnits>();
        // Capital Online network, vendor charges (issue 14)
        services.AddScoped<Vendors.Charges.VendorCharges>();
        services.AddScoped<Vendors.Charges.VendorPricing>();
        services.TryAddSingleton(Vendors.Charges.VendorProductOptions.None);
        services.AddScoped<Vendors.CapitalOnline.Network.CdsNetworkPricing>();
        services.AddScoped<Vendors.CapitalOnline.Network.CdsQosChange>();
        services.AddScoped<Vendors.Charges.IVendorChargeProbe, Vendors.CapitalOnline.Network.CdsChangeProbe>();
        services.AddScoped<Vendors.CapitalOnline.Tasks.ICdsTaskProbe,
            Vendors.CapitalOnline.Tasks.CdsDescribeTaskProbe>();
        services.AddScoped<Vendors.CapitalOnline.Tasks.ICdsTaskProbe, Vendors.CapitalOnline.Tasks.CdsEventTaskProbe>();
        AddOutsideKind<Domain.Vendors.VendorCharge, Vendors.Charges.VendorChargeCalls>(services);
        // Capital Online security groups (issue 14, module 27)
        services.AddScoped<Vendors.CapitalOnline.SecurityGroups.CdsSecurityGroups>();
        // Capital Online ECS/GPU hosts (issue 14, module 28)
        services.AddScoped<Vendors.CapitalOnline.Ecs.CdsEcs>();
        services.AddScoped<Vendors.CapitalOnline.Ecs.EcsPricing>();
        // UCloud (issue 15)
        services.AddScoped<Vendors.VendorOwnership>();
        services.AddScoped<Vendors.UCloud.UCloudService>();
        services.AddScoped<Vendors.UCloud.UCloudPricing>();
        services.AddScoped<Vendors.UCloud.UCloudPaidCreate>();
        AddOutsideKind<Domain.Vendors.UCloudResource, Vendors.UCloud.UCloudResourceCalls>(services);
        // Baidu, JD Cloud, Jiajie, Casdao (issue 15)
        services.AddScoped<Vendors.VendorAccounts>();
        services.AddScoped<Vendors.Baidu.BaiduService>();
        services.AddScoped<Vendors.Baidu.BaiduOrderClaims>();
        services.AddScoped<Vendors.Charges.IVendorChargeProbe, Vendors.Baidu.BaiduOrderPayProbe>();
        // Jinan HPC (issue 15)
        services.AddScoped<Vendors.JinanHpc.JinanHpcService>();
        services.AddScoped<Vendors.JinanHpc.HpcPurchaseSync>();
        services.AddSingleton<Vendors.JinanHpc.HpcPurchasePricing>();
        services.AddScoped<Vendors.Charges.IVendorChargeProbe, Vendors.JinanHpc.HpcSyncProbe>();
        services.AddScoped<LeaseProducts.LeaseRecords>();
        return services;
    }

    /// <summary>Registers a kind of the outside-call pattern and its reconciler sweep (ADR 0015).</summary>
    private static void AddOutsideKind<TRow, TKind>(IServiceCollection services)
        where TRow : Domain.Common.OutsideEffectEntity where TKind : class, Common.OutsideCalls.IOutsideEffectKind<TRow>
    {
        services.AddScoped<TKind>();
        services.AddScoped<Common.OutsideCalls.IOutsideEffectKind<TRow>>(sp => sp.GetRequiredService<TKind>());
        services.AddScoped<Common.OutsideCalls.IOutsideCallSweep, Common.OutsideCalls.OutsideCallSweep<TRow>>();
        services.AddScoped<Vendors.Charges.IVendorChargeProbe, Vendors.Charges.OutsideRowProbe<TRow>>(); // ADR 0041
    }

    /// <summary>
    /// The wire name of a request property: its <c>[JsonPropertyName]</c>, else snake_case. Cached: FluentValidation
    /// asks for it on every rule of every request (the attribute lookup was ~4 % of a stock add's CPU, ADR 0038).
    /// </summary>
    public static string WireName(MemberInfo member) => WireNames.GetOrAdd(member, static m =>
        m.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Name));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MemberInfo, string> WireNames = new();

    /// <summary>
    /// The wire name of <paramref name="member"/> as a property of <paramref name="type"/>: a member of an interface
    /// (a rule written once for every request implementing it, e.g. CDS's <c>IEcsShape.AvailableZoneCode</c>) is named
    /// after the request's own property, whose <c>[JsonPropertyName]</c> carries the documented name.
    /// </summary>
    public static string WireName(Type type, MemberInfo member) =>
        member.DeclaringType is { IsInterface: true } && type != member.DeclaringType
            && InterfaceWireNames.GetOrAdd((type, member), static k =>
                k.Type.GetProperty(k.Member.Name, BindingFlags.Public | BindingFlags.Instance)) is { } own
            ? WireName(own)
            : WireName(member);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Type, MemberInfo Member),
        PropertyInfo?> InterfaceWireNames = new();
}
