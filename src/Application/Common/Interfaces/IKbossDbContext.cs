using Kboss.Domain.Audit;
using Kboss.Domain.Catalog;
using Kboss.Domain.Cpcc;
using Kboss.Domain.Identity;
using Kboss.Domain.Marketplace;
using Kboss.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Common.Interfaces;

/// <summary>
/// The unit of work the use cases see (ARCHITECTURE.md §3): one DbSet per aggregate. Soft-deleted rows are
/// filtered out of every query. Implemented by <c>KbossDbContext</c> in Infrastructure (SQLite or SQL Server).
/// </summary>
public interface IKbossDbContext
{
    /// <summary>Organisations.</summary>
    DbSet<Organization> Organizations { get; }
    /// <summary>Users.</summary>
    DbSet<User> Users { get; }
    /// <summary>Signed-out tokens.</summary>
    DbSet<RevokedToken> RevokedTokens { get; }
    /// <summary>Failed sign-in counters per account and client address (ADR 0018).</summary>
    DbSet<SignInThrottle> SignInThrottles { get; }
    /// <summary>Audit trail.</summary>
    DbSet<AuditEntry> AuditEntries { get; }
    /// <summary>算力中心.</summary>
    DbSet<ComputeCenter> ComputeCenters { get; }
    /// <summary>算力集群.</summary>
    DbSet<Cluster> Clusters { get; }
    /// <summary>算力部件.</summary>
    DbSet<Widget> Widgets { get; }
    /// <summary>Per-cluster widget stock (<c>import_export</c>).</summary>
    DbSet<WidgetClusterStock> WidgetClusterStocks { get; }
    /// <summary>算力设备.</summary>
    DbSet<Device> Devices { get; }
    /// <summary>资源标签.</summary>
    DbSet<Label> Labels { get; }
    /// <summary>集群资源实例配置.</summary>
    DbSet<InstanceConfig> InstanceConfigs { get; }
    /// <summary>Users' container instances (<c>k8s_instance</c>).</summary>
    DbSet<Kboss.Domain.K8sCloud.CloudInstance> CloudInstances { get; }
    /// <summary>Long machine operations of the container cloud (cpc_operation).</summary>
    DbSet<ProvisioningOperation> ProvisioningOperations { get; }
    /// <summary>公司类别.</summary>
    /// <summary>Sites (url_link) and their owning orgs (ADR 0017).</summary>
    DbSet<Site> Sites { get; }
    DbSet<CompanyCategory> CompanyCategories { get; }
    /// <summary>所属类别 (tree).</summary>
    DbSet<ProductCategory> ProductCategories { get; }
    /// <summary>商品|需求 of the supply–demand square.</summary>
    DbSet<PublishProduct> PublishProducts { get; }
    /// <summary>Category ids of published items (filter path).</summary>
    DbSet<PublishProductCategory> PublishProductCategories { get; }
    /// <summary>用户浏览记录.</summary>
    DbSet<UserBrowseHistory> UserBrowseHistories { get; }
    /// <summary>用户关注收藏.</summary>
    DbSet<UserFavorite> UserFavorites { get; }
    /// <summary>政企资质 (qualification records).</summary>
    DbSet<EnterpriseAuditInfo> EnterpriseAuditInfos { get; }
    /// <summary>销售协议.</summary>
    DbSet<SaleProtocol> SaleProtocols { get; }
    /// <summary>智算产品.</summary>
    DbSet<SmartProduct> SmartProducts { get; }

    /// <summary>产品模板.</summary>
    DbSet<SpecificationTemplate> SpecificationTemplates { get; }
    /// <summary>规格数据.</summary>
    DbSet<SpecificData> SpecificDatas { get; }
    /// <summary>供应商.</summary>
    DbSet<Provider> Providers { get; }
    /// <summary>Provider products.</summary>
    DbSet<Product> Products { get; }
    /// <summary>未来网络 price table.</summary>
    DbSet<WlwlParameter> WlwlParameters { get; }
    /// <summary>首页产品树.</summary>
    DbSet<HomepageCategoryNode> HomepageCategoryNodes { get; }
    /// <summary>立即咨询.</summary>
    DbSet<UserInquiry> UserInquiries { get; }
    /// <summary>Purchased resources of customers.</summary>
    DbSet<CustomerResource> CustomerResources { get; }
    // WeChat login and pay (issue 12)
    /// <summary>充值记录 of WeChat Pay (<c>recharge_logdict</c>).</summary>
    DbSet<Kboss.Domain.WeChat.RechargeRecord> RechargeRecords { get; }
    /// <summary>WeChat web logins in progress (state → code).</summary>
    DbSet<Kboss.Domain.WeChat.WeChatLoginState> WeChatLoginStates { get; }
    /// <summary>kboss users bound to WeChat identities.</summary>
    DbSet<Kboss.Domain.WeChat.WeChatBinding> WeChatBindings { get; }

