namespace Kboss.Application.Documents;

/// <summary>
/// Limits of document uploads: <c>Documents:MaxUploadBytes</c> (default 20 MiB), the largest file accepted; the
/// upload endpoint's request body may exceed it by <see cref="MultipartAllowance"/> (ADR 0027).
/// </summary>
/// <param name="MaxUploadBytes">Largest file, bytes.</param>
public sealed record DocumentSettings(long MaxUploadBytes)
{
    /// <summary>Default <see cref="MaxUploadBytes"/>.</summary>
    public const long DefaultMaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>Room for the other fields and multipart framing of the upload request, bytes.</summary>
    public const long MultipartAllowance = 64 * 1024;

    /// <summary>Largest request body of the upload endpoint.</summary>
    public long MaxRequestBytes => MaxUploadBytes + MultipartAllowance;

    /// <summary>The cap in whole MB for messages.</summary>
    public string MaxUploadText => $"{Math.Max(1, MaxUploadBytes / 1024 / 1024)} MB";
}
