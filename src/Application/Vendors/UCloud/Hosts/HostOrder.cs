using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common.Validation;

namespace Kboss.Application.Vendors.UCloud.Hosts;

/// <summary>Host configuration shared by the price and the create (analysis/vendors.md §3.9 UC-H-07, UC-H-08).
/// </summary>
public abstract record HostOrder
{
    /// <summary>Region (default: <c>Vendors:UCloud:DefaultRegion</c>, <c>cn-bj2</c>).</summary>
    [JsonPropertyName("Region")] public string? Region { get; init; }
    /// <summary>Zone.</summary>
    [JsonPropertyName("Zone")] public string? Zone { get; init; }
    /// <summary>Image.</summary>
    [JsonPropertyName("ImageId")] public string? ImageId { get; init; }
    /// <summary>vCPUs.</summary>
    [JsonPropertyName("CPU")] public string? Cpu { get; init; }
    /// <summary>内存大小。单位:MB。范围 :[1024, 262144],取值为1024的倍数.</summary>
    [JsonPropertyName("Memory")] public string? Memory { get; init; }
    /// <summary>GPUs.</summary>
    [JsonPropertyName("GPU")] public string? Gpu { get; init; }
    /// <summary>GPU type.</summary>
    [JsonPropertyName("GpuType")] public string? GpuType { get; init; }
    /// <summary>Year / Month / Dynamic (/ Postpay).</summary>
    [JsonPropertyName("ChargeType")] public string? ChargeType { get; init; }
    /// <summary>Normal / Super.</summary>
    [JsonPropertyName("NetCapability")] public string? NetCapability { get; init; }
    /// <summary>N, C, G, O, OS….</summary>
    [JsonPropertyName("MachineType")] public string? MachineType { get; init; }
    /// <summary>购买时长 (default 1; 0 for Month = until month end).</summary>
    [JsonPropertyName("Quantity")] public string? Quantity { get; init; }
    /// <summary>JSON array <c>[{"IsBoot":"True","Type":"CLOUD_SSD","Size":40}]</c>.</summary>
    [JsonPropertyName("Disks")] public string? Disks { get; init; }

    /// <summary>UCloud's documented <c>Disks.N.*</c> fields (CreateUHostInstance), the only keys forwarded.</summary>
    public static readonly string[] DiskFields =
        ["IsBoot", "Type", "Size", "BackupType", "Encrypted", "KmsKeyId", "CouponId"];

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    /// <summary>The disks rebuilt from their documented fields, or null when <see cref="Disks"/> is not an array of
    /// 1–8 objects with Type and Size whose keys are all documented (each once, <see cref="DiskFields"/>, exact case)
    /// and whose values are short scalars: a stray key (<c>"size":4000</c> beside <c>"Size":40</c>) is refused
    /// rather than sent, where it broke UCloud's signature check.</summary>
    public JsonArray? DiskList()
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(Disks ?? "", documentOptions: StrictJson);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }
        if (parsed is not JsonArray { Count: > 0 and <= 8 } array) return null;
        var disks = new JsonArray();
        foreach (var item in array)
        {
            if (item is not JsonObject disk || !disk.All(IsDiskField)
                || VendorJson.Str(disk, "Type") is not { Length: > 0 and <= 32 }
                || VendorJson.Long(disk, "Size") is not (>= 1 and <= 32000)) return null;
            disks.Add(new JsonObject(DiskFields.Where(disk.ContainsKey)
                .Select(k => KeyValuePair.Create(k, disk[k]!.DeepClone()))!));
        }
        return disks;
    }

    private static bool IsDiskField(KeyValuePair<string, JsonNode?> field) =>
        DiskFields.Contains(field.Key, StringComparer.Ordinal)
        && field.Value is JsonValue value
        && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True
            or JsonValueKind.False
        && value.ToString().Length <= 64;

    /// <summary>The configuration's UCloud parameters (<c>Disks.N.*</c>).</summary>
    public UCloudParams OrderParams(UCloudScope scope) => scope.Params(Region, Zone).With("ImageId", ImageId)
        .With("CPU", Cpu).With("Memory", Memory).With("GPU", Gpu).With("GpuType", GpuType)
        .With("ChargeType", ChargeType).With("NetCapability", NetCapability).With("MachineType", MachineType)
        .With("Quantity", Quantity ?? "1").WithObjects("Disks", DiskList() ?? []);
}

/// <summary>Rules of <see cref="HostOrder"/>.</summary>
public static class HostOrderRules
{
    public static void Apply<T>(AbstractValidator<T> v) where T : HostOrder
    {
        v.RuleFor(x => x.Region).OptionalRegionCode();
        v.RuleFor(x => x.Zone).RegionCode();
        v.RuleFor(x => x.ImageId).UCloudOptional();
        v.RuleFor(x => x.Cpu).Required().OptionalInt(1, 240);
        v.RuleFor(x => x.Memory).Required().OptionalInt(1024, 262144)
            .Must(m => !long.TryParse(m, out var n) || n % 1024 == 0).WithMessage("Memory必须是1024的倍数");
        v.RuleFor(x => x.Gpu).OptionalInt(0, 16);
        v.RuleFor(x => x.GpuType).UCloudOptional();
        v.RuleFor(x => x.ChargeType).OneOf(UCloudRules.ChargeTypes);
        v.RuleFor(x => x.NetCapability).OneOf(["Normal", "Super", "Ultra"]);
        v.RuleFor(x => x.MachineType).UCloudOptional();
        v.RuleFor(x => x.Quantity).OptionalInt(0, 60);
        v.RuleFor(x => x.Disks).Required().Must((o, _) => o.DiskList() is not null)
            .WithMessage("Disks必须是JSON数组,如 [{\"IsBoot\":\"True\",\"Type\":\"CLOUD_SSD\",\"Size\":40}],"
                         + "每块盘只能包含字段 " + string.Join("、", HostOrder.DiskFields) + "(区分大小写)");
    }

    private static IRuleBuilderOptions<T, string?> UCloudOptional<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OptionalId();
}