    // Floating widget, SMS codes, mini-program (issue 12)
    /// <summary>销售/机构二维码名片.</summary>
    DbSet<Kboss.Domain.FloatingWidget.QrCard> QrCards { get; }
    /// <summary>申请试用.</summary>
    DbSet<Kboss.Domain.FloatingWidget.TrialApplication> TrialApplications { get; }
    /// <summary>短信验证码 (hashed).</summary>
    DbSet<Kboss.Domain.FloatingWidget.SmsCode> SmsCodes { get; }
    /// <summary>Per-mobile resend guard of SMS codes.</summary>
    DbSet<Kboss.Domain.FloatingWidget.SmsSendGuard> SmsSendGuards { get; }
    /// <summary>开元云供应产品 (ops supply).</summary>
    DbSet<Kboss.Domain.MiniProgram.KyySupply> KyySupplies { get; }
    /// <summary>用户供给.</summary>
    DbSet<Kboss.Domain.MiniProgram.UserSupply> UserSupplies { get; }
    /// <summary>用户需求.</summary>
    DbSet<Kboss.Domain.MiniProgram.UserDemand> UserDemands { get; }
    // Finance (issue 11)
    /// <summary>账单 (finance.md §2.1).</summary>
    DbSet<Kboss.Domain.Finance.Bill> Bills { get; }
    /// <summary>Customers' prepaid balances (one row per customer org).</summary>
    DbSet<Kboss.Domain.Finance.CustomerBalance> CustomerBalances { get; }
    /// <summary>Immutable balance movements.</summary>
    DbSet<Kboss.Domain.Finance.LedgerEntry> LedgerEntries { get; }
    /// <summary>运营统一折扣 / 统一售价.</summary>
    DbSet<Kboss.Domain.Finance.UnifiedPriceConfig> UnifiedPriceConfigs { get; }
    /// <summary>客户折扣底价 / 客户售价 (with approval state).</summary>
    DbSet<Kboss.Domain.Finance.CustomerProductConfig> CustomerProductConfigs { get; }
    /// <summary>Sale-protocol child rows (cost discount / floor price per product).</summary>
    DbSet<Kboss.Domain.Finance.ProductSaleConfig> ProductSaleConfigs { get; }
    /// <summary>Org profile fields (PRV-02).</summary>
    DbSet<Kboss.Domain.Finance.OrgProfile> OrgProfiles { get; }
    /// <summary>Provider account and settlement settings (PRV-02).</summary>
    DbSet<Kboss.Domain.Finance.ProviderAccount> ProviderAccounts { get; }
    /// <summary>True while a transaction of <see cref="BeginTransactionAsync"/> is open on this unit of work.</summary>
    bool HasOpenTransaction { get; }

    // Approval hub (issue 12)
    /// <summary>审批密钥 (per-org DingTalk apps).</summary>
    DbSet<Kboss.Domain.Approval.ApvKey> ApvKeys { get; }
    /// <summary>审批业务.</summary>
    DbSet<Kboss.Domain.Approval.ApvBusiness> ApvBusinesses { get; }
    /// <summary>审批模板.</summary>
    DbSet<Kboss.Domain.Approval.ApvTemplate> ApvTemplates { get; }
    /// <summary>审批流.</summary>
    DbSet<Kboss.Domain.Approval.ApvFlow> ApvFlows { get; }
    /// <summary>发送人和表单.</summary>
    DbSet<Kboss.Domain.Approval.ApvSendKey> ApvSendKeys { get; }
    /// <summary>Approval instances.</summary>
    DbSet<Kboss.Domain.Approval.ApprovalRecord> ApprovalRecords { get; }
    /// <summary>Outbox of approval results.</summary>
    DbSet<Kboss.Domain.Approval.ApprovalDelivery> ApprovalDeliveries { get; }
    // Messages and documents (issue 12)
    /// <summary>站内信, one row per receiver.</summary>
    DbSet<Domain.Messages.Message> Messages { get; }
    /// <summary>站内信模板 per org.</summary>
    DbSet<Domain.Messages.MessageTemplate> MessageTemplates { get; }
    /// <summary>文档基础表.</summary>
    DbSet<Domain.Documents.Document> Documents { get; }
    // Resellers and invoices (issue 11)
    /// <summary>分销商 white-label rows.</summary>
    DbSet<Domain.Finance.Reseller> Resellers { get; }
    /// <summary>客户发票信息.</summary>
    DbSet<Domain.Finance.CustomerInvoiceInfo> CustomerInvoiceInfos { get; }
    /// <summary>开票申请.</summary>
    DbSet<Domain.Finance.InvoiceApplication> InvoiceApplications { get; }
    /// <summary>Recharge records held by invoice applications.</summary>
    DbSet<Domain.Finance.InvoiceApplicationItem> InvoiceApplicationItems { get; }

