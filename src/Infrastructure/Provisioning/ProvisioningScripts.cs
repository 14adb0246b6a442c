using System.Text;

namespace Kboss.Infrastructure.Provisioning;

/// <summary>
/// The install scripts embedded in this assembly (<c>Remote/Scripts/*.sh</c>) and the wrapper that runs them as root:
/// the script (variables + <c>common.sh</c> + the named script) travels base64-encoded inside the wrapper on stdin,
/// is written to a private temp file and run with bash directly as root, with passwordless sudo, or with sudo and the
/// SSH password; otherwise the wrapper fails with a clear preflight message. Secrets never appear on a command line.
/// </summary>
public static class ProvisioningScripts
{
    /// <summary>Control-plane install (P3).</summary>
    public const string ControlPlane = "install-control-plane.sh";
    /// <summary>Worker install and join (P4).</summary>
    public const string JoinWorker = "join-worker.sh";
    /// <summary>Delete a node from its cluster, run on the controller (P7).</summary>
    public const string RemoveNode = "remove-node.sh";
    /// <summary>kubeadm reset of a former node.</summary>
    public const string ResetNode = "reset-node.sh";

    /// <summary>The text of embedded script <paramref name="name"/>.</summary>
    public static string Load(string name)
    {
        var asm = typeof(ProvisioningScripts).Assembly;
        var resource = asm.GetManifestResourceNames().Single(n => n.EndsWith(".Remote.Scripts." + name, StringComparison.Ordinal));
        using var reader = new StreamReader(asm.GetManifestResourceStream(resource)!, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    /// <summary>The script to send to <c>bash -s</c>: the wrapper around <paramref name="name"/> with <paramref name="variables"/> exported.</summary>
    /// <param name="name">One of the script names.</param>
    /// <param name="variables">Environment of the script (names <c>KBOSS_*</c>).</param>
    /// <param name="sudoPassword">The SSH password, used for <c>sudo -S</c> when the user is not root.</param>
    public static string Compose(string name, IReadOnlyDictionary<string, string> variables, string sudoPassword)
    {
        var inner = new StringBuilder("#!/bin/bash\n");
        foreach (var (key, value) in variables) inner.Append("export ").Append(key).Append('=').Append(Quote(value)).Append('\n');
        inner.Append(Load("common.sh")).Append('\n').Append(Load(name)).Append('\n');
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(inner.ToString()));
        return $$"""
            set -u
            umask 077
            KBOSS_SCRIPT='{{encoded}}'
            KBOSS_SUDO_PW={{Quote(sudoPassword)}}
            f="$(mktemp /tmp/kboss-XXXXXXXX.sh)" || { echo "KBOSS-ERROR 预检失败: 无法在 /tmp 创建临时文件"; exit 10; }
            trap 'rm -f "$f"' EXIT
            printf '%s' "$KBOSS_SCRIPT" | base64 -d > "$f" || { echo "KBOSS-ERROR 预检失败: 机器上没有 base64 命令"; exit 10; }
            if [ "$(id -u)" -eq 0 ]; then
              bash "$f" </dev/null 2>&1
            elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
              sudo -n bash "$f" </dev/null 2>&1
            elif command -v sudo >/dev/null 2>&1 && printf '%s\n' "$KBOSS_SUDO_PW" | sudo -S -k -p '' true 2>/dev/null; then
              printf '%s\n' "$KBOSS_SUDO_PW" | sudo -S -k -p '' bash "$f" 2>&1
            else
              echo "KBOSS-ERROR 预检失败: 需要 root 权限或 sudo 权限(用户 $(id -un) 不是 root,也不能使用 sudo)"
              exit 10
            fi

            """.Replace("\r\n", "\n");
    }

    /// <summary>Single-quotes <paramref name="value"/> for bash.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
