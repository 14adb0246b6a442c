using Kboss.Application.Common.Models;
using Kboss.Application.Documents;
using Kboss.Application.Products.Marketplace;
using Kboss.WebApi.Auth;
using Kboss.WebApi.Contract;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kboss.WebApi.Controllers;

/// <summary>
/// 文档管理 (spec: 22-documents.md; analysis/platform.md §3.3, §4.4; ADR 0027). Upload and update: operators and
/// admins of the document's org; the list and downloads: anyone (hidden documents only for their org's managers).
/// </summary>
[Tags("文档管理")]
public sealed class DocumentsController(IMediator mediator) : ControllerBase
{
    /// <summary>上传文档 (JSON, form, or multipart with the file in part <c>file</c>)</summary>
    /// <remarks>The file is at most <c>Documents:MaxUploadBytes</c>; its kind is sniffed from its content.</remarks>
    [LegacyPost("/doc/upload_doc.dspy")]
    [Authorize(Policy = Policies.Operator)]
    [DocumentUploadLimit]
    public ValueTask<Reply<IdData>> Upload([FromLegacyParams] UploadDocument c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>获取文档列表</summary>
    [LegacyGet("/doc/get_doc_list.dspy")]
    [AllowAnonymous]
    public ValueTask<Reply<IReadOnlyList<DocItem>>> List([FromLegacyParams] ListDocuments q, CancellationToken ct) =>
        mediator.Send(q, ct);

    /// <summary>修改数据</summary>
    [LegacyPost("/doc/update_doc.dspy")]
    [Authorize(Policy = Policies.Operator)]
    public ValueTask<Reply<DocItem>> Update([FromLegacyParams] UpdateDocument c, CancellationToken ct) =>
        mediator.Send(c, ct);

    /// <summary>下载文档 (not in the spec): the uploaded file as an attachment</summary>
    [LegacyGet("/doc/download_doc.dspy")]
    [AllowAnonymous]
    [Produces("application/octet-stream", "application/json")]
    public ValueTask<Reply<object>> Download([FromLegacyParams] DownloadDocument q, CancellationToken ct) =>
        mediator.Send(q, ct);
}
