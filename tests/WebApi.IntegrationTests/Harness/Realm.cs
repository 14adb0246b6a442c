using System.Text.Json.Nodes;
using Kboss.Domain.Catalog;
using Kboss.Domain.Marketplace;
using Kboss.Domain.Identity;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>
/// The users of every role and org A's realistic set of objects: a centre with clusters on the fake cluster API,
/// widgets, a label, a device, an instance config, a site with categories, tree nodes and items, a smart product,
/// an inquiry, a template, specific data, a protocol, a qualification. Private objects carry <see cref="Marker"/>
/// in a name, so a response showing it to another org is a cross-org read.
/// </summary>
public sealed class Realm
{
    public const string Password = "Harness-Passw0rd";
    private readonly HarnessHost _host;

    private Realm(HarnessHost host, int seed)
    {
        _host = host;
        Marker = $"zzsecret{seed:x8}";
        SiteA = $"https://a{seed:x8}.harness.invalid";
    }

    /// <summary>Lower-case letters and digits only, so Kubernetes names and labels may carry it.</summary>
    public string Marker { get; }
    public string SiteA { get; }
    /// <summary>A kubeconfig of the fake cluster API on loopback.</summary>
    public string Kubeconfig => _host.Kube.Kubeconfig;
    public string OrgA { get; private set; } = "";
    public string OrgB { get; private set; } = "";
    public string CustomerOrgA { get; private set; } = "";
    public string OperatorAUserId { get; private set; } = "";
    /// <summary>A customer of A whose password the fuzz may reset and whom it may disable (ADR 0025): the account
    /// operations that end sessions name this user instead of a caller of the harness.</summary>
    public string VictimUserId { get; private set; } = "";
    public SeededCenter CentreA { get; private set; } = null!;
    public Caller Anonymous { get; } = new("anonymous");
    public Caller Admin { get; private set; } = null!;
    public Caller OperatorA { get; private set; } = null!;
    public Caller CustomerA { get; private set; } = null!;
    public Caller SalesA { get; private set; } = null!;
    public Caller OperatorB { get; private set; } = null!;
    public Caller SalesB { get; private set; } = null!;
    public Caller CustomerB { get; private set; } = null!;
    /// <summary>HTTP Basic credentials of A's centre (pcapi).</summary>
    public Caller PcapiA { get; private set; } = null!;
    /// <summary>Values of A for scope parameters (<c>cpcid</c>, <c>orgid</c>, <c>url_link</c>, …), by name.</summary>
    public Dictionary<string, string> Scope { get; } = new(StringComparer.Ordinal);
    /// <summary>Setup steps that did not succeed (printed as warnings: the sweep covers fewer objects).</summary>
    public List<string> SetupProblems { get; } = [];

    /// <summary>
    /// The fuzz roles: anonymous, admin, A's operator, and another org's customer, sales and operator.
    /// </summary>
    public IReadOnlyList<Caller> FuzzRoles => [Anonymous, Admin, OperatorA, CustomerB, SalesB, OperatorB];

    /// <summary>
    /// The cross-org attackers: another operator org, its sales user, a customer of another org, anonymous.
    /// </summary>
    public IReadOnlyList<Caller> Attackers => [OperatorB, SalesB, CustomerB, Anonymous];

    /// <summary>
    /// Orgs A and B and their users (step 1; the objects of A follow in <see cref="CreateObjectsOfAAsync"/>).
    /// </summary>
    public static async Task<Realm> CreateUsersAsync(HarnessHost host, int seed)
    {
        var realm = new Realm(host, seed);
        await realm.UsersAsync();
        return realm;
    }

    private Api As(Caller who) => who.Bearer is null ? new Api(new HttpClient { BaseAddress = _host.Http.BaseAddress })
        : new Api(new HttpClient { BaseAddress = _host.Http.BaseAddress }).WithToken(who.Bearer);

    /// <summary>
    /// The first successful setup request of each path: the cross-org sweep replays it as the attackers.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Recipes { get; } = new(StringComparer.Ordinal);

