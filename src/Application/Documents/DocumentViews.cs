using Kboss.Domain.Documents;

namespace Kboss.Application.Documents;

/// <summary>
/// DocItem (analysis/platform.md §3.3): every column of 文档基础表 (<c>status</c> and <c>kind</c> integers) plus the
/// uploaded file's download name, MIME type and size (null without a file). The storage key is never shown.
/// </summary>
public sealed record DocItem(string Id, string Orgid, string? UserName, int? Kind, string? FileType, string? Title,
    string? Content, string? FilePath, int Status, string DelFlg, DateTime CreateAt, DateTime UpdateAt,
    string? FileName, string? ContentType, long? FileSize)
{
    /// <summary>The item of <paramref name="d"/>.</summary>
    public static DocItem From(Document d) => new(d.Id, d.OrgId, d.UserName, d.Kind, d.FileType, d.Title, d.Content,
        d.FilePath, d.Status, d.DelFlg, d.CreateAt, d.UpdateTime, d.OriginalName, d.ContentType, d.FileSize);
}
