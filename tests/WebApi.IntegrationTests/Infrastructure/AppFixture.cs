using Kboss.Domain.Identity;
using Kboss.Infrastructure.Seeding;

namespace Kboss.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// One running app for a test class, with users of every kind the tests need: the admin, an operator of the demo
/// operator org, a customer, and an operator of a second, unrelated operator org.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public const string Password = "Passw0rd-for-tests";
    public AppFixture() : this(new KbossFactory()) { }

    /// <summary>The app with <paramref name="settings"/> on top (a fixture pointing it at a local fake).</summary>
    protected AppFixture(IReadOnlyDictionary<string, string>? settings) : this(new KbossFactory(null, settings)) { }

    /// <summary>The same users on a factory with its own settings (a fixture of an area that needs them).</summary>
    internal AppFixture(KbossFactory factory) => Factory = factory;

    public KbossFactory Factory { get; }

    public string AdminToken { get; private set; } = "";
    public string OperatorToken { get; private set; } = "";
    public string CustomerToken { get; private set; } = "";
    public string OtherOperatorToken { get; private set; } = "";
    public string CustomerOrgId { get; private set; } = "";
    public string OtherOrgId { get; private set; } = "";

    public Api Anonymous() => new(Factory.CreateClient());
    public Api Admin() => new Api(Factory.CreateClient()).WithToken(AdminToken);
    public Api Operator() => new Api(Factory.CreateClient()).WithToken(OperatorToken);
    public Api Customer() => new Api(Factory.CreateClient()).WithToken(CustomerToken);
    public Api OtherOperator() => new Api(Factory.CreateClient()).WithToken(OtherOperatorToken);

    public virtual async Task InitializeAsync()
    {
        var admin = Anonymous();
        AdminToken = await admin.LoginAsync("admin", KbossFactory.AdminPassword);
        admin.WithToken(AdminToken);
        (await admin.PostAsync("/user/add_user.dspy", ("username", "op1"), ("password", Password), ("roles", Roles.Operator), ("orgid", DemoData.OrgId))).Status.Should().BeTrue();
        OperatorToken = await Anonymous().LoginAsync("op1", Password);

        var op = Operator();
        var customerOrg = await op.PostAsync("/user/add_org.dspy", ("name", "客户甲"), ("kind", "customer"));
        customerOrg.Status.Should().BeTrue(customerOrg.Raw);
        CustomerOrgId = customerOrg.Data!["id"]!.GetValue<string>();
        (await op.PostAsync("/user/add_user.dspy", ("username", "cust1"), ("password", Password), ("roles", Roles.Customer), ("orgid", CustomerOrgId))).Status.Should().BeTrue();
        CustomerToken = await Anonymous().LoginAsync("cust1", Password);

        var otherOrg = await admin.PostAsync("/user/add_org.dspy", ("name", "另一运营机构"), ("kind", "operator"));
        OtherOrgId = otherOrg.Data!["id"]!.GetValue<string>();
        (await admin.PostAsync("/user/add_user.dspy", ("username", "op2"), ("password", Password), ("roles", Roles.Operator), ("orgid", OtherOrgId))).Status.Should().BeTrue();
        OtherOperatorToken = await Anonymous().LoginAsync("op2", Password);
    }

    public virtual Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