    private async Task<string> IdAsync(Caller who, string path, params (string, string?)[] form)
    {
        var r = await As(who).PostAsync(path, form);
        if (r.Status) Recipes.TryAdd(path, form.Where(f => f.Item2 is not null).ToDictionary(f => f.Item1, f =>
            f.Item2!));
        if (r.Status) return r.Data?["id"] is JsonValue id ? id.GetValue<string>() : "";
        SetupProblems.Add($"{path} as {who.Role}: {HarnessClient.Short(r.Raw)}");
        return "";
    }

    private async Task<Caller> UserAsync(Caller by, string role, string orgId, string name)
    {
        await IdAsync(by, "/user/add_user.dspy", ("username", name), ("password", Password), ("roles", role), ("orgid",
            orgId));
        return new Caller(name, await As(Anonymous).LoginAsync(name, Password));
    }

    private readonly Dictionary<string, Caller> _spares = new(StringComparer.Ordinal);

    /// <summary>
    /// A second session of the same user, for operations that end the session (logout) while others use the first.
    /// </summary>
    public Caller SpareFor(Caller who) => _spares.GetValueOrDefault(who.Role, who);

    private async Task SpareAsync(Caller who, string username, string password) =>
        _spares[who.Role] = who with { Bearer = await As(Anonymous).LoginAsync(username, password) };

    private async Task UsersAsync()
    {
        Admin = new Caller("admin", await As(Anonymous).LoginAsync("admin", KbossFactory.AdminPassword));
        OrgA = await IdAsync(Admin, "/user/add_org.dspy", ("name", "运营机构甲"), ("kind", "operator"));
        OrgB = await IdAsync(Admin, "/user/add_org.dspy", ("name", "运营机构乙"), ("kind", "operator"));
        OperatorA = await UserAsync(Admin, Roles.Operator, OrgA, "opa") with { Role = "operator" };
        OperatorB = await UserAsync(Admin, Roles.Operator, OrgB, "opb") with { Role = "foreign-operator" };
        SalesA = await UserAsync(Admin, Roles.Sales, OrgA, "salesa");
        SalesB = await UserAsync(Admin, Roles.Sales, OrgB, "salesb") with { Role = "sales" };
        CustomerOrgA = await IdAsync(OperatorA, "/user/add_org.dspy", ("name", "客户甲"), ("kind", "customer"));
        var customerOrgB = await IdAsync(OperatorB, "/user/add_org.dspy", ("name", "客户乙"), ("kind", "customer"));
        CustomerA = await UserAsync(OperatorA, Roles.Customer, CustomerOrgA, "custa");
        CustomerB = await UserAsync(OperatorB, Roles.Customer, customerOrgB, "custb") with { Role = "customer" };
        await SpareAsync(Admin, "admin", KbossFactory.AdminPassword);
        foreach (var (who, name) in new[] { (OperatorA, "opa"), (OperatorB, "opb"), (SalesB, "salesb"), (CustomerB,
            "custb") })
            await SpareAsync(who, name, Password);
        OperatorAUserId = (await As(OperatorA).GetAsync("/user/current_user.dspy")).Data!["userid"]!.GetValue<string>();
        VictimUserId = await IdAsync(OperatorA, "/user/add_user.dspy", ("username", "victima"), ("password", Password),
            ("roles", Roles.Customer), ("orgid", CustomerOrgA));
    }

