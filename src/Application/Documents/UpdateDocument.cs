using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Mediator;

namespace Kboss.Application.Documents;

/// <summary>
/// <c>POST /doc/update_doc.dspy</c> 修改数据 (analysis/platform.md §3.3 E31, §4.4, §7 #30): operators and admins change
/// the given fields of document <c>id</c> of an org they may act on (another org's → 403; unknown or deleted:
/// <c>文档不存在</c>). <c>status</c> 1 publishes, 0 hides (<c>status只能为0或1</c>); <c>del_flg</c> (or the example's
/// <c>del_flag</c>) 1 deletes. Answers the document (null once deleted).
/// </summary>
public sealed record UpdateDocument : DocumentFieldsRequest, ICommand<Reply<DocItem>>, IByIdRequest
{
    /// <summary>Document id (required).</summary>
    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }
    /// <summary>状态: 0 不展示, 1 展示.</summary>
    [JsonPropertyOrder(1)]
    public string? Status { get; init; }
    /// <summary>删除标志: 1 deletes, 0 keeps.</summary>
    [JsonPropertyOrder(1)]
    public string? DelFlg { get; init; }
    /// <summary>Alias of <see cref="DelFlg"/> (the spec's example).</summary>
    [JsonPropertyOrder(3)]
    public string? DelFlag { get; init; }

    /// <summary>The delete flag given under either name.</summary>
    internal string? DeleteFlag => (DelFlg ?? DelFlag).TrimmedOrNull();
}

public sealed class UpdateDocumentValidator : DocumentFieldsValidator<UpdateDocument>
{
    public UpdateDocumentValidator()
    {
        RuleFor(x => x.Id).Required().MaxChars(64);
        RuleFor(x => x.Title).Must(v => v is null || v.Trim().Length > 0).WithMessage("title 不能为空");
        RuleFor(x => x.Status).Must(v => string.IsNullOrWhiteSpace(v) || v.Trim() is "0" or "1")
            .WithMessage("status只能为0或1");
        RuleFor(x => x.DeleteFlag).Must(v => v is null or "0" or "1").WithName("del_flg")
            .WithMessage("del_flg只能为0或1");
    }
}

public sealed class UpdateDocumentHandler(IKbossDbContext db, ICurrentUser user, DocumentAccess access)
    : ICommandHandler<UpdateDocument, Reply<DocItem>>
{
    public async ValueTask<Reply<DocItem>> Handle(UpdateDocument c, CancellationToken ct)
    {
        var d = await access.LoadManageableAsync(c.Id, ct);
        DocumentFieldsMapper.Apply(c, d);
        if (c.Status.TrimmedOrNull() is { } status) d.SetStatus(int.Parse(status)).OrThrow();
        var deleted = c.DeleteFlag == DelFlag.Deleted;
        if (deleted) d.MarkDeleted();
        db.AuditEntries.Add(Audit.Entry(user, deleted ? "document.deleted" : "document.updated", "document", d.Id,
            new { d.Title, d.Status, deleted }));
        await db.SaveChangesAsync(ct);
        return Reply.Ok("修改成功", deleted ? null! : DocItem.From(d));
    }
}
