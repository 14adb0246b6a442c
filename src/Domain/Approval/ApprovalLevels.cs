using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Kboss.Domain.Common;

namespace Kboss.Domain.Approval;

/// <summary>One approval level: DingTalk <c>approvers[].actionType</c> and the approvers' mobiles.</summary>
/// <param name="LevelId">Order, a positive integer as text.</param>
/// <param name="LevelMode"><c>NONE</c> (one approver), <c>AND</c> (会签, all), <c>OR</c> (或签, any one).</param>
/// <param name="ApvDdUserPhone">Mainland mobiles.</param>
public sealed record ApprovalLevel(
    [property: JsonPropertyName("level_id")] string LevelId,
    [property: JsonPropertyName("level_mode")] string LevelMode,
    [property: JsonPropertyName("apv_dd_user_phone")] IReadOnlyList<string> ApvDdUserPhone);

/// <summary>The rules of <c>level_data</c> (analysis/platform.md §3.1 E04, §7 #14, #16).</summary>
public static partial class ApprovalLevels
{
    /// <summary>Modes DingTalk knows.</summary>
    public static readonly IReadOnlyList<string> Modes = ["NONE", "AND", "OR"];

    /// <summary>Most levels (DingTalk's approver-list limit).</summary>
    public const int MaxLevels = 20;

    /// <summary>Mainland mobile <c>^1[3-9]\d{9}$</c>.</summary>
    public static bool IsMobile(string? phone) => phone is not null && Mobile().IsMatch(phone);

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    /// <summary>
    /// The levels of <paramref name="json"/> sorted by numeric <c>level_id</c>, or the first refusal in request
    /// order (level id, mode, each phone, then the count against the mode).
    /// </summary>
    public static Result<IReadOnlyList<ApprovalLevel>> Parse(string? json)
    {
        const string param = "level_data";
        List<ApprovalLevel>? levels;
        try
        {
            levels = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<List<ApprovalLevel>>(json);
        }
        catch (JsonException)
        {
            return new Failure(FailureKind.InvalidArgument, "level_data格式错误", param);
        }
        if (levels is null || levels.Count == 0)
            return new Failure(FailureKind.InvalidArgument, "level_data不能为空", param);
        if (levels.Count > MaxLevels)
            return new Failure(FailureKind.InvalidArgument, $"审批级别最多{MaxLevels}级", param);
        var seen = new HashSet<int>();
        for (var i = 0; i < levels.Count; i++)
        {
            var l = levels[i];
            var n = i + 1;
            if (l is null || !int.TryParse(l.LevelId, out var id) || id < 1 || !seen.Add(id))
                return new Failure(FailureKind.InvalidArgument, $"第{n}级的level_id必须是不重复的正整数", param);
            if (!Modes.Contains(l.LevelMode))
                return new Failure(FailureKind.InvalidArgument, $"第{n}级的level_mode必须是NONE、AND或OR", param);
            var phones = l.ApvDdUserPhone ?? [];
            if (phones.Count == 0)
                return new Failure(FailureKind.InvalidArgument, $"第{n}级至少需要一个审批人", param);
            if (phones.Any(p => !IsMobile(p)))
                return new Failure(FailureKind.InvalidArgument, $"第{n}级审批人手机号格式错误", param);
            if (l.LevelMode == "NONE" && phones.Count != 1)
                return new Failure(FailureKind.InvalidArgument, $"第{n}级为单人审批(NONE)时只能设置一个审批人", param);
        }
        return levels.OrderBy(l => int.Parse(l.LevelId)).ToList();
    }

    /// <summary>Stored form.</summary>
    public static string ToJson(IReadOnlyList<ApprovalLevel> levels) => JsonSerializer.Serialize(levels);

    /// <summary>Reads the stored form.</summary>
    public static IReadOnlyList<ApprovalLevel> FromJson(string json) =>
        JsonSerializer.Deserialize<List<ApprovalLevel>>(json) ?? [];
}