    public async Task CreateObjectsOfAAsync()
    {
        CentreA = await Seed.CenterAsync(_host.Services, OrgA, Plenty, kubeconfig: _host.Kube.Kubeconfig);
        var apiUser = $"{Marker}api";
        await _host.WithDbAsync(async db =>
        {
            var centre = await db.ComputeCenters.IgnoreQueryFilters().SingleAsync(c => c.Id == CentreA.Id);
            centre.ApiUser = apiUser;
            centre.ContactName = $"{Marker}联系人";
            await db.SaveChangesAsync();
        });
        await _host.PointCentresAtLoopbackAsync();
        PcapiA = new Caller("pcapi-a", Basic: $"{apiUser}:pcapi-secret");
        Scope["cpcid"] = CentreA.Id;
        Scope["clusterid"] = CentreA.Chaoyang;
        Scope["orgid"] = Scope["offer_orgid"] = Scope["owner_orgid"] = OrgA;
        Scope["bid_orgid"] = CustomerOrgA;
        Scope["url_link"] = SiteA;
        Scope["userid"] = OperatorAUserId;

        await IdAsync(OperatorA, "/dev/cpcc/cpclabel/add_cpclabel.dspy", ("name", $"{Marker}标签"), ("labeltype", "1"),
            ("label_key", $"{Marker}.io/k"), ("label_value", "v"), ("orgid", OrgA));
        await IdAsync(OperatorA, "/dev/cpcc/cpcnode/add_cpcnode.dspy", DeviceTests.Fields(CentreA.Id, "127.0.0.1",
            $"{Marker}设备"));
        await IdAsync(OperatorA, "/dev/cpcc/cpcpodyaml/new_cpcpodyaml.dspy",
            [.. ClusterConfigTests.Config(CentreA.Chaoyang, "30999").Where(f => f.Item1 != "source_name"),
                ("source_name", $"{Marker}-pod")]);

        await IdAsync(OperatorA, "/product/company_category_add.dspy", ("company_category", "云服务商"), ("url_link",
            SiteA));
        var root = await IdAsync(OperatorA, "/product/product_category_add.dspy", ("product_category", "算力"),
            ("url_link", SiteA), ("priority", "1"));
        await IdAsync(OperatorA, "/product/product_category_add.dspy", ("product_category", "GPU"), ("url_link", SiteA),
            ("parentid", root));
        await IdAsync(OperatorA, "/product/homepage_category_tree_add.dspy", ("url_link", SiteA), ("parentid", "0"),
            ("priority", "1"), ("name", "首页"));
        var item = await IdAsync(OperatorA, "/product/publish_product_add.dspy", Market.Item(SiteA, "运营商品",
            $"[\"{root}\"]", "1"));
        await IdAsync(CustomerA, "/product/publish_product_add.dspy", Market.Item(SiteA, $"{Marker}求购", $"[\"{root}\"]",
            "2"));
        await IdAsync(CustomerA, "/product/add_user_inquiry.dspy", ("url_link", SiteA), ("publish_type", "1"),
            ("relate_id", item),
            ("name", $"{Marker}询价人"), ("phone", "13800000000"), ("content", $"{Marker}询价内容"));
        await IdAsync(CustomerA, "/user/favorite_add.dspy", ("productid", item), ("favorite_type", "1"));
        await As(CustomerA).GetAsync("/product/publish_product_search_detail.dspy", ("id", item));
        await IdAsync(CustomerA, "/user/enterprise_audit_info_add.dspy", ("account_type", "2"), ("company_name",
            $"{Marker}公司"),
            ("license_number", "91110000MA01XXXX1X"), ("contact_name", "李四"), ("telephone", "010-12345678"),
                ("mobile_phone", "13800000000"));
        var (provider, product) = await ProviderOfAAsync();
        await IdAsync(OperatorA, "/product/specification_template_add.dspy", ("patternname", $"{Marker}模板"),
            ("productid", provider),
            ("spec_pattern", "{\"cpu\":\"\"}"));
        await IdAsync(OperatorA, "/product/specific_data_add.dspy", ("productid", product), ("spec_data",
            $"{{\"{Marker}\":8}}"));
        await IdAsync(OperatorA, "/product/sale_protocol_add.dspy", ("offer_orgid", OrgA), ("bid_orgid", CustomerOrgA),
            ("salemode", "0"), ("settlemode", "月结"), ("settle_dp", $"{Marker}结算"), ("start_date", "2026-01-01"),
                ("end_date", "2026-12-31"));
        await IdAsync(OperatorA, "/product/wlwl_parameter_save.dspy", ("high_school", "甲大学"), ("chaosuan_center",
            "甲超算"),
            ("route_num", "1"), ("broadband", "100M"), ("price", "10"), ("distance", "5"));
        await IdAsync(SalesA, "/product_smart/batch_add_zhisuan.dspy",
            ("data", """[{"product_model":"A100-甲","card_type":"A100"}]"""));
        // Floating widget, mini-program (issue 12)
        await IdAsync(OperatorA, "/operation/kyy_add_supply.dspy", ("basic_info", $"{{\"{Marker}\":\"甲集群\"}}"),
            ("remark", $"{Marker}供应"));
        await IdAsync(SalesA, "/floating/add_picture.dspy", ("picture", $"qr/{Marker}.png"));
        await IdAsync(OperatorA, "/floating/add_opicture.dspy", ("picture", $"qr/{Marker}-org.png"));
        // Messages and documents (issue 12): a template, a message to A's customer, a hidden document
        var customerA = (await As(CustomerA).GetAsync("/user/current_user.dspy")).Data!["userid"]!.GetValue<string>();
        await IdAsync(OperatorA, "/message/addmsg_config.dspy", ("msgtype", $"{Marker}类型"), ("msgtext", "$name"));
        await IdAsync(OperatorA, "/message/add_msg.dspy", ("receiverid", customerA), ("msgtitle", $"{Marker}标题"),
            ("msgtype", $"{Marker}类型"), ("msgtext", $"{Marker}正文"));
        await IdAsync(OperatorA, "/doc/upload_doc.dspy", ("title", $"{Marker}文档"), ("content", $"{Marker}内容"));
        // Leases (issue 13): a store, a product with a device in it, a lease record of A's provider
        var store = $"{Marker}仓库";
        await IdAsync(OperatorA, "/lease/create_store.dspy", ("name", store), ("bandwidth_price", "1"));
        var lease = await As(OperatorA).PostJsonAsync("/lease/create_lease_data.dspy", new
        {
            products = new { product_name = $"{Marker}租赁产品", stock = "1", price = "1",
                lease_start_time = "2026-01-01", lease_end_time = "2027-12-31" },
            servers = new { store_name = store, cpu = $"{Marker}cpu" },
        });
        if (!lease.Status) SetupProblems.Add($"/lease/create_lease_data.dspy: {HarnessClient.Short(lease.Raw)}");
        await IdAsync(OperatorA, "/lease_product/create_server.dspy", ("providerid", provider), ("productid", product),
            ("stock", "5"), ("price", "1"), ("end_date", "2099-12-31"), ("store_name", $"{Marker}机房"));
    }

