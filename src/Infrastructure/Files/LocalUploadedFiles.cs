using Kboss.Application.Common.Interfaces;

namespace Kboss.Infrastructure.Files;

/// <summary>
/// <see cref="IUploadedFiles"/> on the local disk under <c>Uploads:Root</c> (default <c>{DataFolder}/uploads</c>).
/// A path is data: absolute paths, drive letters, back-slashes, <c>..</c> segments and symbolic links are refused, and
/// the resolved path must stay inside the root.
/// </summary>
public sealed class LocalUploadedFiles(string root) : IUploadedFiles
{
    private readonly string _root = Path.GetFullPath(root);

    public Stream? OpenRead(string relativePath)
    {
        if (Resolve(relativePath) is not { } full) return null;
        var info = new FileInfo(full);
        if (!info.Exists || info.LinkTarget is not null) return null;
        return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    /// <summary>The full path of <paramref name="relativePath"/> inside the root, or null when it would leave
    /// it.</summary>
    public string? Resolve(string relativePath)
    {
        var p = relativePath.Trim().TrimStart('/');
        if (p.Length == 0 || Path.IsPathRooted(p) || p.Contains('\\') || p.Contains(':') || p.Contains('\0')
            || p.Split('/').Any(s => s is ".." or ".")) return null;
        var full = Path.GetFullPath(Path.Combine(_root, p));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