    // Compute-centre localisation (issue 11, module 11)
    /// <summary>Compute centres turned into providers (CPC-02).</summary>
    DbSet<Kboss.Domain.Finance.CpccProviderLink> CpccProviderLinks { get; }
    /// <summary>Customers' purchases of compute-centre products (CPC-06).</summary>
    DbSet<Kboss.Domain.Finance.CpccPurchase> CpccPurchases { get; }
    // Provider settlement (issue 11)
    /// <summary>供应商结算单 (finance.md §2.13).</summary>
    DbSet<Kboss.Domain.Finance.ProviderSettlement> ProviderSettlements { get; }
    /// <summary>Bills of live settlements (unique per bill).</summary>
    DbSet<Kboss.Domain.Finance.ProviderSettlementBill> ProviderSettlementBills { get; }
    // Capital Online (issue 14)
    /// <summary>Operator orgs' vendor keys (secret protected).</summary>
    DbSet<Domain.Vendors.VendorCredential> VendorCredentials { get; }
    /// <summary>Which customer org owns which Capital Online resource.</summary>
    DbSet<Domain.Vendors.CdsResource> CdsResources { get; }
    // Leases (issue 13)
    /// <summary>仓库 (lease.md §2.1.3).</summary>
    DbSet<Domain.Lease.LeaseStore> LeaseStores { get; }
    /// <summary>租赁产品 (§2.1.1).</summary>
    DbSet<Domain.Lease.LeaseProduct> LeaseProducts { get; }
    /// <summary>Leased physical devices (§2.1.2).</summary>
    DbSet<Domain.Lease.LeaseServer> LeaseServers { get; }
    /// <summary>Lease bills (§2.1.4).</summary>
    DbSet<Domain.Lease.LeaseBill> LeaseBills { get; }
    /// <summary>Bill lines (§2.1.5).</summary>
    DbSet<Domain.Lease.LeaseBillDevice> LeaseBillDevices { get; }
    /// <summary>合同 (§2.1.6).</summary>
    DbSet<Domain.Lease.LeaseContract> LeaseContracts { get; }
    /// <summary>Sent expiry warnings (§2.1.7).</summary>
    DbSet<Domain.Lease.LeaseWarning> LeaseWarnings { get; }
    /// <summary>Leasable unit records of catalogue products (§2.2.3).</summary>
    DbSet<Domain.Lease.LeaseDevice> LeaseDevices { get; }
    /// <summary>Their configuration (§2.2.4).</summary>
    DbSet<Domain.Lease.LeaseDeviceParameter> LeaseDeviceParameters { get; }
    /// <summary>Locks and rentals of units (§2.2.5).</summary>
    DbSet<Domain.Lease.LeaseOrder> LeaseOrders { get; }
    // Capital Online network, vendor charges (issue 14)
    /// <summary>Paid vendor operations: idempotency record, hold and bill (ADR 0041).</summary>
    DbSet<Domain.Vendors.VendorCharge> VendorCharges { get; }
    // UCloud (issue 15)
    /// <summary>Which customer org owns which UCloud host, firewall, EIP and project.</summary>
    DbSet<Domain.Vendors.UCloudResource> UCloudResources { get; }
    // Baidu, JD Cloud, Jiajie, Casdao (issue 15)
    /// <summary>Users' accounts at Baidu, JD Cloud and Jiajie.</summary>
    DbSet<Domain.Vendors.VendorAccount> VendorAccounts { get; }
    /// <summary>Baidu orders of customers' sub-accounts (synced).</summary>
    DbSet<Domain.Vendors.BaiduOrder> BaiduOrders { get; }
    /// <summary>Refund confirmations and cancels of Baidu orders (one per order and action).</summary>
    DbSet<Domain.Vendors.BaiduOrderAction> BaiduOrderActions { get; }
    // Jinan HPC (issue 15)
    /// <summary>Operators' Jinan HPC account pools (E-HPC-1).</summary>
    DbSet<Domain.Vendors.HpcAccount> HpcAccounts { get; }
    /// <summary>Jinan HPC purchases and their sync to the centre (E-HPC-2).</summary>
    DbSet<Domain.Vendors.HpcSyncInfo> HpcSyncInfos { get; }
    // Money (issue 11)
    /// <summary>Live bills per owner org, day, operation and state (ADR 0040).</summary>
    DbSet<Kboss.Domain.Finance.BillDayTotal> BillDayTotals { get; }

    /// <summary>Saves tracked changes in one transaction.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts a transaction (SQLite: <c>BEGIN IMMEDIATE</c>, so concurrent writers queue instead of deadlocking).
    /// </summary>
    Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets every tracked change (after a failed save that will be retried).</summary>
    void ClearChanges();

    /// <summary>
    /// Transactions and auto-committed write statements this unit of work has committed so far; a unit that committed
    /// something is not retried whole.
    /// </summary>
    int CommittedUnits { get; }

    /// <summary>
    /// True when <paramref name="exception"/> (or an inner one) is a lost lock race: SQLite busy/locked (another
    /// process holds the file), the in-process writer gate not free in time, SQL Server deadlock or lock time-out.
    /// </summary>
    bool IsLockConflict(Exception exception);

    /// <summary>True when <paramref name="exception"/> is a unique-index violation of the current provider.</summary>
    bool IsUniqueViolation(DbUpdateException exception);
}
