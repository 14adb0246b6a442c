using System.Text.Json.Nodes;
using Kboss.Domain.Catalog;
using Kboss.Domain.Identity;
using Kboss.Domain.Marketplace;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>Module 03 产品模板 (analysis/catalog.md §3.1, §4.4, §4.5, §4.9; ADR 0008), through HTTP on SQLite.</summary>
public sealed class CatalogTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Groups =
    [
        "大数据平台", "泛CDN", "AI能力引擎", "云与业务安全", "网络", "边缘计算", "计算", "云原生平台",
        "数据库", "智能内容科技", "智慧城市", "存储", "SME企业服务", "视频云平台", "智能短信",
    ];

    private static JsonArray Arr(Response r)
    {
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!.AsArray();
    }

    private async Task<(string ProviderId, string Prefix)> ProviderAsync(string? orgForProducts = null, params (string Group, string Name)[] products)
    {
        var prefix = "P" + Guid.NewGuid().ToString("N")[..8];
        var provider = new Provider { Name = "供应商" + prefix, Prefix = prefix.ToLowerInvariant(), OrgId = DemoData.OrgId };
        await app.Factory.WithDbAsync(async db =>
        {
            db.Providers.Add(provider);
            var t = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            foreach (var (group, name) in products)
            {
                t = t.AddMinutes(1);
                db.Products.Add(new Product
                {
                    ProviderId = provider.Id, ProviderPid = "pid-" + name, Name = name, ProductGroup = group, PType = "cloud",
                    Classify = "未配置", State = "1", EffectDate = new DateOnly(2026, 1, 1), ExpireDate = new DateOnly(2027, 1, 1),
                    SaleMode = SaleModes.Rebate, ProductCode = "code-" + name, SpecNote = "", ProductArea = "北京",
                    SpecificPattern = "{}", ResellerOrgId = orgForProducts ?? DemoData.OrgId, CreateAt = t,
                });
            }
            await db.SaveChangesAsync();
        });
        return (provider.Id, prefix);
    }

    // ---------- 产品模板 ----------

    [Fact]
    public async Task Templates_add_search_update_delete_with_org_scope_and_roles()
    {
        var op = app.Operator();
        var provider = "prov" + Guid.NewGuid().ToString("N")[..10];
        var add = await op.GetAsync("/product/specification_template_add.dspy", ("patternname", "GPU云主机规格"), ("productid", provider), ("spec_pattern", "{\"cpu\":\"\"}"));
        add.Status.Should().BeTrue(add.Raw);
        add.Msg.Should().Be("添加成功");
        var id = add.Data!["id"]!.GetValue<string>();
        id.Should().HaveLength(21);

        var search = await op.GetAsync("/product/specification_template_search.dspy", ("providerid", provider));
        search.Msg.Should().Be("查找成功");
        var row = Arr(search).Single()!.AsObject();
        row.Select(p => p.Key).Should().BeEquivalentTo(["id", "orgid", "patternname", "productid", "spec_pattern", "del_flg", "create_at"]);
        row["orgid"]!.GetValue<string>().Should().Be(DemoData.OrgId);
        row["spec_pattern"]!.GetValue<string>().Should().Be("{\"cpu\":\"\"}");
        row["del_flg"]!.GetValue<string>().Should().Be("0");
        row["create_at"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");

        // another operator org neither sees nor changes it
        Arr(await app.OtherOperator().GetAsync("/product/specification_template_search.dspy", ("providerid", provider))).Should().BeEmpty();
        (await app.OtherOperator().GetAsync("/product/specification_template_delete.dspy", ("id", id))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/product/specification_template_add.dspy", ("orgid", DemoData.OrgId), ("patternname", "x"), ("productid", provider), ("spec_pattern", "y"))).Http.Should().Be(403);

        var upd = await op.GetAsync("/product/specification_template_update.dspy", ("id", id), ("patternname", "新名称"));
        upd.Msg.Should().Be("更新成功");
        upd.Data!["patternname"]!.GetValue<string>().Should().Be("新名称");
        upd.Data["spec_pattern"]!.GetValue<string>().Should().Be("{\"cpu\":\"\"}", "absent parameters keep their value");

        (await op.GetAsync("/product/specification_template_delete.dspy", ("id", id))).Msg.Should().Be("删除成功");
        Arr(await op.GetAsync("/product/specification_template_search.dspy", ("providerid", provider))).Should().BeEmpty();
        var again = await op.GetAsync("/product/specification_template_delete.dspy", ("id", id));
        (again.Status, again.Code, again.Msg).Should().Be((false, "not_found", "记录不存在"));

        var missing = await op.GetAsync("/product/specification_template_add.dspy", ("patternname", "x"));
        (missing.Http, missing.Status, missing.Code).Should().Be((200, false, "invalid_argument"));
        missing.Body["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["productid", "spec_pattern"]);
        (await app.Customer().GetAsync("/product/specification_template_search.dspy")).Http.Should().Be(403);
        (await app.Anonymous().GetAsync("/product/specification_template_search.dspy")).Http.Should().Be(401);
        (await op.GetAsync("/product/specification_template_update.dspy", ("id", new string('x', 500)))).Code.Should().Be("invalid_argument");
    }

    // ---------- 规格数据 ----------

    [Fact]
    public async Task Specific_data_needs_a_product_of_the_callers_org_accepts_a_client_id_and_is_found_by_record_or_product_id()
    {
        var (_, _) = await ProviderAsync(null, ("计算", "云主机A"));
        string productId = "";
        await app.Factory.WithDbAsync(db =>
        {
            productId = db.Products.Where(p => p.Name == "云主机A").OrderByDescending(p => p.CreateAt).First().Id;
            return Task.CompletedTask;
        });
        var op = app.Operator();
        var clientId = "sd" + Guid.NewGuid().ToString("N")[..12];
        var add = await op.GetAsync("/product/specific_data_add.dspy", ("id", clientId), ("productid", productId), ("spec_data", "{\"cpu\":8}"));
        add.Msg.Should().Be("添加成功");
        add.Data!["id"]!.GetValue<string>().Should().Be(clientId);
        var dup = await op.GetAsync("/product/specific_data_add.dspy", ("id", clientId), ("productid", productId), ("spec_data", "x"));
        (dup.Status, dup.Code, dup.Msg).Should().Be((false, "conflict", "该id已存在"));
        var second = Market.Id(await op.GetAsync("/product/specific_data_add.dspy", ("productid", productId), ("spec_data", "{\"cpu\":16}")));

        var unknown = await op.GetAsync("/product/specific_data_add.dspy", ("productid", "nope"), ("spec_data", "x"));
        (unknown.Code, unknown.Msg).Should().Be(("not_found", "产品不存在"));
        (await app.OtherOperator().GetAsync("/product/specific_data_add.dspy", ("productid", productId), ("spec_data", "x"))).Http.Should().Be(403);
        (await op.GetAsync("/product/specific_data_add.dspy", ("id", "bad id!"), ("productid", productId), ("spec_data", "x"))).Code.Should().Be("invalid_argument");

        var byId = Arr(await op.GetAsync("/product/specific_data_search.dspy", ("id", clientId)));
        byId.Single()!["spec_data"]!.GetValue<string>().Should().Be("{\"cpu\":8}");
        byId.Single()!["productid"]!.GetValue<string>().Should().Be(productId);
        Arr(await op.GetAsync("/product/specific_data_search.dspy", ("id", productId))).Select(r => r!["id"]!.GetValue<string>()).Should().BeEquivalentTo([clientId, second]);
        Arr(await app.OtherOperator().GetAsync("/product/specific_data_search.dspy", ("id", productId))).Should().BeEmpty();

        var upd = await op.GetAsync("/product/specific_data_update.dspy", ("id", second), ("spec_data", "{\"cpu\":32}"));
        upd.Msg.Should().Be("更新成功");
        upd.Data!["spec_data"]!.GetValue<string>().Should().Be("{\"cpu\":32}");
        (await app.OtherOperator().GetAsync("/product/specific_data_update.dspy", ("id", second), ("spec_data", "x"))).Http.Should().Be(403);
        (await op.GetAsync("/product/specific_data_delete.dspy", ("id", second))).Msg.Should().Be("删除成功");
        Arr(await op.GetAsync("/product/specific_data_search.dspy", ("id", productId))).Should().HaveCount(1);
        (await op.GetAsync("/product/specific_data_delete.dspy")).Code.Should().Be("invalid_argument");
        (await app.Customer().GetAsync("/product/specific_data_search.dspy")).Http.Should().Be(403);
    }

    // ---------- 产品组查询 ----------

    [Fact]
    public async Task Product_groups_have_the_15_keys_in_doc_order_all_20_fields_and_filter_by_provider_prefix()
    {
        var (providerId, prefix) = await ProviderAsync(null, ("计算", "云主机"), ("存储", "对象存储"), ("计算", "裸金属"), ("量子计算", "量子"));
        await ProviderAsync(null, ("网络", "专线"));
        await ProviderAsync(app.OtherOrgId, ("数据库", "别家数据库"));

        var r = await app.Operator().GetAsync("/product/provider_product_group.dspy", ("prefix", prefix.ToUpperInvariant()));
        r.Status.Should().BeTrue(r.Raw);
        r.Msg.Should().Be("查找成功");
        r.Raw.Should().Contain("\"大数据平台\"", "Chinese keys are not escaped");
        var data = r.Data!.AsObject();
        data.Select(p => p.Key).Should().Equal([.. Groups, "量子计算"]);
        data["计算"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Equal("云主机", "裸金属");
        data["存储"]!.AsArray().Should().HaveCount(1);
        data["网络"]!.AsArray().Should().BeEmpty("another provider's product is filtered out by prefix");
        var item = data["计算"]![0]!.AsObject();
        item.Select(p => p.Key).Should().Equal("id", "providerid", "providerpid", "name", "description", "label", "productgroup", "ptype",
            "classify", "state", "effect_date", "expire_date", "salemode", "product_code", "spec_note", "product_area", "specific_pattern",
            "reseller_orgid", "del_flg", "create_at");
        item["providerid"]!.GetValue<string>().Should().Be(providerId);
        item["effect_date"]!.GetValue<string>().Should().Be("2026-01-01");
        item["salemode"]!.GetValue<string>().Should().Be("1");
        item["description"].Should().BeNull();

        var other = await app.OtherOperator().GetAsync("/product/provider_product_group.dspy", ("prefix", prefix));
        other.Data!.AsObject().Select(p => p.Value!.AsArray().Count).Sum().Should().Be(0, "products sold by another org are not shown");
        var none = await app.Operator().GetAsync("/product/provider_product_group.dspy", ("prefix", "nosuchprefix"));
        none.Data!.AsObject().Select(p => p.Key).Should().Equal(Groups);
        (await app.Anonymous().GetAsync("/product/provider_product_group.dspy")).Http.Should().Be(401);
        (await app.Operator().GetAsync("/product/provider_product_group.dspy", ("prefix", new string('a', 60)))).Code.Should().Be("invalid_argument");
    }

    // ---------- 未来网络 ----------

    [Fact]
    public async Task Wlwl_spec_example_gives_350000_long_distance_no_parameters_list_everything_and_operators_edit_the_table()
    {
        const string path = "/product/wlwl_parameter_search.dspy";
        var all = Arr(await app.Anonymous().GetAsync(path));
        all.Should().NotBeEmpty();
        var example = all.Single(r => r!["price"]!.GetValue<string>() == "350000")!;
        example["distance"]!.GetValue<string>().Should().Be("长距离");

        // the doc's parameter names carry a stray trailing space
        var lookup = await app.Anonymous().GetAsync(path, ("high_school ", example["high_school"]!.GetValue<string>()),
            ("chaosuan_center ", example["chaosuan_center"]!.GetValue<string>()), ("route_num", example["route_num"]!.GetValue<string>()),
            ("broadband", example["broadband"]!.GetValue<string>()));
        lookup.Status.Should().BeTrue(lookup.Raw);
        lookup.Msg.Should().Be("查找成功");
        JsonNode.DeepEquals(lookup.Data, JsonNode.Parse("{\"price\":\"350000\",\"distance\":\"长距离\"}")).Should().BeTrue(lookup.Raw);

        var op = app.Operator();
        var save = await op.GetAsync("/product/wlwl_parameter_save.dspy", ("high_school", "北京航空航天大学"), ("chaosuan_center", "青岛超算"),
            ("route_num", "2"), ("broadband", "1G"), ("price", "120000.5"), ("distance", "中距离"), ("sort", "2"));
        save.Msg.Should().Be("添加成功");
        var q = new (string, string?)[] { ("high_school", "北京航空航天大学"), ("chaosuan_center", "青岛超算"), ("route_num", "2"), ("broadband", "1G") };
        var hit = await app.Anonymous().GetAsync(path, [.. q, ("discount", "0.8")]);
        hit.Data!["price"]!.GetValue<string>().Should().Be("120000.5");
        hit.Data["distance"]!.GetValue<string>().Should().Be("中距离");
        hit.Data["discount_price"]!.GetValue<string>().Should().Be("96000.4");
        (await op.GetAsync("/product/wlwl_parameter_save.dspy", [.. q, ("price", "130000"), ("distance", "中距离")])).Msg.Should().Be("更新成功");
        (await app.Anonymous().GetAsync(path, q)).Data!["price"]!.GetValue<string>().Should().Be("130000");
        Arr(await app.Anonymous().GetAsync(path, ("chaosuan_center", "青岛超算"))).Select(r => r!["high_school"]!.GetValue<string>()).Should().Contain("北京航空航天大学");
        Arr(await app.Anonymous().GetAsync(path)).Should().HaveCount(all.Count + 1);

        (await op.GetAsync("/product/wlwl_parameter_save.dspy", [.. q, ("del_flg", "1")])).Msg.Should().Be("删除成功");
        var gone = await app.Anonymous().GetAsync(path, q);
        (gone.Status, gone.Code, gone.Msg).Should().Be((false, "not_found", "未找到对应价格"));
        (await app.Anonymous().GetAsync(path, ("discount", "abc"))).Code.Should().Be("invalid_argument");
        (await app.Anonymous().GetAsync(path, ("discount", "1.5"))).Code.Should().Be("invalid_argument");
        (await app.Customer().GetAsync("/product/wlwl_parameter_save.dspy", [.. q, ("price", "1"), ("distance", "x")])).Http.Should().Be(403);
        (await op.GetAsync("/product/wlwl_parameter_save.dspy", [.. q, ("price", "-1"), ("distance", "x")])).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Parallel_saves_of_one_wlwl_combination_keep_one_row_and_parallel_adds_of_one_spec_data_id_keep_one()
    {
        var school = "高校" + Guid.NewGuid().ToString("N")[..6];
        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => app.Operator().GetAsync("/product/wlwl_parameter_save.dspy",
            ("high_school", school), ("chaosuan_center", "无锡超算"), ("route_num", "4"), ("broadband", "100G"), ("price", (1000 + i).ToString()), ("distance", "长距离"))));
        saves.Should().OnlyContain(r => r.Status, "a losing insert is applied as an update");
        Arr(await app.Anonymous().GetAsync("/product/wlwl_parameter_search.dspy", ("high_school", school))).Should().HaveCount(1);

        await ProviderAsync(null, ("计算", "并发产品"));
        string productId = "";
        await app.Factory.WithDbAsync(db =>
        {
            productId = db.Products.Where(p => p.Name == "并发产品").OrderByDescending(p => p.CreateAt).First().Id;
            return Task.CompletedTask;
        });
        var id = "race" + Guid.NewGuid().ToString("N")[..10];
        var adds = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.Operator().GetAsync("/product/specific_data_add.dspy", ("id", id), ("productid", productId), ("spec_data", "{}"))));
        adds.Count(r => r.Status).Should().Be(1);
        adds.Where(r => !r.Status).Should().OnlyContain(r => r.Code == "conflict");
        Arr(await app.Operator().GetAsync("/product/specific_data_search.dspy", ("id", productId))).Should().HaveCount(1);
    }

    // ---------- 首页产品树 ----------

    [Fact]
    public async Task Homepage_tree_nests_sorts_by_priority_rejects_cycles_and_deletes_subtrees()
    {
        var op = app.Operator();
        var site = Market.NewSite();
        async Task<string> Add(string name, string parent, string priority, params (string, string?)[] extra) =>
            Market.Id(await op.GetAsync("/product/homepage_category_tree_add.dspy", [("url_link", site), ("parentid", parent), ("priority", priority), ("name", name), .. extra]));
        var cloud = await Add("云计算", "0", "2");
        var ai = await Add("人工智能", "0", "1", ("icon", "https://x.cn/i.png"));
        var gpu = await Add("GPU云主机", cloud, "1", ("source", "佳杰"), ("listurl", "https://x.cn/gpu"));
        var bare = await Add("裸金属", cloud, "0");
        var deep = await Add("A100", gpu, "1");

        var tree = Arr(await app.Anonymous().GetAsync("/product/get_firstpage_product_tree.dspy", ("url_link", site)));
        tree.Select(n => n!["name"]!.GetValue<string>()).Should().Equal("人工智能", "云计算");
        var cloudNode = tree[1]!.AsObject();
        cloudNode["children"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).Should().Equal("裸金属", "GPU云主机");
        var gpuNode = cloudNode["children"]![1]!.AsObject();
        gpuNode["source"]!.GetValue<string>().Should().Be("佳杰");
        gpuNode["listurl"]!.GetValue<string>().Should().Be("https://x.cn/gpu");
        gpuNode["priority"]!.GetValue<string>().Should().Be("1");
        gpuNode["children"]![0]!["id"]!.GetValue<string>().Should().Be(deep);
        gpuNode.ContainsKey("parentid").Should().BeFalse("the public tree has no admin fields");

        var admin = Arr(await op.GetAsync("/product/homepage_category_tree_search.dspy", ("url_link", site)));
        admin[1]!["children"]![1]!["parentid"]!.GetValue<string>().Should().Be(cloud);
        admin[0]!["parentid"]!.GetValue<string>().Should().Be("0");
        Arr(await app.OtherOperator().GetAsync("/product/homepage_category_tree_search.dspy", ("url_link", site))).Should().BeEmpty();

        var detail = await app.Anonymous().GetAsync("/product/get_firstpage_net_detail.dspy", ("id", gpu));
        detail.Msg.Should().Be("查找成功");
        detail.Data!["name"]!.GetValue<string>().Should().Be("GPU云主机");
        detail.Data["children"]!.AsArray().Should().HaveCount(1);

        var noParent = await op.GetAsync("/product/homepage_category_tree_add.dspy", ("url_link", site), ("parentid", "missing"), ("priority", "1"), ("name", "x"));
        (noParent.Code, noParent.Msg).Should().Be(("not_found", "父节点不存在"));
        var badPriority = await op.GetAsync("/product/homepage_category_tree_add.dspy", ("url_link", site), ("parentid", "0"), ("priority", "高"), ("name", "x"));
        badPriority.Code.Should().Be("invalid_argument");
        badPriority.Body["errors"]!["priority"].Should().NotBeNull();
        var missing = await op.GetAsync("/product/homepage_category_tree_add.dspy", ("url_link", site));
        missing.Body["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["parentid", "priority", "name"]);

        var cycle = await op.GetAsync("/product/homepage_category_tree_update.dspy", ("id", cloud), ("parentid", deep));
        (cycle.Code, cycle.Msg).Should().Be(("invalid_argument", "父节点不能是自身或子节点"));
        (await op.GetAsync("/product/homepage_category_tree_update.dspy", ("id", cloud), ("parentid", cloud))).Code.Should().Be("invalid_argument");
        (await op.GetAsync("/product/homepage_category_tree_update.dspy", ("id", ai), ("priority", "3"), ("name", "AI"))).Msg.Should().Be("更新成功");
        (await op.GetAsync("/product/homepage_category_tree_update.dspy", ("id", bare), ("parentid", ai))).Status.Should().BeTrue();
        tree = Arr(await app.Anonymous().GetAsync("/product/get_firstpage_product_tree.dspy", ("url_link", site)));
        tree.Select(n => n!["name"]!.GetValue<string>()).Should().Equal("云计算", "AI");
        tree[1]!["children"]![0]!["id"]!.GetValue<string>().Should().Be(bare);
        (await app.OtherOperator().GetAsync("/product/homepage_category_tree_update.dspy", ("id", ai), ("name", "hack"))).Http.Should().Be(403);
        (await app.Customer().GetAsync("/product/homepage_category_tree_add.dspy", ("url_link", site), ("parentid", "0"), ("priority", "1"), ("name", "x"))).Http.Should().Be(403);

        var del = await op.GetAsync("/product/homepage_category_tree_delete.dspy", ("id", cloud));
        del.Msg.Should().Be("删除成功");
        del.Data!["count"]!.GetValue<int>().Should().Be(3);
        Arr(await app.Anonymous().GetAsync("/product/get_firstpage_product_tree.dspy", ("url_link", site))).Select(n => n!["name"]!.GetValue<string>()).Should().Equal("AI");
        (await app.Anonymous().GetAsync("/product/get_firstpage_net_detail.dspy", ("id", deep))).Code.Should().Be("not_found");
        (await app.Anonymous().GetAsync("/product/get_firstpage_net_detail.dspy")).Code.Should().Be("invalid_argument");
    }

    [Fact]
    public async Task Jizuonet_returns_the_platform_orgs_base_and_network_sections()
    {
        var admin = app.Admin();
        var site = Market.NewSite();
        async Task<string> Add(Api who, string name, string parent, string priority, string? on = null) =>
            Market.Id(await who.GetAsync("/product/homepage_category_tree_add.dspy", ("url_link", on ?? site),
                ("parentid", parent), ("priority", priority), ("name", name)));
        var jizuo = await Add(admin, "基座", "0", "1");
        var net = await Add(admin, "网络", "0", "2");
        await Add(admin, "通用算力", jizuo, "2");
        await Add(admin, "智能算力", jizuo, "1");
        await Add(admin, "未来网络", net, "1");
        // a tenant's own 基座 root (on its own site) is not the platform section
        await Add(app.Operator(), "基座", "0", "1", Market.NewSite());

        var r = await app.Anonymous().GetAsync("/product/get_firstpage_jizuonet.dspy");
        r.Status.Should().BeTrue(r.Raw);
        r.Data!["jizuo"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).Should().Equal("智能算力", "通用算力");
        r.Data["net"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).Should().Equal("未来网络");
    }

    // ---------- 立即咨询 ----------

    [Fact]
    public async Task Inquiries_are_public_to_add_and_visible_to_operators_and_sales_of_the_owning_org()
    {
        var site = Market.NewSite();
        var root = await Market.CategoryAsync(app.Operator(), site, "算力");
        var item = await Market.PublishAsync(app.Operator(), Market.Item(site, "A100整机", $"[\"{root}\"]", "1"));

        var add = await app.Anonymous().GetAsync("/product/add_user_inquiry.dspy", ("url_link", site), ("publish_type", "1"), ("relate_id", item),
            ("content", "想了解价格"), ("custom_type", "企业"), ("name", "李四"), ("phone", "13912345678"), ("company", "某公司"), ("email", "li@x.cn"), ("feedback", "1"));
        add.Status.Should().BeTrue(add.Raw);
        add.Msg.Should().Be("提交成功");
        var id = add.Data!["id"]!.GetValue<string>();

        var bad = await app.Anonymous().GetAsync("/product/add_user_inquiry.dspy", ("url_link", site), ("name", "x"), ("phone", "12345"), ("email", "not-mail"), ("publish_type", "3"));
        bad.Code.Should().Be("invalid_argument");
        bad.Body["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["phone", "email", "publish_type"]);
        (await app.Anonymous().GetAsync("/product/add_user_inquiry.dspy", ("url_link", site))).Body["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["name", "phone"]);

        var list = await app.Operator().GetAsync("/product/search_user_inquiry.dspy", ("url_link", site));
        list.Msg.Should().Be("查找成功");
        var row = Arr(list).Single()!;
        row["id"]!.GetValue<string>().Should().Be(id);
        row["relate_name"]!.GetValue<string>().Should().Be("A100整机");
        row["feedback"]!.GetValue<string>().Should().Be("0", "a visitor cannot mark a lead as followed up");
        row["phone"]!.GetValue<string>().Should().Be("13912345678");
        Arr(await app.OtherOperator().GetAsync("/product/search_user_inquiry.dspy", ("url_link", site))).Should().BeEmpty();
        (await app.OtherOperator().GetAsync("/product/update_user_inquiry.dspy", ("id", id), ("feedback", "1"))).Http.Should().Be(403);

        var admin = app.Admin();
        var salesName = "s" + Guid.NewGuid().ToString("N")[..10];
        (await admin.PostAsync("/user/add_user.dspy", ("username", salesName), ("password", AppFixture.Password), ("roles", Roles.Sales), ("orgid", DemoData.OrgId))).Status.Should().BeTrue();
        var sales = new Api(app.Factory.CreateClient()).WithToken(await app.Anonymous().LoginAsync(salesName, AppFixture.Password));
        Arr(await sales.GetAsync("/product/search_user_inquiry.dspy", ("url_link", site))).Should().HaveCount(1);
        (await sales.GetAsync("/product/update_user_inquiry.dspy", ("id", id), ("feedback", "1"))).Msg.Should().Be("更新成功");
        Arr(await app.Operator().GetAsync("/product/search_user_inquiry.dspy", ("url_link", site))).Single()!["feedback"]!.GetValue<string>().Should().Be("1");
        (await sales.GetAsync("/product/update_user_inquiry.dspy", ("id", id), ("feedback", "2"))).Code.Should().Be("invalid_argument");
        (await sales.GetAsync("/product/update_user_inquiry.dspy", ("id", "nope"), ("feedback", "1"))).Code.Should().Be("not_found");

        var excel = await app.Operator().Http.GetAsync($"/product/search_user_inquiry.dspy?url_link={Uri.EscapeDataString(site)}&to_excel=1");
        ((int)excel.StatusCode).Should().Be(200);
        excel.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        excel.Content.Headers.ContentDisposition!.FileNameStar.Should().MatchRegex(@"^立即咨询导出_\d{14}\.xlsx$");
        using (var package = new OfficeOpenXml.ExcelPackage(new MemoryStream(await excel.Content.ReadAsByteArrayAsync())))
        {
            var sheet = package.Workbook.Worksheets.First();
            Enumerable.Range(1, 10).Select(c => sheet.Cells[1, c].Text).Should().Equal("姓名", "电话", "公司", "邮箱", "咨询内容", "发布类型", "关联商品", "咨询类型", "是否回访", "创建时间");
            sheet.Dimension.End.Row.Should().Be(2);
            sheet.Cells[2, 2].Text.Should().Be("13912345678");
            sheet.Cells[2, 7].Text.Should().Be("A100整机");
            sheet.Cells[2, 9].Text.Should().Be("是");
        }
        (await app.Customer().GetAsync("/product/search_user_inquiry.dspy", ("to_excel", "1"))).Http.Should().Be(403);
        (await app.Customer().GetAsync("/product/search_user_inquiry.dspy")).Http.Should().Be(403);
        (await app.Anonymous().GetAsync("/product/delete_user_inquiry.dspy", ("id", id))).Http.Should().Be(401);

        (await app.Operator().GetAsync("/product/delete_user_inquiry.dspy", ("id", id))).Msg.Should().Be("删除成功");
        Arr(await app.Operator().GetAsync("/product/search_user_inquiry.dspy", ("url_link", site))).Should().BeEmpty();
        // a lead without a related item belongs to the org serving the site (here through its categories)
        Market.Id(await app.Anonymous().GetAsync("/product/add_user_inquiry.dspy", ("url_link", site), ("name", "王五"), ("phone", "010-12345678")));
        Arr(await app.Operator().GetAsync("/product/search_user_inquiry.dspy", ("url_link", site))).Single()!["relate_name"].Should().BeNull();
    }

    // ---------- 资源 ----------

    [Fact]
    public async Task Resource_overview_counts_per_product_and_expiry_warning_lists_the_next_7_days_with_days_left()
    {
        var customer = await Market.NewCustomerAsync(app);
        var userId = await Market.UserIdAsync(customer);
        await ProviderAsync(null, ("计算", "资源产品"));
        string productId = "";
        var now = DateTime.UtcNow;
        await app.Factory.WithDbAsync(async db =>
        {
            productId = db.Products.Where(p => p.Name == "资源产品").OrderByDescending(p => p.CreateAt).First().Id;
            db.CustomerResources.AddRange(
                new CustomerResource { UserId = userId, CustomerId = "c", ProductId = productId, Name = "r1", InstanceId = "i-1", ExpireTime = now.AddDays(2.5) },
                new CustomerResource { UserId = userId, CustomerId = "c", ProductId = productId, Name = "r2", InstanceId = "i-2", ExpireTime = now.AddHours(5) },
                new CustomerResource { UserId = userId, CustomerId = "c", ProductId = productId, Name = "r3", ExpireTime = now.AddDays(-1) },
                new CustomerResource { UserId = userId, CustomerId = "c", ProductId = productId, Name = "r4", ExpireTime = now.AddDays(30) },
                new CustomerResource { UserId = userId, CustomerId = "c", ProductId = "other", Name = "r5", Status = ResourceStatuses.Stopped },
                new CustomerResource { UserId = "someone-else", CustomerId = "c", ProductId = productId, Name = "x", ExpireTime = now.AddDays(1) });
            await db.SaveChangesAsync();
        });

        var overview = Arr(await customer.GetAsync("/product/resource_overview.dspy"));
        var mine = overview.Single(r => r!["productid"]!.GetValue<string>() == productId)!;
        mine["productname"]!.GetValue<string>().Should().Be("资源产品");
        (mine["total"]!.GetValue<int>(), mine["running"]!.GetValue<int>(), mine["expired"]!.GetValue<int>()).Should().Be((4, 3, 1));
        var other = overview.Single(r => r!["productid"]!.GetValue<string>() == "other")!;
        (other["total"]!.GetValue<int>(), other["running"]!.GetValue<int>(), other["expired"]!.GetValue<int>()).Should().Be((1, 0, 0));

        var expiring = await customer.GetAsync("/product/get_resource_expire_time.dspy");
        expiring.Msg.Should().Be("查找成功");
        var rows = Arr(expiring);
        rows.Select(r => r!["name"]!.GetValue<string>()).Should().Equal("r2", "r1");
        rows[0]!["days"]!.GetValue<int>().Should().Be(1);
        rows[1]!["days"]!.GetValue<int>().Should().Be(3);
        rows[1]!["instanceid"]!.GetValue<string>().Should().Be("i-1");
        rows[1]!["status"]!.GetValue<string>().Should().Be("running");
        rows[1]!["expiretime"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$");

        // an operator of the org owning the customer may look; another customer or operator may not
        Arr(await app.Operator().GetAsync("/product/get_resource_expire_time.dspy", ("userid", userId))).Should().HaveCount(2);
        (await app.Customer().GetAsync("/product/resource_overview.dspy", ("userid", userId))).Http.Should().Be(403);
        (await app.OtherOperator().GetAsync("/product/get_resource_expire_time.dspy", ("userid", userId))).Http.Should().Be(403);
        (await app.Anonymous().GetAsync("/product/resource_overview.dspy")).Http.Should().Be(401);
        Arr(await app.Customer().GetAsync("/product/get_resource_expire_time.dspy")).Should().BeEmpty();
    }

    // ---------- 全网查找 ----------

    [Fact]
    public async Task Global_search_over_10000_items_returns_the_public_matches_by_priority_then_newest()
    {
        var site = Market.NewSite();
        var items = new List<PublishProduct>();
        var t0 = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 10_000; i++)
        {
            var item = PublishProduct.Publish("u", DemoData.OrgId, publishedByOperator: i % 13 != 0);
            item.UrlLink = i % 10 == 9 ? "https://other.example.cn" : site;
            item.PublishType = i % 5 == 4 ? "2" : "1";
            item.ProductName = i % 3 == 0 ? $"GPU服务器{i}" : $"存储节点{i}";
            item.Gpu = i % 11 == 0 ? "a100" : null;
            item.Priority = i % 7;
            item.CreateAt = t0.AddSeconds(i % 4000);
            if (i % 17 == 0 && i % 13 != 0) item.Decide(PublishActor.Moderator, PublishAction.Delist);
            items.Add(item);
        }
        await app.Factory.WithDbAsync(async db => { db.PublishProducts.AddRange(items); await db.SaveChangesAsync(); });

        bool Matches(PublishProduct p, string kw) => p.ProductName.Contains(kw, StringComparison.OrdinalIgnoreCase) || (p.Gpu?.Contains(kw, StringComparison.OrdinalIgnoreCase) ?? false);
        List<string> Expected(string kw) => items
            .Where(p => p.UrlLink == site && p.PublishType == "1" && p.AuditStatus == AuditStatuses.Approved && p.ListingStatus == ListingStatuses.Listing && Matches(p, kw))
            .OrderByDescending(p => p.Priority).ThenByDescending(p => p.CreateAt).ThenBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Id).ToList();

        var expected = Expected("gpu");
        expected.Count.Should().BeGreaterThan(1000);
        var list = await app.Anonymous().GetAsync("/product/global_search.dspy", ("url_link", site), ("keyword", " gpu "), ("publish_type", "1"),
            ("display_page", "list"), ("current_page", "3"), ("page_size", "50"));
        list.Msg.Should().Be("查找成功");
        list.Data!["total"]!.GetValue<int>().Should().Be(expected.Count);
        (list.Data["current_page"]!.GetValue<int>(), list.Data["page_size"]!.GetValue<int>()).Should().Be((3, 50));
        Market.Ids(list).Should().Equal(expected.Skip(100).Take(50));
        Market.Rows(list)[0]!["row_num_"]!.GetValue<int>().Should().Be(101);

        var overview = await app.Anonymous().GetAsync("/product/global_search.dspy", ("url_link", site), ("keyword", "A100"), ("publish_type", "1"),
            ("display_page", "overview"), ("current_page", "7"), ("page_size", ""));
        var a100 = Expected("A100");
        overview.Data!["total"]!.GetValue<int>().Should().Be(a100.Count);
        overview.Data["current_page"]!.GetValue<int>().Should().Be(1, "the overview ignores current_page");
        Market.Ids(overview).Should().Equal(a100.Take(8));

        var past = await app.Anonymous().GetAsync("/product/global_search.dspy", ("url_link", site), ("keyword", "gpu"), ("publish_type", "1"),
            ("display_page", "list"), ("current_page", "100000"), ("page_size", "8"));
        past.Data!["total"]!.GetValue<int>().Should().Be(expected.Count);
        Market.Rows(past).Should().BeEmpty();
    }

    [Fact]
    public async Task Global_search_matches_category_names_treats_wildcards_literally_and_rejects_bad_input()
    {
        var site = Market.NewSite();
        var op = app.Operator();
        var cat = await Market.CategoryAsync(op, site, "智算专区");
        var byCategory = await Market.PublishAsync(op, Market.Item(site, "普通商品", $"[\"{cat}\"]", "1"));
        var literal = await Market.PublishAsync(op, Market.Item(site, "满100%可用", $"[\"{cat}\"]", "1"));
        await Market.PublishAsync(op, Market.Item(site, "满1000可用", $"[\"{cat}\"]", "1"));
        var customerItem = await Market.PublishAsync(app.Customer(), Market.Item(site, "智算专区需求", $"[\"{cat}\"]", "1"));

        Task<Response> Search(string kw, string type = "1") => app.Anonymous().GetAsync("/product/global_search.dspy", ("url_link", site), ("keyword", kw),
            ("publish_type", type), ("display_page", "list"));
        Market.Ids(await Search("智算")).Should().HaveCount(3).And.Contain(byCategory).And.NotContain(customerItem);
        Market.Ids(await Search("100%")).Should().Equal(literal);
        Market.Ids(await Search("_")).Should().BeEmpty();
        Market.Ids(await Search("智算", "2")).Should().BeEmpty();

        var missing = await app.Anonymous().GetAsync("/product/global_search.dspy", ("url_link", site));
        (missing.Http, missing.Code).Should().Be((200, "invalid_argument"));
        missing.Body["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["keyword", "publish_type", "display_page"]);
        (await app.Anonymous().GetAsync("/product/global_search.dspy", ("url_link", site), ("keyword", "x"), ("publish_type", "9"), ("display_page", "grid"))).Body["errors"]!
            .AsObject().Select(e => e.Key).Should().Contain(["publish_type", "display_page"]);
        (await app.Anonymous().GetAsync("/product/global_search.dspy", ("url_link", site), ("keyword", "x"), ("publish_type", "1"), ("display_page", "list"),
            ("current_page", "abc"), ("page_size", "-5"))).Data!["page_size"]!.GetValue<int>().Should().Be(8);
    }

    [Fact]
    public async Task List_endpoints_use_the_same_number_of_queries_whatever_the_page_size()
    {
        var site = Market.NewSite();
        var cat = await Market.CategoryAsync(app.Operator(), site, "算力");
        for (var i = 0; i < 6; i++)
        {
            var id = await Market.PublishAsync(app.Operator(), Market.Item(site, "GPU商品" + i, $"[\"{cat}\"]", "1"));
            await app.Anonymous().GetAsync("/product/add_user_inquiry.dspy", ("url_link", site), ("relate_id", id), ("name", "n" + i), ("phone", "13800000000"));
        }

        Task<int> Count(Api who, string path, params (string, string?)[] q) =>
            app.Factory.Queries.CountAsync(() => who.GetAsync(path, q));

        var small = await Count(app.Anonymous(), "/product/global_search.dspy", ("url_link", site), ("keyword", "gpu"), ("publish_type", "1"), ("display_page", "list"), ("page_size", "1"));
        var large = await Count(app.Anonymous(), "/product/global_search.dspy", ("url_link", site), ("keyword", "gpu"), ("publish_type", "1"), ("display_page", "list"), ("page_size", "100"));
        (small, large).Should().Be((2, 2), "a count and a page query");
        var leads = await Count(app.Operator(), "/product/search_user_inquiry.dspy", ("url_link", site));
        leads.Should().BeLessThanOrEqualTo(3, "scope lookup plus one query, relate_name joined in SQL (auth may add one)");
    }
}