    /// <summary>A provider and one product of A (written directly: providers have no endpoint yet).</summary>
    private async Task<(string Provider, string Product)> ProviderOfAAsync()
    {
        var provider = new Provider { Name = $"{Marker}供应商", Prefix = Marker[^6..], OrgId = OrgA };
        var product = new Product
        {
            ProviderId = provider.Id, ProviderPid = "pid-a", Name = "甲产品", ProductGroup = "云主机", PType = "cloud",
                Classify = "未配置",
            State = "1", EffectDate = new DateOnly(2026, 1, 1), ExpireDate = new DateOnly(2027, 1, 1),
                SaleMode = SaleModes.Rebate,
            ProductCode = "code-a", SpecNote = "", ProductArea = "北京", SpecificPattern = "{}", ResellerOrgId = OrgA,
            CreateAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        await _host.WithDbAsync(async db =>
        {
            db.Providers.Add(provider);
            db.Products.Add(product);
            await db.SaveChangesAsync();
        });
        return (provider.Id, product.Id);
    }

    /// <summary>Stock that any instance of the setup fits.</summary>
    private static readonly IReadOnlyDictionary<string, long> Plenty = new Dictionary<string, long>
    {
        ["INTEL(R) XEON(R) PLATINUM 8582C"] = 10_000, ["STANDARD"] = 10_000_000, ["SYS"] = 1_000_000,
            ["DATA"] = 1_000_000,
        ["RTX5090-32G"] = 1_000,
    };
}
