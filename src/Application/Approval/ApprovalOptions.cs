namespace Kboss.Application.Approval;

/// <summary>
/// Settings of the approval hub (configuration section <c>Approval</c>, ADR 0026).
/// </summary>
/// <param name="TitleFieldName">DingTalk form component that receives the title (<c>Approval:TitleFieldName</c>,
/// default <c>标题</c>).</param>
/// <param name="DetailFieldName">Component that receives the detail (<c>Approval:DetailFieldName</c>, default
/// <c>审批详情</c>).</param>
/// <param name="DeptId">Originator department sent to DingTalk (<c>Approval:DeptId</c>); omitted when null.</param>
/// <param name="CallbackBackoff">Waits between callback attempts (<c>Approval:CallbackBackoffSeconds</c>, default
/// 60, 300, 1800, 7200, 21600): one attempt plus one per step, then <c>failed</c>.</param>
/// <param name="CallTimeout">Longest DingTalk or callback call (<c>Approval:CallTimeoutSeconds</c>, default
/// 10).</param>
/// <param name="ReconcileAfter">Age of a running record before the reconciler asks DingTalk
/// (<c>Approval:ReconcileAfterSeconds</c>, default 1800).</param>
public sealed record ApprovalOptions(string TitleFieldName, string DetailFieldName, long? DeptId,
    IReadOnlyList<TimeSpan> CallbackBackoff, TimeSpan CallTimeout, TimeSpan ReconcileAfter)
{
    /// <summary>The defaults above.</summary>
    public static ApprovalOptions Default { get; } = new("标题", "审批详情", null,
        [.. new[] { 60, 300, 1800, 7200, 21600 }.Select(s => TimeSpan.FromSeconds(s))],
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(30));
}
