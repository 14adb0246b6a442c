using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Documents;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Documents;

/// <summary>
/// <c>POST /doc/get_doc_list.dspy</c> 获取文档列表 (analysis/platform.md §3.3 E30, §4.4, §7 #31): anyone, login
/// optional. Shown documents of every org; operators and admins also the hidden ones of the orgs they may act on, and
/// may filter by <c>status</c> (ignored for others). Filters: <c>kind</c>, <c>doc_type</c> (= <c>file_type</c>).
/// Newest change first.
/// </summary>
public sealed record ListDocuments : IQuery<Reply<IReadOnlyList<DocItem>>>
{
    /// <summary>The documented body object (its fields arrive as the parameters below).</summary>
    public string? Body { get; init; }
    /// <summary>Category filter (optional integer).</summary>
    public string? Kind { get; init; }
    /// <summary>File-type filter (optional).</summary>
    public string? DocType { get; init; }
    /// <summary>0 / 1 filter (operators and admins only).</summary>
    public string? Status { get; init; }
}

public sealed class ListDocumentsValidator : AbstractValidator<ListDocuments>
{
    public ListDocumentsValidator()
    {
        RuleFor(x => x.Kind).OptionalInt(0, 1_000_000);
        RuleFor(x => x.DocType).MaxChars(100);
        RuleFor(x => x.Status).OneOf(["0", "1"]);
    }
}

public sealed class ListDocumentsHandler(IKbossDbContext db, DocumentAccess access)
    : IQueryHandler<ListDocuments, Reply<IReadOnlyList<DocItem>>>
{
    public async ValueTask<Reply<IReadOnlyList<DocItem>>> Handle(ListDocuments q, CancellationToken ct)
    {
        var scope = await access.HiddenScopeAsync(ct);
        var rows = db.Documents.AsNoTracking();
        rows = scope is null ? rows
            : rows.Where(d => d.Status == Document.Shown || scope.Contains(d.OrgId));
        if (access.IsManager && RuleExtensions.TryInt(q.Status, out var status))
            rows = rows.Where(d => d.Status == status);
        if (RuleExtensions.TryInt(q.Kind, out var kind)) rows = rows.Where(d => d.Kind == kind);
        if (q.DocType.TrimmedOrNull() is { } type) rows = rows.Where(d => d.FileType == type);
        var list = await rows.OrderByDescending(d => d.UpdateTime).ThenByDescending(d => d.Id).ToListAsync(ct);
        return Reply.Ok<IReadOnlyList<DocItem>>("success", list.Select(DocItem.From).ToList());
    }
}
