using System.Text.RegularExpressions;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Documents;
using Microsoft.Extensions.Configuration;

namespace Kboss.Infrastructure.Files;

/// <summary>
/// <see cref="IFileStorage"/> on a local folder: <c>Documents:StorageFolder</c>, default <c>{DataFolder}/documents</c>
/// (ADR 0027). Names are generated (<c>32 hex digits . ext</c>); a key of any other shape is refused before it is
/// combined with the root, and the combined path is checked to stay inside the root. Files are written to a temporary
/// name first and renamed, so a reader never sees half a file.
/// </summary>
public sealed partial class FileSystemStorage : IFileStorage
{
    /// <summary>Absolute root folder.</summary>
    public string Root { get; }

    /// <summary>Storage under <paramref name="root"/> (created when missing).</summary>
    public FileSystemStorage(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.[a-z0-9]{1,8}$")]
    private static partial Regex KeyShape();

    [GeneratedRegex("^[a-z0-9]{1,8}$")]
    private static partial Regex ExtensionShape();

    /// <inheritdoc />
    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken ct)
    {
        if (!ExtensionShape().IsMatch(extension)) throw new ArgumentException("invalid extension", nameof(extension));
        var key = $"{Guid.NewGuid():N}.{extension}";
        var path = PathOf(key)!;
        var temp = path + ".part";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920,
                             FileOptions.Asynchronous))
                await content.CopyToAsync(file, ct);
            File.Move(temp, path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return key;
    }

    /// <inheritdoc />
    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (path is null || !File.Exists(path)) return Task.FromResult<Stream?>(null);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken ct)
    {
        if (PathOf(key) is { } path) File.Delete(path);
        return Task.CompletedTask;
    }

    /// <summary>The file of <paramref name="key"/> inside <see cref="Root"/>, or null for a malformed key.</summary>
    internal string? PathOf(string key)
    {
        if (!KeyShape().IsMatch(key)) return null;
        var path = Path.GetFullPath(Path.Combine(Root, key));
        return Path.GetDirectoryName(path) == Root ? path : null;
    }

    /// <summary>Storage and upload limits from configuration (<c>Documents:*</c>).</summary>
    public static (FileSystemStorage Storage, DocumentSettings Settings) From(IConfiguration configuration,
        KbossOptions options)
    {
        var folder = configuration["Documents:StorageFolder"];
        var root = string.IsNullOrWhiteSpace(folder) ? Path.Combine(options.DataFolder, "documents") : folder;
        var max = configuration.GetValue("Documents:MaxUploadBytes", DocumentSettings.DefaultMaxUploadBytes);
        if (max <= 0) throw new InvalidOperationException("Documents:MaxUploadBytes must be positive.");
        return (new FileSystemStorage(root), new DocumentSettings(max));
    }
}
