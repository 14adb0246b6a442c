using System.Collections;
using k8s;
using k8s.KubeConfigModels;
using Kboss.Application.Common.Interfaces;

namespace Kboss.Infrastructure.Kubernetes;

/// <summary>
/// The one place a kubeconfig becomes a Kubernetes client (ADR 0014). Kubeconfigs reach kboss from callers
/// (pcapi P2/P9), from an operator's pcapi (<c>new_cluster</c>) and from the database; all of them are data. The YAML
/// is parsed into KubernetesClient's model and checked before any client is built: no <c>exec</c> credential plugin, no
/// <c>auth-provider</c>, no file reference (<c>certificate-authority</c>, <c>client-certificate</c>, <c>client-key</c>,
/// <c>tokenFile</c>/<c>token-file</c>), a server that is an absolute http(s) URL; only inline credentials
/// (<c>*-data</c>, <c>token</c>, <c>username</c>/<c>password</c>). The client is then built from the checked model
/// (<see cref="KubernetesClientConfiguration.BuildConfigFromConfigObject"/>), so no plugin path is ever reached.
/// </summary>
public sealed class KubeconfigLoader : IKubeconfigPolicy
{
    /// <summary>Keys of <c>users[].user</c> that name a file or run something, refused wherever they appear.</summary>
    private static readonly string[] ForbiddenUserKeys =
        ["exec", "auth-provider", "client-certificate", "client-key", "tokenFile", "token-file"];

    /// <summary>Keys of <c>clusters[].cluster</c> that name a file.</summary>
    private static readonly string[] ForbiddenClusterKeys = ["certificate-authority"];

    /// <inheritdoc />
    public void EnsureUsable(string kubeconfig) => Parse(kubeconfig);

    /// <summary>A client configuration for <paramref name="kubeconfig"/>.</summary>
    /// <exception cref="KubeGatewayException"><see cref="KubeFailure.RefusedKubeconfig"/> for a forbidden field (the
    /// message
    /// names it), <see cref="KubeFailure.InvalidKubeconfig"/> when it can't be parsed or has no usable
    /// context.</exception>
    public static KubernetesClientConfiguration Load(string kubeconfig)
    {
        var model = Parse(kubeconfig);
        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(model);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Invalid(e);
        }
    }

    private static K8SConfiguration Parse(string kubeconfig)
    {
        if (string.IsNullOrWhiteSpace(kubeconfig)) throw Invalid(null);
        K8SConfiguration model;
        Dictionary<object, object>? raw;
        try
        {
            model = KubernetesYaml.Deserialize<K8SConfiguration>(kubeconfig);
            raw = KubernetesYaml.Deserialize<Dictionary<object, object>>(kubeconfig);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Invalid(e);
        }
        if (model is null || raw is null) throw Invalid(null);
        CheckRaw(raw);
        CheckModel(model);
        return model;
    }

    /// <summary>Keys the model does not carry (<c>tokenFile</c>) are only visible in the raw document.</summary>
    private static void CheckRaw(Dictionary<object, object> raw)
    {
        CheckEntries(raw, "users", "user", ForbiddenUserKeys);
        CheckEntries(raw, "clusters", "cluster", ForbiddenClusterKeys);
    }

    private static void CheckEntries(Dictionary<object, object> raw, string list, string inner, string[] forbidden)
    {
        if (!raw.TryGetValue(list, out var items) || items is not IList entries) return;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not IDictionary entry || entry[inner] is not IDictionary body) continue;
            foreach (var key in body.Keys)
                if (key is string k && forbidden.Contains(k, StringComparer.Ordinal))
                    throw Refused($"{list}[{i}].{inner}.{k}");
        }
    }

    private static void CheckModel(K8SConfiguration model)
    {
        var users = model.Users?.ToList() ?? [];
        for (var i = 0; i < users.Count; i++)
        {
            var u = users[i].UserCredentials;
            if (u is null) continue;
            var at = $"users[{i}].user.";
            if (u.ExternalExecution is not null) throw Refused(at + "exec");
            if (u.AuthProvider is not null) throw Refused(at + "auth-provider");
            if (!string.IsNullOrEmpty(u.ClientCertificate)) throw Refused(at + "client-certificate");
            if (!string.IsNullOrEmpty(u.ClientKey)) throw Refused(at + "client-key");
        }
        var clusters = model.Clusters?.ToList() ?? [];
        for (var i = 0; i < clusters.Count; i++)
        {
            var c = clusters[i].ClusterEndpoint;
            if (c is null) continue;
            var at = $"clusters[{i}].cluster.";
            if (!string.IsNullOrEmpty(c.CertificateAuthority)) throw Refused(at + "certificate-authority");
            if (!Uri.TryCreate(c.Server, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https")
                || string.IsNullOrEmpty(server.Host))
                throw new KubeGatewayException(KubeFailure.RefusedKubeconfig,
                    $"kubeconfig 的 {at}server 必须是 http(s) 地址");
            // loopback and private ranges stay allowed: an operator's clusters live on its own network (ADR 0014)
            if (System.Net.IPAddress.TryParse(server.Host.Trim('[', ']'), out var ip)
                && Security.NetworkAddresses.IsNeverAService(ip))
                throw new KubeGatewayException(KubeFailure.RefusedKubeconfig,
                    $"kubeconfig 的 {at}server 不能是链路本地、组播或未指定地址");
        }
    }

    private static KubeGatewayException Refused(string field) =>
        new(KubeFailure.RefusedKubeconfig, $"kubeconfig 不允许 {field}(只接受内联凭据)");

    private static KubeGatewayException Invalid(Exception? e) =>
        new(KubeFailure.InvalidKubeconfig, "集群上下文(kubeconfig)无效,无法连接集群", e);
}
