using Kboss.Infrastructure.IntegrationTests;
using Kboss.WebApi.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Kboss.WebApi.IntegrationTests;

/// <summary>K11 cpcluster_delete and N2 delete_cpcworker with their feature flags on (a second host on the same database).</summary>
[Collection("sshd")]
public sealed class ProvisioningTeardownTests(AppFixture app, SshServerFixture sshd) : IClassFixture<AppFixture>, IClassFixture<SshServerFixture>, IDisposable
{
    private readonly WebApplicationFactory<Program> _flagged = app.Factory.WithWebHostBuilder(b => b
        .UseSetting("Cpcc:Features:DeleteCluster", "true").UseSetting("Cpcc:Features:DeleteWorker", "true"));

    public void Dispose() => _flagged.Dispose();

    private Api Operator() => new Api(_flagged.CreateClient()).WithToken(app.OperatorToken);

    private async Task<Response> WaitAsync(string operationId)
    {
        for (var i = 0; i < 240; i++)
        {
            var r = await Operator().GetAsync("/dev/cpcc/cpccluster/get_cluster_operation.dspy", ("id", operationId));
            r.Status.Should().BeTrue(r.Raw);
            if (r.Data!["status"]!.GetValue<string>() != "running") return r;
            await Task.Delay(250);
        }
        throw new TimeoutException("operation still running");
    }

    [Fact]
    public async Task Deleting_a_cluster_without_machines_removes_it_and_its_stock_rows()
    {
        var c = await Seed.CenterAsync(app.Factory);
        var r = await Operator().PostAsync("/computing/cpcluster_delete.dspy", ("id", c.Chaoyang));
        r.Status.Should().BeTrue(r.Raw);
        r.Data!["id"]!.GetValue<string>().Should().Be(c.Chaoyang);
        var op = (await WaitAsync(r.Data["operation_id"]!.GetValue<string>())).Data!;
        op["status"]!.GetValue<string>().Should().Be("succeeded", op.ToJsonString());
        op["msg"]!.GetValue<string>().Should().Be("删除算力集群成功");
        var list = await Operator().GetAsync("/dev/cpcc/cpccluster/get_cpccluster.dspy", ("cpcid", c.Id));
        list.Data!["rows"]!.AsArray().Select(x => x!["id"]!.GetValue<string>()).Should().Equal(c.Tongzhou);
        await app.Factory.WithDbAsync(async db => (await db.WidgetClusterStocks.AnyAsync(s => s.ClusterId == c.Chaoyang)).Should().BeFalse());
        (await Operator().PostAsync("/computing/cpcluster_delete.dspy", ("id", c.Chaoyang))).Msg.Should().Be("算力集群不存在");
    }

    [Fact]
    public async Task A_cluster_with_instance_configs_is_not_deleted()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        await app.Factory.WithDbAsync(async db =>
        {
            db.InstanceConfigs.Add(new Domain.Cpcc.InstanceConfig { ClusterId = c.Tongzhou, Cpcid = c.Id, SourceName = "x" });
            await db.SaveChangesAsync();
        });
        var r = await Operator().PostAsync("/computing/cpcluster_delete.dspy", ("id", c.Tongzhou));
        r.Status.Should().BeFalse();
        r.Msg.Should().Be("请先删除集群资源实例");
    }

    [Fact]
    public async Task Removing_a_worker_refuses_the_controller_and_keeps_a_worker_whose_reset_failed()
    {
        var c = await Seed.CenterAsync(app.Factory, withWidgets: false);
        var add = await Operator().PostAsync("/dev/cpcc/cpcnode/add_cpcnode.dspy", ("cpcid", c.Id), ("ip", "127.0.0.1"), ("name", "w"), ("devicetype", "0"),
            ("sshport", sshd.Port.ToString()), ("adminuser", SshServerFixture.User), ("adminpwd", sshd.Password));
        var device = add.Data!["id"]!.GetValue<string>();
        (await Operator().PostAsync("/dev/cpcc/cpcworker/delete_cpcworker.dspy", ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("worker_nodeid", device)))
            .Msg.Should().Be("该算力设备不是此集群的工作节点");
        await app.Factory.WithDbAsync(async db =>
        {
            (await db.Devices.SingleAsync(d => d.Id == device)).Occupy(c.Chaoyang, "worker");
            await db.SaveChangesAsync();
        });
        var r = await Operator().PostAsync("/dev/cpcc/cpcworker/delete_cpcworker.dspy", ("cpcid", c.Id), ("clusterid", c.Chaoyang), ("worker_nodeid", device), ("force", "true"));
        r.Status.Should().BeTrue(r.Raw);
        var op = (await WaitAsync(r.Data!["operation_id"]!.GetValue<string>())).Data!;
        op["status"]!.GetValue<string>().Should().Be("failed");
        op["msg"]!.GetValue<string>().Should().Contain("预检失败");
        op["log"]!.GetValue<string>().Should().Contain("reset-node.sh");
        await app.Factory.WithDbAsync(async db => (await db.Devices.AsNoTracking().SingleAsync(d => d.Id == device)).Role.Should().Be("worker"));
    }
}
