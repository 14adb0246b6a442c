using Kboss.Application.Cpcc.Executor;

namespace Kboss.Infrastructure.Provisioning;

/// <summary>
/// Reads the output protocol of the install scripts (<c>Remote/Scripts/common.sh</c>): <c>KBOSS-PROGRESS n text</c>,
/// <c>KBOSS-ERROR text</c> and result blocks between <c>KBOSS-BEGIN-NAME</c> and <c>KBOSS-END-NAME</c>. Forwards the
/// other lines to the operation log with known secrets replaced by <c>******</c>; result blocks never reach the log.
/// </summary>
public sealed class ScriptOutput(IProvisioningLog? log, IEnumerable<string>? secrets = null)
{
    private readonly string[] _secrets = (secrets ?? []).Where(s => s.Length >= 4).ToArray();
    private readonly Dictionary<string, List<string>> _blocks = new(StringComparer.Ordinal);
    private string? _open;

    /// <summary>The last <c>KBOSS-ERROR</c> message, if any.</summary>
    public string? LastError { get; private set; }

    /// <summary>Parses a whole output at once (no log).</summary>
    public static ScriptOutput Parse(string output)
    {
        var parsed = new ScriptOutput(null);
        foreach (var line in output.Replace("\r\n", "\n").Split('\n')) parsed.OnLine(line);
        return parsed;
    }

    /// <summary>The lines of block <paramref name="name"/> joined with newlines and trimmed; null when the block is absent or unfinished.</summary>
    public string? Block(string name) =>
        _blocks.TryGetValue(name, out var lines) && _open != name ? string.Join('\n', lines).Trim() : null;

    /// <summary>
    /// The control-plane result: the <c>kubeadm join</c> command (one line) and the kubeconfig (YAML with
    /// <c>apiVersion</c> and <c>clusters</c>); null when either is missing or malformed.
    /// </summary>
    public ControlPlaneInfo? ControlPlane()
    {
        var join = Block("JOIN");
        var kubeconfig = Block("KUBECONFIG");
        if (join is null || kubeconfig is null) return null;
        join = string.Join(' ', join.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (!join.StartsWith("kubeadm join ", StringComparison.Ordinal) || !join.Contains("--token ", StringComparison.Ordinal)) return null;
        if (!kubeconfig.Contains("apiVersion:", StringComparison.Ordinal) || !kubeconfig.Contains("clusters:", StringComparison.Ordinal)) return null;
        return new ControlPlaneInfo(join, kubeconfig + "\n");
    }

    /// <summary>Handles one stdout line.</summary>
    public void OnLine(string line)
    {
        if (_open is not null)
        {
            if (line.Trim() == "KBOSS-END-" + _open)
            {
                log?.Line($"[结果 {_open} 已收到,内容不记录在日志中]");
                _open = null;
            }
            else _blocks[_open].Add(line);
            return;
        }
        if (line.StartsWith("KBOSS-BEGIN-", StringComparison.Ordinal))
        {
            _open = line.Trim()["KBOSS-BEGIN-".Length..];
            _blocks[_open] = [];
            return;
        }
        if (line.StartsWith("KBOSS-PROGRESS ", StringComparison.Ordinal))
        {
            var rest = line["KBOSS-PROGRESS ".Length..];
            var space = rest.IndexOf(' ');
            if (int.TryParse(space < 0 ? rest : rest[..space], out var percent)) log?.Progress(Math.Clamp(percent, 0, 100));
            log?.Line("==> " + Redact(space < 0 ? "" : rest[(space + 1)..]));
            return;
        }
        if (line.StartsWith("KBOSS-ERROR ", StringComparison.Ordinal))
        {
            LastError = Redact(line["KBOSS-ERROR ".Length..].Trim());
            log?.Line("错误: " + LastError);
            return;
        }
        log?.Line(Redact(line));
    }

    private string Redact(string text)
    {
        foreach (var s in _secrets) text = text.Replace(s, "******", StringComparison.Ordinal);
        return text;
    }
}
