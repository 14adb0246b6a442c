namespace Kboss.Application.Common.Models;

/// <summary>A file part of a multipart request, handed to a use case by the legacy binder (ADR 0027).</summary>
/// <param name="FileName">The client's file name: data only, never a path.</param>
/// <param name="Length">Size, bytes.</param>
/// <param name="OpenRead">Opens the content (seekable, buffered by the web layer).</param>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> OpenRead);

/// <summary>A request that accepts one multipart file part named <c>file</c>.</summary>
public interface IUploadRequest
{
    /// <summary>The part, or null when the request carried none.</summary>
    UploadedFile? Upload { get; }

    /// <summary>Called by the binder with the request's <c>file</c> part.</summary>
    void Attach(UploadedFile file);
}
