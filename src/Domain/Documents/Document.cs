using Kboss.Domain.Common;

namespace Kboss.Domain.Documents;

/// <summary>
/// 文档基础表 (analysis/platform.md §2.3, §4.4): a help document of an org, hidden (<see cref="Status"/> 0, the
/// default) until published (1); soft-deleted through <c>update_doc</c>. An uploaded file is kept under a generated
/// <see cref="StorageKey"/>; the client's file name is only data (<see cref="OriginalName"/>, sanitised).
/// </summary>
public sealed class Document : Entity, ISoftDeletable
{
    /// <summary>0 不展示 (hidden).</summary>
    public const int Hidden = 0;
    /// <summary>1 展示 (shown).</summary>
    public const int Shown = 1;

    /// <summary>Owning org (the uploader's).</summary>
    public string OrgId { get; init; } = "";
    /// <summary>上传者 (display only).</summary>
    public string? UserName { get; set; }
    /// <summary>文件所属分类.</summary>
    public int? Kind { get; set; }
    /// <summary>文件类型 (client's label).</summary>
    public string? FileType { get; set; }
    /// <summary>标题.</summary>
    public string? Title { get; set; }
    /// <summary>内容.</summary>
    public string? Content { get; set; }
    /// <summary>文件路径: the client's value, or the download address of an uploaded file. Never opened.</summary>
    public string? FilePath { get; set; }
    /// <summary>0 hidden / 1 shown.</summary>
    public int Status { get; private set; } = Hidden;
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>Generated storage name of the uploaded file, or null.</summary>
    public string? StorageKey { get; private set; }
    /// <summary>Sanitised client file name (download name), or null.</summary>
    public string? OriginalName { get; private set; }
    /// <summary>MIME type sniffed from the content, or null.</summary>
    public string? ContentType { get; private set; }
    /// <summary>File size, bytes.</summary>
    public long? FileSize { get; private set; }

    /// <summary>Attaches a stored file.</summary>
    public void AttachFile(string storageKey, string originalName, string contentType, long size)
    {
        StorageKey = storageKey;
        OriginalName = originalName;
        ContentType = contentType;
        FileSize = size;
    }

    /// <summary>Sets the visibility; only 0 and 1 exist.</summary>
    public Result SetStatus(int status)
    {
        if (status is not (Hidden or Shown))
            return new Failure(FailureKind.InvalidArgument, "status只能为0或1", "status");
        Status = status;
        return Result.Done;
    }
}
