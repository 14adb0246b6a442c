using Kboss.Application.Approval;
using Kboss.Application.Finance.Pricing;
using Kboss.Domain.Catalog;
using Kboss.Domain.Finance;
using Kboss.Domain.Identity;
using Kboss.Infrastructure.IntegrationTests;
using Kboss.Infrastructure.Seeding;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// PRV-01 through the approval hub (ADR 0033): a proposal starts a DingTalk approval of business 销售配置折扣底价; the
/// result, delivered any number of times, approves or rejects the proposal's rows once.
/// </summary>
public sealed class CustomerPriceApprovalTests(ApprovalFixture f) : IClassFixture<ApprovalFixture>
{
    private const string Propose = "/product/customer_product_config_approve_send.dspy";

    private async Task<(string Provider, string Product)> CatalogAsync(string bidOrg = DemoData.OrgId)
    {
        var org = new Organization
        {
            Name = "供应商-" + Guid.NewGuid().ToString("N")[..8], Kind = OrgKind.Provider, OwnerOrgId = bidOrg,
        };
        var provider = new Provider { OrgId = org.Id, Name = "百度云", Prefix = "bd" + Guid.NewGuid().ToString("N")[..6] };
        var product = new Product { ProviderId = provider.Id, Name = "BCC 云服务器", SaleMode = SaleModes.Discount };
        var protocol = new SaleProtocol { OfferOrgid = org.Id, BidOrgid = bidOrg, Salemode = "0", UserId = "seed" };
        await f.Factory.WithDbAsync(async db =>
        {
            db.Organizations.Add(org);
            db.Providers.Add(provider);
            db.Products.Add(product);
            db.SaleProtocols.Add(protocol);
            db.ProductSaleConfigs.Add(new ProductSaleConfig
            {
                ProtocolId = protocol.Id, ProductId = product.Id, Discount = 0.8m,
            });
            await db.SaveChangesAsync();
        });
        return (provider.Id, product.Id);
    }

    private async Task RegisterBusinessAsync()
    {
        var admin = f.App.Admin();
        var existing = await admin.PostJsonAsync("/apv/get_apv_business.dspy", new { });
        if (existing.Raw.Contains(CustomerPriceApproval.BusinessCode, StringComparison.Ordinal)) return;
        var business = await admin.PostJsonAsync("/apv/apv_business.dspy",
            new { business_name = CustomerPriceApproval.BusinessCode });
        business.Status.Should().BeTrue(business.Raw);
        var id = business.Data!.GetValue<string>();
        (await admin.PostJsonAsync("/apv/apv_template.dspy", new
        {
            business_id = id, title_template = "客户价格 $customer", detail_template = "$products $kind $value",
        })).Status.Should().BeTrue();
        var op = f.App.Operator();
        (await op.PostJsonAsync("/apv/send_key_create.dspy", new
        {
            send_phone = ApprovalFixture.SenderPhone, source = "dingding", business_id = id,
            process_code = FakeDingTalk.FormCode, process_name = "通用审批",
        })).Status.Should().BeTrue();
        (await op.PostJsonAsync("/apv/save_apv_flow.dspy", new
        {
            business_id = id, flag = "update", level_data = new object[]
            {
                new { level_id = "1", level_mode = "NONE", apv_dd_user_phone = new[] { "13800000001" } },
            },
        })).Status.Should().BeTrue();
    }

    private Task<List<CustomerProductConfig>> RowsAsync(string product) => f.Factory.WithDbAsync(db =>
        db.CustomerProductConfigs.AsNoTracking().Where(c => c.ProductId == product).ToListAsync());

    [Fact]
    public async Task When_the_hub_refuses_the_proposal_stays_pending_for_the_manual_path()
    {
        await RegisterBusinessAsync();
        var other = f.App.OtherOperator(); // its org has no DingTalk keys, sender or flow
        var customer = await other.PostAsync("/user/add_org.dspy", ("name", "客户-" + Guid.NewGuid().ToString("N")[..6]),
            ("kind", "customer"));
        var customerId = customer.Data!["id"]!.GetValue<string>();
        var (provider, product) = await CatalogAsync(f.App.OtherOrgId);
        var proposed = await other.GetAsync(Propose, ("customerid", customerId), ("providerid", provider),
            ("productid", product), ("discount", "0.85"));
        proposed.Status.Should().BeTrue(proposed.Raw);
        proposed.Data!["apv_id"].Should().BeNull();
        proposed.Data!["apv_msg"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var id = proposed.Data!["ids"]![0]!.GetValue<string>();
        (await other.PostAsync("/product/customer_product_config_approve.dspy", ("id", id), ("status", "agree")))
            .Status.Should().BeTrue();
        (await RowsAsync(product)).Single().ApvState.Should().Be(ApprovalStates.Approved);
    }

    [Fact]
    public async Task A_proposal_goes_to_dingtalk_and_the_result_delivered_ten_times_approves_it_once()
    {
        await RegisterBusinessAsync();
        var (provider, product) = await CatalogAsync();
        var proposed = await f.App.Operator().GetAsync(Propose, ("customerid", f.App.CustomerOrgId),
            ("providerid", provider), ("productid", product), ("discount", "0.85"), ("phone", "13800000009"));
        proposed.Status.Should().BeTrue(proposed.Raw);
        var apvId = proposed.Data!["apv_id"]!.GetValue<string>();
        f.DingTalk.Instances[apvId].Request["formComponentValues"]![1]!["value"]!.GetValue<string>()
            .Should().Be("BCC 云服务器 折扣 0.85");
        var rows = await RowsAsync(product);
        rows.Should().ContainSingle().Which.ApvId.Should().Be(apvId);
        rows[0].ApvState.Should().Be(ApprovalStates.Pending);

        f.DingTalk.Complete(apvId, "agree");
        for (var i = 0; i < 10; i++)
        {
            (await f.PushAsync(apvId)).Http.Should().Be(200);
            await f.RunAsync(new DispatchApprovalCallbacks());
        }
        var decided = (await RowsAsync(product)).Single();
        decided.ApvState.Should().Be(ApprovalStates.Approved);
        var discount = await f.App.Customer().GetAsync("/get_discount", ("providerid", provider),
            ("productid", product));
        (discount.Data!["discount"]!.GetValue<decimal>(), discount.Data!["source"]!.GetValue<string>())
            .Should().Be((0.85m, "customer"));
        (await f.App.Operator().PostAsync("/product/customer_product_config_approve.dspy", ("id", decided.Id),
            ("status", "refuse"))).Msg.Should().Be(CustomerProductConfig.NotPendingMessage, "decided once");
    }

    [Fact]
    public async Task A_refused_approval_rejects_the_proposal()
    {
        await RegisterBusinessAsync();
        var (provider, product) = await CatalogAsync();
        var proposed = await f.App.Operator().GetAsync(Propose, ("customerid", f.App.CustomerOrgId),
            ("providerid", provider), ("productid", product), ("discount", "0.9"));
        var apvId = proposed.Data!["apv_id"]!.GetValue<string>();
        f.DingTalk.Complete(apvId, "refuse");
        await f.PushAsync(apvId, result: "refuse");
        await f.RunAsync(new DispatchApprovalCallbacks());
        (await RowsAsync(product)).Single().ApvState.Should().Be(ApprovalStates.Rejected);
    }
}
