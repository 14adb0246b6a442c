using System.Text.Json.Nodes;
using Kboss.Domain.Common;

namespace Kboss.Application.Vendors.CapitalOnline;

/// <summary>Shapes of CDS answers in kboss replies (analysis/vendors.md §3.0 E2).</summary>
public static class CdsReplies
{
    /// <summary>CDS's <c>Data</c> as an object (a non-object is kept under <c>Data</c>) with its top-level
    /// <c>TaskId</c> added.</summary>
    public static JsonObject WithTask(CdsAnswer answer)
    {
        var data = answer.Data switch
        {
            JsonObject o => (JsonObject)o.DeepClone(),
            null => [],
            var other => new JsonObject { ["Data"] = other.DeepClone() },
        };
        if (answer.TaskId is not null) data["TaskId"] = answer.TaskId;
        return data;
    }

    /// <summary>The reply of a delete: CDS's message and <c>{TaskId}</c>; null (already being deleted) → 删除中.</summary>
    public static Common.Models.Reply<JsonObject> Deleted(VendorResult<CdsAnswer>? answer) => answer is null
        ? Common.Models.Reply.Ok("删除任务已在处理中", new JsonObject())
        : Common.Models.Reply.Ok(answer.Message ?? "删除成功", WithTask(answer.Data!));

    /// <summary>The data of a charged operation: the stored reply data plus <c>order_id</c> (the charge),
    /// <c>billid</c> and <c>amount</c> (元; ADR 0041).</summary>
    public static JsonObject Charged(Charges.VendorCharged charged)
    {
        var data = charged.Data as JsonObject is { } o ? (JsonObject)o.DeepClone() : [];
        data["order_id"] = charged.ChargeId;
        data["billid"] = charged.BillId;
        data["amount"] = charged.Amount;
        return data;
    }

    /// <summary>The body of a network describe: <c>RegionCode</c> and the filters given (page as a number).</summary>
    public static JsonObject ListBody(string? region, string? keyword, string? page, string? vpc, string? zone)
    {
        var body = new JsonObject { ["RegionCode"] = region.Trimmed() };
        if (keyword.TrimmedOrNull() is { } k) body["Keyword"] = k;
        if (int.TryParse(page.TrimmedOrNull(), out var p)) body["PageNumber"] = p;
        if (vpc.TrimmedOrNull() is { } v) body["VPCId"] = v;
        if (zone.TrimmedOrNull() is { } z) body["AvailableZoneCode"] = z;
        return body;
    }
}
