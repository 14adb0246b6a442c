using System.Text.Json.Nodes;
using Kboss.Application.Vendors;
using Kboss.Application.Vendors.CapitalOnline;
using Kboss.Fakes.Vendors;
using Kboss.Infrastructure.Vendors;
using Kboss.Infrastructure.Vendors.CapitalOnline;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// The CDS client on the security-group family (<c>/sg/v1/</c>, module 27) against <see cref="FakeCds"/>: Describe*
/// go as signed GETs with their parameters in the query, changes as POSTs with a typed JSON body, sent once;
/// CDS's refusals classified (a state refusal with HTTP 403 <c>InvalidOperation</c> is a conflict, not a bad key).
/// </summary>
public sealed class CdsSecurityGroupClientTests(Started<FakeCds> started) : IClassFixture<Started<FakeCds>>
{
    private FakeCds fake => started.Fake;

    private VendorKey Key() => new("op", FakeCds.AccessKeyId, FakeCds.Secret, fake.BaseUrl);

    private static CdsClient Client() => new(new HttpClient(),
        new CdsSettings("https://cdsapi.invalid", "https://api.invalid", "2019-08-08",
            new VendorLimits(TimeSpan.FromSeconds(3), 2)), TimeProvider.System, new GuidNonceGenerator());

    [Fact]
    public void Security_group_actions_go_to_the_sg_family_reads_as_get_changes_as_post()
    {
        using var read = Client().Build(Key(), CdsActions.DescribeSecurityGroups,
            new JsonObject { ["RegionCode"] = "CN_Suqian", ["PageNumber"] = 1 });
        read.Method.Should().Be(HttpMethod.Get);
        read.RequestUri!.AbsolutePath.Should().Be("/sg/v1/");
        var query = System.Web.HttpUtility.ParseQueryString(read.RequestUri.Query);
        query["RegionCode"].Should().Be("CN_Suqian");
        query["PageNumber"].Should().Be("1");
        read.Content.Should().BeNull();

        using var change = Client().Build(Key(), CdsActions.CreateSecurityGroup, new JsonObject { ["X"] = true });
        change.Method.Should().Be(HttpMethod.Post);
        change.RequestUri!.AbsolutePath.Should().Be("/sg/v1/");
        System.Web.HttpUtility.ParseQueryString(change.RequestUri.Query)["X"].Should().BeNull();
        CdsActions.DescribeSecurityGroupPolicies.ReadOnly.Should().BeTrue();
        CdsActions.DeleteSecurityGroupPolicies.ReadOnly.Should().BeFalse();
    }

    [Fact]
    public async Task A_group_is_created_once_and_read_back_through_the_signed_get()
    {
        var before = fake.CallsOf("CreateSecurityGroup").Count;
        var created = await Client().SendAsync(Key(), CdsActions.CreateSecurityGroup, new JsonObject
        {
            ["SecurityGroupName"] = "甲 sg", ["RegionCode"] = "CN_Suqian", ["GroupInterconnected"] = false,
        }, default);
        created.Success.Should().BeTrue(created.Message);
        var id = VendorJson.Str(created.Data!.Data, "SecurityGroupId")!;
        fake.CallsOf("CreateSecurityGroup").Should().HaveCount(before + 1);
        fake.CallsOf("CreateSecurityGroup").Last().Json!["SecurityGroupName"]!.GetValue<string>().Should().Be("甲 sg");

        var listed = await Client().SendAsync(Key(), CdsActions.DescribeSecurityGroups,
            new JsonObject { ["SecurityGroupName"] = "甲 sg" }, default);
        listed.Success.Should().BeTrue(listed.Message);
        CdsKinds.SecurityGroup.Items(listed.Data!.Data).Select(CdsKinds.SecurityGroup.IdOf).Should().Contain(id);
        var call = fake.CallsOf("DescribeSecurityGroups").Last();
        call.Method.Should().Be("GET");
        call.Query["SecurityGroupName"].Should().Be("甲 sg", "the signed query carries the UTF-8 name");
    }

    [Fact]
    public async Task Refusals_are_known_failures_and_a_change_is_never_retried()
    {
        var missing = await Client().SendAsync(Key(), CdsActions.DeleteSecurityGroup,
            new JsonObject { ["SecurityGroupId"] = "sg-missing" }, default);
        missing.ErrorKind.Should().Be(VendorErrorKind.NotFound);
        missing.OutcomeUnknown.Should().BeFalse();

        fake.Inject("AssociateSecurityGroups",
            new Fault.VendorError(403, FakeCds.ErrorBody("InvalidOperation", "当前状态不允许")));
        var refused = await Client().SendAsync(Key(), CdsActions.AssociateSecurityGroups, new JsonObject(), default);
        refused.ErrorKind.Should().Be(VendorErrorKind.Conflict);
        refused.Describe("首都云").Should().Be("首都云返回错误(InvalidOperation): 当前状态不允许");

        var before = fake.CallsOf("DeleteSecurityGroupPolicies").Count;
        fake.Inject("DeleteSecurityGroupPolicies", new Fault.Reset());
        var lost = await Client().SendAsync(Key(), CdsActions.DeleteSecurityGroupPolicies,
            new JsonObject { ["SecurityGroupId"] = "sg-x", ["PolicyIds"] = new JsonArray("sp-1") }, default);
        lost.OutcomeUnknown.Should().BeTrue();
        fake.CallsOf("DeleteSecurityGroupPolicies").Should().HaveCount(before + 1);
    }
}
