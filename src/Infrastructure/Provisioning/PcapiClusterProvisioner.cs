using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Cpcc.Executor;
using Kboss.Domain.Cpcc;
using Microsoft.Extensions.Logging;

namespace Kboss.Infrastructure.Provisioning;

/// <summary>
/// Provisioning through a centre's remote pcapi (analysis/cpcc.md §3.H, §5.1): <c>POST {pcapi_url}/pcapi/api/v1/cluster/common/…</c>
/// with every parameter in the query string as documented (the SSH password as <c>psssword</c>), HTTP Basic from the
/// centre's <c>api_user</c>/<c>api_pwd</c>, the answer <c>{status, info, data}</c>. P3 <c>data</c> is split at the
/// first newline into the join command and the kubeconfig. Node removal: P6 maps the device IP to a node name, then P7.
/// </summary>
public sealed class PcapiClusterProvisioner(HttpClient http, ISecretProtector secrets, ProvisioningTimeouts timeouts,
    ILogger<PcapiClusterProvisioner> logger) : IClusterProvisioner
{
    /// <summary>Route prefix of pcapi.</summary>
    public const string Prefix = "/pcapi/api/v1/cluster/common/";

    public async Task<ExecutorResult<ControlPlaneInfo>> CreateControlPlaneAsync(ComputeCenter center, SshTarget controller, IProvisioningLog log, CancellationToken ct)
    {
        log.Line($"[kboss] 调用算力中心服务 {center.PcapiUrl} new_cluster ({controller.User}@{controller.Host}:{controller.Port})");
        var r = await CallAsync(center, HttpMethod.Post, "new_cluster", [.. Ssh(controller), ("role", DeviceRoles.Master)], timeouts.ControlPlane, ct);
        Report(log, r);
        if (!r.Status) return new(false, r.Info, null, r.Failure);
        var data = r.Data.ValueKind == JsonValueKind.String ? r.Data.GetString() ?? "" : "";
        var split = SplitNewCluster(data);
        return split is null
            ? new(false, "算力中心服务返回的数据中没有加入集群凭证和 kubeconfig", null, ExecutorFailure.BadResponse)
            : new(true, r.Info, split, null);
    }

    public async Task<ExecutorResult<string>> JoinWorkerAsync(ComputeCenter center, SshTarget worker, string joinCommand, IProvisioningLog log, CancellationToken ct)
    {
        log.Line($"[kboss] 调用算力中心服务 {center.PcapiUrl} new_worker ({worker.User}@{worker.Host}:{worker.Port})");
        var r = await CallAsync(center, HttpMethod.Post, "new_worker",
            [.. Ssh(worker), ("role", DeviceRoles.Worker), ("join_command", joinCommand)], timeouts.Worker, ct);
        Report(log, r);
        return new(r.Status, r.Info, r.Status ? "" : null, r.Failure);
    }

    public async Task<ExecutorResult<string>> RemoveNodeAsync(ComputeCenter center, SshTarget? controller, SshTarget node, bool force, IProvisioningLog log, CancellationToken ct)
    {
        if (controller is null || controller == node)
        {
            log.Line($"[kboss] 算力中心服务没有重置节点的接口: 请在 {node.Host} 上手动执行 kubeadm reset 后再复用该机器");
            return new(true, "pcapi 无重置接口,已跳过", node.Host, null);
        }
        var nodes = await CallAsync(center, HttpMethod.Get, "get_cluster_nodes", Ssh(controller), timeouts.Remove, ct);
        Report(log, nodes);
        if (!nodes.Status) return new(false, nodes.Info, null, nodes.Failure);
        var name = NodeNameOf(nodes.Data, node.Host);
        if (name is null)
        {
            log.Line($"[kboss] 集群中没有 IP 为 {node.Host} 的节点,无需删除");
            return new(true, "delete node success", node.Host, null);
        }
        var r = await CallAsync(center, HttpMethod.Post, "delete_cluster_node",
            [.. Ssh(controller), ("node_name", name), ("force", force ? "true" : "false")], timeouts.Remove, ct);
        Report(log, r);
        return new(r.Status, r.Info, r.Status ? name : null, r.Failure);
    }

    /// <summary>P3 <c>data</c>: join command before the first newline, kubeconfig after it (both trimmed); null when malformed.</summary>
    public static ControlPlaneInfo? SplitNewCluster(string data)
    {
        var cut = data.IndexOf('\n');
        if (cut < 0) return null;
        var join = data[..cut].Trim();
        var kubeconfig = data[(cut + 1)..].Trim();
        return join.StartsWith("kubeadm join ", StringComparison.Ordinal) && kubeconfig.Length > 0 ? new(join, kubeconfig) : null;
    }

    private static string? NodeNameOf(JsonElement data, string ip)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array) return null;
        foreach (var row in rows.EnumerateArray())
            if (row.TryGetProperty("node_internalip", out var a) && a.GetString() == ip && row.TryGetProperty("node_name", out var n))
                return n.GetString();
        return null;
    }

    private (string, string)[] Ssh(SshTarget t) =>
    [
        ("cluster_type", "kubernetes"), ("host", t.Host), ("port", t.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("user", t.User), ("psssword", secrets.Unprotect(t.ProtectedPassword)),
    ];

    private static void Report(IProvisioningLog log, Envelope r) =>
        log.Line($"[kboss] 算力中心服务答复: status={(r.Status ? "true" : "false")}, info={r.Info}");

    private sealed record Envelope(bool Status, string Info, JsonElement Data, ExecutorFailure? Failure);

    private async Task<Envelope> CallAsync(ComputeCenter center, HttpMethod method, string operation, (string Key, string Value)[] query,
        TimeSpan timeout, CancellationToken ct)
    {
        if (!Uri.TryCreate(center.PcapiUrl.TrimEnd('/') + Prefix + operation, UriKind.Absolute, out var baseUri))
            return new(false, "算力中心API地址无效", default, ExecutorFailure.Transport);
        var url = baseUri + "?" + string.Join("&", query.Where(q => q.Key != "cluster_type" || operation is "new_cluster" or "new_worker")
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        using var request = new HttpRequestMessage(method, url);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{center.ApiUser}:{(center.ApiPwdProtected.Length == 0 ? "" : secrets.Unprotect(center.ApiPwdProtected))}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                return new(false, "算力中心服务拒绝了API账号或密码", default, ExecutorFailure.Unauthorized);
            var body = await response.Content.ReadAsStringAsync(limit.Token);
            try
            {
                using var doc = JsonDocument.Parse(body);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status) || status.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    return new(false, $"算力中心服务返回了无法识别的结果 (HTTP {(int)response.StatusCode})", default, ExecutorFailure.BadResponse);
                var info = root.TryGetProperty("info", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() ?? "" : "";
                var data = root.TryGetProperty("data", out var d) ? d.Clone() : default;
                return status.GetBoolean() ? new(true, info, data, null) : new(false, info.Length == 0 ? "operate failed" : info, data, ExecutorFailure.Rejected);
            }
            catch (JsonException)
            {
                return new(false, $"算力中心服务返回了无法识别的结果 (HTTP {(int)response.StatusCode})", default, ExecutorFailure.BadResponse);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("pcapi {Operation} of centre {Center} timed out after {Timeout}; the machine may be partially installed", operation, center.Id, timeout);
            return new(false, $"算力中心服务 {timeout.TotalMinutes:0.#} 分钟内未答复;机器可能处于半安装状态,请先清理(kubeadm reset)再重试", default, ExecutorFailure.Timeout);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("pcapi {Operation} of centre {Center} unreachable: {Error}", operation, center.Id, e.Message);
            return new(false, $"无法连接算力中心服务: {e.Message}", default, ExecutorFailure.Transport);
        }
    }
}
