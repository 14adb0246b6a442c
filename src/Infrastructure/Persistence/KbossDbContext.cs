using System.Linq.Expressions;
using System.Text.Json;
using Kboss.Application.Common.Interfaces;
using Kboss.Domain.Audit;
using Kboss.Domain.Catalog;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Kboss.Domain.Identity;
using Kboss.Domain.Marketplace;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kboss.Infrastructure.Persistence;

/// <summary>
/// The one EF Core context of kboss (ARCHITECTURE.md §4). Tables and columns are snake_case; soft-deletable rows
/// are filtered out of every query; DateTime values are UTC; money is <c>decimal</c> with explicit precision.
/// Each provider has its own subclass so it can own its migrations: <see cref="SqliteKbossDbContext"/> and
/// <see cref="SqlServerKbossDbContext"/>.
/// </summary>
public abstract class KbossDbContext(DbContextOptions options) : DbContext(options), IKbossDbContext,
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring shared by every node (ADR 0019).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    /// <summary>Keys generated once and shared by every node (the JWT signing key).</summary>
    public DbSet<Security.SharedKey> SharedKeys => Set<Security.SharedKey>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<User> Users => Set<User>();
    public DbSet<RevokedToken> RevokedTokens => Set<RevokedToken>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ComputeCenter> ComputeCenters => Set<ComputeCenter>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<Widget> Widgets => Set<Widget>();
    public DbSet<WidgetClusterStock> WidgetClusterStocks => Set<WidgetClusterStock>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<Label> Labels => Set<Label>();
    public DbSet<InstanceConfig> InstanceConfigs => Set<InstanceConfig>();
    public DbSet<Kboss.Domain.K8sCloud.CloudInstance> CloudInstances => Set<Kboss.Domain.K8sCloud.CloudInstance>();
    public DbSet<ProvisioningOperation> ProvisioningOperations => Set<ProvisioningOperation>();

    /// <summary>
    /// Warnings configuration of every provider: a stock row's required cluster with a soft-delete filter is
    /// intended (stock of a deleted cluster disappears with it), so that model warning is silenced.
    /// </summary>
    public static void Warnings(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder w) =>
        w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning);

    public DbSet<CompanyCategory> CompanyCategories => Set<CompanyCategory>();
    public DbSet<ProductCategory> ProductCategories => Set<ProductCategory>();
    public DbSet<PublishProduct> PublishProducts => Set<PublishProduct>();
    public DbSet<PublishProductCategory> PublishProductCategories => Set<PublishProductCategory>();
    public DbSet<UserBrowseHistory> UserBrowseHistories => Set<UserBrowseHistory>();
    public DbSet<UserFavorite> UserFavorites => Set<UserFavorite>();
    public DbSet<Kboss.Domain.Users.EnterpriseAuditInfo> EnterpriseAuditInfos => Set<Kboss.Domain.Users.EnterpriseAuditInfo>();
    public DbSet<Kboss.Domain.Catalog.SaleProtocol> SaleProtocols => Set<Kboss.Domain.Catalog.SaleProtocol>();
    public DbSet<Kboss.Domain.Catalog.SmartProduct> SmartProducts => Set<Kboss.Domain.Catalog.SmartProduct>();

    public DbSet<SpecificationTemplate> SpecificationTemplates => Set<SpecificationTemplate>();
    public DbSet<SpecificData> SpecificDatas => Set<SpecificData>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<WlwlParameter> WlwlParameters => Set<WlwlParameter>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<HomepageCategoryNode> HomepageCategoryNodes => Set<HomepageCategoryNode>();
    public DbSet<UserInquiry> UserInquiries => Set<UserInquiry>();
    public DbSet<CustomerResource> CustomerResources => Set<CustomerResource>();
    // Floating widget, SMS codes, mini-program (issue 12)
    public DbSet<Kboss.Domain.FloatingWidget.QrCard> QrCards => Set<Kboss.Domain.FloatingWidget.QrCard>();
    public DbSet<Kboss.Domain.FloatingWidget.TrialApplication> TrialApplications =>
        Set<Kboss.Domain.FloatingWidget.TrialApplication>();
    public DbSet<Kboss.Domain.FloatingWidget.SmsCode> SmsCodes => Set<Kboss.Domain.FloatingWidget.SmsCode>();
    public DbSet<Kboss.Domain.FloatingWidget.SmsSendGuard> SmsSendGuards =>
        Set<Kboss.Domain.FloatingWidget.SmsSendGuard>();
    public DbSet<Kboss.Domain.MiniProgram.KyySupply> KyySupplies => Set<Kboss.Domain.MiniProgram.KyySupply>();
    public DbSet<Kboss.Domain.MiniProgram.UserSupply> UserSupplies => Set<Kboss.Domain.MiniProgram.UserSupply>();
    public DbSet<Kboss.Domain.MiniProgram.UserDemand> UserDemands => Set<Kboss.Domain.MiniProgram.UserDemand>();
    // WeChat login and pay (issue 12)
    public DbSet<Kboss.Domain.WeChat.RechargeRecord> RechargeRecords => Set<Kboss.Domain.WeChat.RechargeRecord>();
    public DbSet<Kboss.Domain.WeChat.WeChatLoginState> WeChatLoginStates => Set<Kboss.Domain.WeChat.WeChatLoginState>();
    public DbSet<Kboss.Domain.WeChat.WeChatBinding> WeChatBindings => Set<Kboss.Domain.WeChat.WeChatBinding>();

    // Finance (issue 11)
    public DbSet<Kboss.Domain.Finance.Bill> Bills => Set<Kboss.Domain.Finance.Bill>();
    public DbSet<Kboss.Domain.Finance.CustomerBalance> CustomerBalances => Set<Kboss.Domain.Finance.CustomerBalance>();
    public DbSet<Kboss.Domain.Finance.LedgerEntry> LedgerEntries => Set<Kboss.Domain.Finance.LedgerEntry>();
    public DbSet<Kboss.Domain.Finance.UnifiedPriceConfig> UnifiedPriceConfigs => Set<Kboss.Domain.Finance.UnifiedPriceConfig>();
    public DbSet<Kboss.Domain.Finance.CustomerProductConfig> CustomerProductConfigs => Set<Kboss.Domain.Finance.CustomerProductConfig>();
    public DbSet<Kboss.Domain.Finance.ProductSaleConfig> ProductSaleConfigs => Set<Kboss.Domain.Finance.ProductSaleConfig>();
    public DbSet<Kboss.Domain.Finance.OrgProfile> OrgProfiles => Set<Kboss.Domain.Finance.OrgProfile>();
    public DbSet<Kboss.Domain.Finance.ProviderAccount> ProviderAccounts => Set<Kboss.Domain.Finance.ProviderAccount>();
    public bool HasOpenTransaction => Database.CurrentTransaction is not null;
    // Approval hub (issue 12)
    public DbSet<Kboss.Domain.Approval.ApvKey> ApvKeys => Set<Kboss.Domain.Approval.ApvKey>();
    public DbSet<Kboss.Domain.Approval.ApvBusiness> ApvBusinesses => Set<Kboss.Domain.Approval.ApvBusiness>();
    public DbSet<Kboss.Domain.Approval.ApvTemplate> ApvTemplates => Set<Kboss.Domain.Approval.ApvTemplate>();
    public DbSet<Kboss.Domain.Approval.ApvFlow> ApvFlows => Set<Kboss.Domain.Approval.ApvFlow>();
    public DbSet<Kboss.Domain.Approval.ApvSendKey> ApvSendKeys => Set<Kboss.Domain.Approval.ApvSendKey>();
    public DbSet<Kboss.Domain.Approval.ApprovalRecord> ApprovalRecords => Set<Kboss.Domain.Approval.ApprovalRecord>();
    public DbSet<Kboss.Domain.Approval.ApprovalDelivery> ApprovalDeliveries =>
        Set<Kboss.Domain.Approval.ApprovalDelivery>();
    // Messages and documents (issue 12)
    public DbSet<Kboss.Domain.Messages.Message> Messages => Set<Kboss.Domain.Messages.Message>();
    public DbSet<Kboss.Domain.Messages.MessageTemplate> MessageTemplates =>
        Set<Kboss.Domain.Messages.MessageTemplate>();
    public DbSet<Kboss.Domain.Documents.Document> Documents => Set<Kboss.Domain.Documents.Document>();
    // Compute-centre localisation (issue 11, module 11)
    public DbSet<Kboss.Domain.Finance.CpccProviderLink> CpccProviderLinks =>
        Set<Kboss.Domain.Finance.CpccProviderLink>();
    public DbSet<Kboss.Domain.Finance.CpccPurchase> CpccPurchases => Set<Kboss.Domain.Finance.CpccPurchase>();
    // Resellers and invoices (issue 11)
    public DbSet<Kboss.Domain.Finance.Reseller> Resellers => Set<Kboss.Domain.Finance.Reseller>();
    public DbSet<Kboss.Domain.Finance.CustomerInvoiceInfo> CustomerInvoiceInfos =>
        Set<Kboss.Domain.Finance.CustomerInvoiceInfo>();
    public DbSet<Kboss.Domain.Finance.InvoiceApplication> InvoiceApplications =>
        Set<Kboss.Domain.Finance.InvoiceApplication>();
    public DbSet<Kboss.Domain.Finance.InvoiceApplicationItem> InvoiceApplicationItems =>
        Set<Kboss.Domain.Finance.InvoiceApplicationItem>();
    // Provider settlement (issue 11)
    public DbSet<Kboss.Domain.Finance.ProviderSettlement> ProviderSettlements =>
        Set<Kboss.Domain.Finance.ProviderSettlement>();
    public DbSet<Kboss.Domain.Finance.ProviderSettlementBill> ProviderSettlementBills =>
        Set<Kboss.Domain.Finance.ProviderSettlementBill>();
    // Capital Online (issue 14)
    public DbSet<Kboss.Domain.Vendors.VendorCredential> VendorCredentials =>
        Set<Kboss.Domain.Vendors.VendorCredential>();
    public DbSet<Kboss.Domain.Vendors.CdsResource> CdsResources => Set<Kboss.Domain.Vendors.CdsResource>();
    // Leases (issue 13)
    public DbSet<Kboss.Domain.Lease.LeaseStore> LeaseStores => Set<Kboss.Domain.Lease.LeaseStore>();
    public DbSet<Kboss.Domain.Lease.LeaseProduct> LeaseProducts => Set<Kboss.Domain.Lease.LeaseProduct>();
    public DbSet<Kboss.Domain.Lease.LeaseServer> LeaseServers => Set<Kboss.Domain.Lease.LeaseServer>();
    public DbSet<Kboss.Domain.Lease.LeaseBill> LeaseBills => Set<Kboss.Domain.Lease.LeaseBill>();
    public DbSet<Kboss.Domain.Lease.LeaseBillDevice> LeaseBillDevices => Set<Kboss.Domain.Lease.LeaseBillDevice>();
    public DbSet<Kboss.Domain.Lease.LeaseContract> LeaseContracts => Set<Kboss.Domain.Lease.LeaseContract>();
    public DbSet<Kboss.Domain.Lease.LeaseWarning> LeaseWarnings => Set<Kboss.Domain.Lease.LeaseWarning>();
    public DbSet<Kboss.Domain.Lease.LeaseDevice> LeaseDevices => Set<Kboss.Domain.Lease.LeaseDevice>();
    public DbSet<Kboss.Domain.Lease.LeaseDeviceParameter> LeaseDeviceParameters => Set<Kboss.Domain.Lease.LeaseDeviceParameter>();
    public DbSet<Kboss.Domain.Lease.LeaseOrder> LeaseOrders => Set<Kboss.Domain.Lease.LeaseOrder>();
    // Capital Online network, vendor charges (issue 14)
    public DbSet<Kboss.Domain.Vendors.VendorCharge> VendorCharges => Set<Kboss.Domain.Vendors.VendorCharge>();
    // UCloud (issue 15)
    public DbSet<Kboss.Domain.Vendors.UCloudResource> UCloudResources => Set<Kboss.Domain.Vendors.UCloudResource>();
    // Baidu, JD Cloud, Jiajie, Casdao (issue 15)
    public DbSet<Kboss.Domain.Vendors.VendorAccount> VendorAccounts => Set<Kboss.Domain.Vendors.VendorAccount>();
    public DbSet<Kboss.Domain.Vendors.BaiduOrder> BaiduOrders => Set<Kboss.Domain.Vendors.BaiduOrder>();
    public DbSet<Kboss.Domain.Vendors.BaiduOrderAction> BaiduOrderActions =>
        Set<Kboss.Domain.Vendors.BaiduOrderAction>();
    // Jinan HPC (issue 15)
    public DbSet<Kboss.Domain.Vendors.HpcAccount> HpcAccounts => Set<Kboss.Domain.Vendors.HpcAccount>();
    public DbSet<Kboss.Domain.Vendors.HpcSyncInfo> HpcSyncInfos => Set<Kboss.Domain.Vendors.HpcSyncInfo>();
    // Money (issue 11)
    public DbSet<Kboss.Domain.Finance.BillDayTotal> BillDayTotals => Set<Kboss.Domain.Finance.BillDayTotal>();

    /// <summary>The writer gate this context holds (SQLite, ADR 0016), or null.</summary>
    internal SqliteWriteGate.Lease? WriteLease { get; set; }

    /// <summary>Transactions and auto-committed write commands this context has committed since it was created.</summary>
    public int CommittedUnits { get; internal set; }

    /// <summary>
    /// Begins the unit of work's transaction (ADR 0016). SaveChanges inside it takes no savepoint (two statements
    /// fewer per save): a failed unit is rolled back and retried whole, never continued.
    /// </summary>
    public async Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        Database.AutoSavepointsEnabled = false;
        return new GatedTransaction(await Database.BeginTransactionAsync(cancellationToken), this);
    }

    public void ClearChanges() => ChangeTracker.Clear();

    public bool IsLockConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is WriteGateTimeoutException) return true;
            if (e is SqliteException { SqliteErrorCode: 5 or 6 }) return true; // SQLITE_BUSY, SQLITE_LOCKED
            if (e is Microsoft.Data.SqlClient.SqlException { Number: 1205 or 1222 }) return true; // deadlock, lock time-out
        }
        return false;
    }

    public override void Dispose()
    {
        var lease = WriteLease;
        WriteLease = null;
        base.Dispose(); // rolls back an open transaction (pooled: resets) before the gate is free
        lease?.Release();
    }

    public override async ValueTask DisposeAsync()
    {
        var lease = WriteLease;
        WriteLease = null;
        await base.DisposeAsync();
        lease?.Release();
    }

    public bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        Microsoft.Data.SqlClient.SqlException s => s.Number is 2601 or 2627,
        _ => false,
    };

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        builder.Properties<string>().HaveMaxLength(500);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(KbossDbContext).Assembly);
        foreach (var entity in model.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
            if (typeof(ISoftDeletable).IsAssignableFrom(entity.ClrType))
            {
                var p = Expression.Parameter(entity.ClrType, "e");
                var body = Expression.Equal(Expression.Property(p, nameof(ISoftDeletable.DelFlg)), Expression.Constant(DelFlag.Alive));
                entity.SetQueryFilter(Expression.Lambda(body, p));
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

/// <summary>The context on SQLite (embedded default); owns <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteKbossDbContext(DbContextOptions<SqliteKbossDbContext> options) : KbossDbContext(options);

/// <summary>The context on SQL Server (production); owns <c>Migrations/SqlServer</c>.</summary>
public sealed class SqlServerKbossDbContext(DbContextOptions<SqlServerKbossDbContext> options) : KbossDbContext(options);
