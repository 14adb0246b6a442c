using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Application.Products.Marketplace;
using Kboss.Domain.Common;
using Kboss.Domain.Documents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Documents;

/// <summary>
/// <c>POST /doc/upload_doc.dspy</c> 上传文档 (analysis/platform.md §3.3 E29, §4.4, §7 #29): operators and admins add a
/// document of their org, hidden (<c>status</c> 0) until published. <c>title</c> is required, and a multipart
/// <c>file</c> part, a <c>file_path</c> or a <c>content</c>. A file is at most <c>Documents:MaxUploadBytes</c>, of a
/// kind its content shows (<see cref="FileSniffer"/>; the name's extension must fit it) and stored under a generated
/// name; <c>file_path</c> then becomes its download address (<c>/doc/download_doc.dspy?id=…</c>). <c>id</c> is
/// optional (21–32 characters of <c>A-Za-z0-9_-</c>, unused). <c>data</c> = the new id.
/// </summary>
public sealed partial record UploadDocument : DocumentFieldsRequest, ICommand<Reply<IdData>>, IUploadRequest
{
    /// <summary>Document id (optional; generated when absent).</summary>
    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }

    private UploadedFile? _upload;

    /// <inheritdoc />
    [JsonIgnore]
    public UploadedFile? Upload => _upload;

    /// <inheritdoc />
    public void Attach(UploadedFile file) => _upload = file;

    /// <summary>Shape of a client-chosen id.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    internal static partial Regex IdShape();
}

public sealed class UploadDocumentValidator : DocumentFieldsValidator<UploadDocument>
{
    public UploadDocumentValidator()
    {
        RuleFor(x => x.Id).Must(v => v is null || UploadDocument.IdShape().IsMatch(v.Trim()))
            .WithMessage("id 只能由 1–32 个字母、数字、_ 或 - 组成");
        RuleFor(x => x.Title).Required();
        RuleFor(x => x.FilePath) // a condition, not Required(): file_path is optional in OpenAPI
            .Must((x, path) => x.Upload is not null || !string.IsNullOrWhiteSpace(path)
                               || !string.IsNullOrWhiteSpace(x.Content))
            .WithMessage("请上传文件或提供 file_path / content");
    }
}

public sealed class UploadDocumentHandler(IKbossDbContext db, ICurrentUser user, IFileStorage storage,
    DocumentSettings settings) : ICommandHandler<UploadDocument, Reply<IdData>>
{
    /// <summary>A client-chosen id that is taken (by a live or deleted document).</summary>
    public const string IdTaken = "文档ID已存在";

    /// <summary>Download address of a stored file (the <c>file_path</c> shown).</summary>
    public static string DownloadPath(string id) => $"/doc/download_doc.dspy?id={id}";

    public async ValueTask<Reply<IdData>> Handle(UploadDocument c, CancellationToken ct)
    {
        var doc = new Document { OrgId = user.OrgId!, UserName = user.Username };
        if (c.Id.TrimmedOrNull() is { } id)
        {
            if (await db.Documents.IgnoreQueryFilters().AnyAsync(d => d.Id == id, ct))
                throw BusinessException.Conflict(IdTaken); // a parallel upload with the same id: the save says so
            doc.Id = id;
        }
        DocumentFieldsMapper.Apply(c, doc);
        if (c.Upload is { } upload) await StoreAsync(upload, doc, ct);
        db.Documents.Add(doc);
        db.AuditEntries.Add(Audit.Entry(user, "document.uploaded", "document", doc.Id,
            new { doc.Title, doc.OriginalName, doc.ContentType, doc.FileSize }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (doc.StorageKey is not null || e is DbUpdateException)
        {
            if (doc.StorageKey is not null)
                await storage.DeleteAsync(doc.StorageKey, CancellationToken.None); // no row points to it
            if (e is DbUpdateException u && db.IsUniqueViolation(u)) throw BusinessException.Conflict(IdTaken);
            throw;
        }
        return Reply.Ok("上传成功", new IdData(doc.Id));
    }

    /// <summary>Checks size and kind, then stores the file outside any transaction.</summary>
    private async Task StoreAsync(UploadedFile upload, Document doc, CancellationToken ct)
    {
        if (upload.Length == 0) throw RequestValidationException.For("file", "文件为空");
        if (upload.Length > settings.MaxUploadBytes)
            throw RequestValidationException.For("file", $"文件过大,不能超过 {settings.MaxUploadText}");
        await using var content = upload.OpenRead();
        var kind = FileSniffer.Sniff(content)
                   ?? throw RequestValidationException.For("file", "不支持的文件类型 (允许 pdf、png、jpg、gif、docx、xlsx、pptx、txt)");
        var name = FileSniffer.SafeName(upload.FileName, kind);
        if (!FileSniffer.NameFits(name, kind)) throw RequestValidationException.For("file", "文件内容与扩展名不符");
        var key = await storage.SaveAsync(content, kind.Extension, ct);
        doc.AttachFile(key, name, kind.ContentType, upload.Length);
        doc.FilePath = DownloadPath(doc.Id);
    }
}
