namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// Kubeconfigs that must never be used (ADR 0014): each would run a command, read a file or reach a non-http(s) server
/// if
/// a client were built from it. The two command-running forms touch <c>marker</c>, so a test proves nothing ran by the
/// file's absence. Linked into every test project that feeds them through an entry point.
/// </summary>
public static class ForbiddenKubeconfigs
{
    /// <summary>A forbidden kubeconfig and the field the refusal must name.</summary>
    /// <param name="Name">Short name for test output.</param>
    /// <param name="Yaml">The kubeconfig.</param>
    /// <param name="Field">The path the message names, e.g. <c>users[0].user.exec</c>.</param>
    public sealed record Case(string Name, string Yaml, string Field);

    /// <summary>Every forbidden form against a server on <paramref name="port"/>; command forms touch <paramref
    /// name="marker"/>.</summary>
    public static IReadOnlyList<Case> All(string marker, int port)
    {
        var server = $"http://127.0.0.1:{port}";
        return
        [
            new("exec", Config(server, $"""
                exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: /usr/bin/touch
                      args: ["{marker}"]
                      interactiveMode: Never
                """), "users[0].user.exec"),
            new("exec-second-user", Config(server, "token: x", second: $"""
                exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: /bin/sh
                      args: ["-c", "touch {marker}"]
                """), "users[1].user.exec"),
            new("auth-provider", Config(server, $"""
                auth-provider:
                      name: gcp
                      config:
                        cmd-path: /usr/bin/touch
                        cmd-args: {marker}
                """), "users[0].user.auth-provider"),
            new("client-certificate", Config(server, "client-certificate: /etc/passwd\n    client-key-data: eA=="),
                "users[0].user.client-certificate"),
            new("client-key", Config(server, "client-certificate-data: eA==\n    client-key: /etc/shadow"),
                "users[0].user.client-key"),
            new("tokenFile", Config(server, "tokenFile: /etc/passwd"), "users[0].user.tokenFile"),
            new("token-file", Config(server, "token-file: /etc/passwd"), "users[0].user.token-file"),
            new("certificate-authority", Config(server, "token: x", ca: "certificate-authority: /etc/passwd"),
                "clusters[0].cluster.certificate-authority"),
            new("file-server", Config("file:///etc/passwd", "token: x"), "clusters[0].cluster.server"),
            new("unix-server", Config("unix:///var/run/docker.sock", "token: x"), "clusters[0].cluster.server"),
            new("metadata-server", Config("http://169.254.169.254", "token: x"), "clusters[0].cluster.server"),
            new("link-local-v6-server", Config("https://[fe80::1]:6443", "token: x"), "clusters[0].cluster.server"),
        ];
    }

    private static string Config(string server, string user, string? second = null, string? ca = null) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: {server}
            {ca ?? "insecure-skip-tls-verify: true"}
        contexts:
        - name: c
          context:
            cluster: c
            user: u
        current-context: c
        users:
        - name: u
          user:
            {user}
        {(second is null ? "" : $"- name: v\n  user:\n    {second}")}
        """;
}
