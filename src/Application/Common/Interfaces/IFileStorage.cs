namespace Kboss.Application.Common.Interfaces;

/// <summary>
/// Where uploaded files live (analysis/platform.md §5.5). Files are stored under names the storage generates; a
/// client's file name never reaches a path. Keys are opaque, validated by the adapter: anything else is refused.
/// </summary>
public interface IFileStorage
{
    /// <summary>Stores <paramref name="content"/> under a new generated name ending in <paramref name="extension"/>
    /// (lower-case letters and digits only).</summary>
    /// <returns>The storage key.</returns>
    Task<string> SaveAsync(Stream content, string extension, CancellationToken ct);

    /// <summary>Opens stored file <paramref name="key"/> for reading; null when the key is malformed or the file is
    /// gone.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>Removes stored file <paramref name="key"/> if it exists (a malformed key is ignored).</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}
