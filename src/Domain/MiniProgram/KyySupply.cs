using System.Text.Json;
using Kboss.Domain.Common;

namespace Kboss.Domain.MiniProgram;

/// <summary>
/// 开元云供应产品 (analysis/platform.md §2.6, §4.10, E47–E52): a supply product the ops staff of an org keep.
/// <see cref="BasicInfo"/> is a JSON object as text (集群基础信息); <see cref="ExcelInfo"/> the HTML table made from
/// the uploaded workbook, every cell value HTML-escaped by the converter. Changes are soft.
/// </summary>
public sealed class KyySupply : Entity, ISoftDeletable
{
    /// <summary>Longest accepted <see cref="BasicInfo"/>.</summary>
    public const int MaxBasicInfo = 20_000;
    /// <summary>Message for a <c>basic_info</c> that is not a JSON object.</summary>
    public const string BadBasicInfo = "basic_info格式错误,应为JSON对象";

    /// <summary>Owning org.</summary>
    public string OrgId { get; init; } = "";
    /// <summary>JSON object text.</summary>
    public string BasicInfo { get; private set; } = "{}";
    /// <summary>HTML of the workbook (null until one is converted).</summary>
    public string? ExcelInfo { get; private set; }
    /// <summary>Stored relative path of the workbook (<c>filepath</c> on the wire).</summary>
    public string? FilePath { get; private set; }
    /// <summary>备注.</summary>
    public string? Remark { get; private set; }
    /// <inheritdoc />
    public string DelFlg { get; set; } = DelFlag.Alive;

    /// <summary>A new product of <paramref name="orgId"/>; <paramref name="basicInfo"/> must be a JSON
    /// object.</summary>
    public static Result<KyySupply> Create(string orgId, string basicInfo, string? remark)
    {
        if (!IsJsonObject(basicInfo)) return new Failure(FailureKind.InvalidArgument, BadBasicInfo, "basic_info");
        return new KyySupply { OrgId = orgId, BasicInfo = basicInfo, Remark = remark };
    }

    /// <summary>Partial update: null keeps a value.</summary>
    public Result Update(string? basicInfo, string? remark)
    {
        if (basicInfo is not null && !IsJsonObject(basicInfo))
            return new Failure(FailureKind.InvalidArgument, BadBasicInfo, "basic_info");
        if (basicInfo is not null) BasicInfo = basicInfo;
        if (remark is not null) Remark = remark;
        return Result.Done;
    }

    /// <summary>Stores the converted workbook <paramref name="html"/> of <paramref name="filePath"/>.</summary>
    public void AttachWorkbook(string filePath, string html, string? remark)
    {
        FilePath = filePath;
        ExcelInfo = html;
        if (remark is not null) Remark = remark;
    }

    /// <summary>The top-level property names of <paramref name="basicInfo"/> (none when it is not an object).</summary>
    public static IEnumerable<string> KeysOf(string basicInfo)
    {
        try
        {
            using var doc = JsonDocument.Parse(basicInfo);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [];
            return doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>True when <paramref name="text"/> parses as one JSON object.</summary>
    public static bool IsJsonObject(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
