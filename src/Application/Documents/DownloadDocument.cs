using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Documents;

/// <summary>
/// <c>GET /doc/download_doc.dspy</c> (not in the spec; ADR 0027): streams the uploaded file of document <c>id</c> as
/// an attachment with its sniffed MIME type and sanitised name. Anyone for a shown document; a hidden one only for
/// operators and admins of its org (others: <c>文档不存在</c>). No file: <c>该文档没有上传文件</c>.
/// </summary>
public sealed record DownloadDocument : IQuery<Reply<object>>, IByIdRequest
{
    /// <summary>Document id (required).</summary>
    public string? Id { get; init; }
}

public sealed class DownloadDocumentValidator() : ByIdValidator<DownloadDocument>(64);

public sealed class DownloadDocumentHandler(DocumentAccess access, IFileStorage storage)
    : IQueryHandler<DownloadDocument, Reply<object>>
{
    public async ValueTask<Reply<object>> Handle(DownloadDocument q, CancellationToken ct)
    {
        var d = await access.LoadVisibleAsync(q.Id, ct);
        if (d.StorageKey is null) throw BusinessException.NotFound("该文档没有上传文件");
        var stream = await storage.OpenReadAsync(d.StorageKey, ct) ?? throw BusinessException.NotFound("文件已丢失");
        return Reply.WithFile<object>(new FileDownload(d.OriginalName!, d.ContentType!, []) { Stream = stream });
    }
}
