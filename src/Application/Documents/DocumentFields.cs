using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Validation;

namespace Kboss.Application.Documents;

/// <summary>The fields <c>upload_doc</c> and <c>update_doc</c> share (analysis/platform.md §3.3 E29, E31).</summary>
public abstract record DocumentFieldsRequest
{
    /// <summary>The documented body object (its fields arrive as the parameters below).</summary>
    [JsonPropertyOrder(-2)]
    public string? Body { get; init; }
    /// <summary>上传者 (optional; the caller's name on upload).</summary>
    public string? UserName { get; init; }
    /// <summary>文件类型 (optional label).</summary>
    public string? FileType { get; init; }
    /// <summary>标题.</summary>
    public string? Title { get; init; }
    /// <summary>文件路径 (optional; kept as data, never opened).</summary>
    public string? FilePath { get; init; }
    /// <summary>文件所属分类 (optional integer).</summary>
    [JsonPropertyOrder(2)]
    public string? Kind { get; init; }
    /// <summary>内容 (optional text).</summary>
    [JsonPropertyOrder(2)]
    public string? Content { get; init; }
}

/// <summary>Length and format rules of <see cref="DocumentFieldsRequest"/>.</summary>
/// <typeparam name="T">The request.</typeparam>
public abstract class DocumentFieldsValidator<T> : AbstractValidator<T> where T : DocumentFieldsRequest
{
    /// <summary>Longest content, characters.</summary>
    public const int ContentMax = 20_000;

    /// <summary>Sets the rules.</summary>
    protected DocumentFieldsValidator()
    {
        RuleFor(x => x.UserName).MaxChars(100);
        RuleFor(x => x.FileType).MaxChars(100);
        RuleFor(x => x.Title).MaxChars(200);
        RuleFor(x => x.FilePath).MaxChars(500).SafeLink();
        RuleFor(x => x.Kind).OptionalInt(0, 1_000_000);
        RuleFor(x => x.Content).MaxChars(ContentMax);
    }
}

/// <summary>Copies the given fields of a request onto a document (null keeps).</summary>
public static class DocumentFieldsMapper
{
    /// <summary>Applies <paramref name="r"/> to <paramref name="d"/>.</summary>
    public static void Apply(DocumentFieldsRequest r, Domain.Documents.Document d)
    {
        if (r.UserName is not null) d.UserName = r.UserName.Trim();
        if (r.FileType is not null) d.FileType = r.FileType.Trim();
        if (r.Title is not null) d.Title = r.Title.Trim();
        if (r.FilePath is not null) d.FilePath = r.FilePath.Trim();
        if (r.Kind is not null) d.Kind = RuleExtensions.TryInt(r.Kind, out var kind) ? (int)kind : null;
        if (r.Content is not null) d.Content = r.Content;
    }
}
