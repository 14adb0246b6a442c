using Kboss.WebApi.IntegrationTests.Infrastructure;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>
/// <c>CdsQuery</c> (ADR 0041): CDS pages the operator's whole account, so a describe reads every vendor page, keeps
/// the caller's items, recounts <c>Total</c> and pages locally.
/// </summary>
public sealed class CdsQueryTests(CdsFixture app) : IClassFixture<CdsFixture>
{
    private const string Region = "CN_Beijing_A";

    private async Task<string> VpcAsync(Api who, string name, int n)
    {
        var r = await who.GetAsync("/capital/create_vpc.dspy", ("RegionCode", Region), ("VPCName", name),
            ("VPCSegment", $"10.{n}.0.0/16"), ("AvailableZoneCode", Region), ("SubnetName", name + "-s"),
            ("SubnetSegment", $"10.{n}.1.0/24"));
        r.Status.Should().BeTrue(r.Raw);
        return r.Data!["VPCId"]!.GetValue<string>();
    }

    [Fact]
    public async Task Every_vendor_page_is_read_only_the_callers_items_are_kept_and_the_client_page_is_local()
    {
        var mine = new List<string>();
        for (var i = 0; i < 3; i++) mine.Add(await VpcAsync(app.Customer(), $"q-mine-{i}", 60 + i));
        await VpcAsync(app.Operator(), "q-operator", 70); // the operator's own: in CDS's list, not the customer's
        app.Cds.PageSize = 1;
        try
        {
            var before = app.Cds.CallsOf("DescribeVPC").Count;
            var all = await app.Customer().GetAsync("/capital/describe_vpc.dspy", ("RegionCode", Region));
            all.Status.Should().BeTrue(all.Raw);
            all.Data!["Total"]!.GetValue<int>().Should().Be(3);
            all.Data["VPCList"]!.AsArray().Select(v => v!["VPCId"]!.GetValue<string>()).Should().BeEquivalentTo(mine);
            var calls = app.Cds.CallsOf("DescribeVPC").Skip(before).ToList();
            calls.Should().HaveCount(4, "four VPCs, one per vendor page");
            calls.Select(c => c.Json?["PageNumber"]?.ToString()).Should().Equal(null, "2", "3", "4");

            var second = await app.Customer().GetAsync("/capital/describe_subnet.dspy", ("RegionCode", Region),
                ("PageNumber", "2"));
            second.Status.Should().BeTrue(second.Raw);
            second.Data!["Total"]!.GetValue<int>().Should().Be(3);
            second.Data["SubnetList"]!.AsArray().Should().BeEmpty("20 per page by default: page 2 is empty");
        }
        finally
        {
            app.Cds.PageSize = 0;
        }
    }
}
