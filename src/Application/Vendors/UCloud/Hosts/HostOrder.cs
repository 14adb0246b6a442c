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

    /// <summary>The disks, or null when <see cref="Disks"/> is not a non-empty array of objects with Type and Size.
    /// </summary>
    public JsonArray? DiskList()
    {
        try
        {
            return VendorJson.ParseInput(Disks) is JsonArray { Count: > 0 and <= 8 } a
                   && a.All(d => d is JsonObject o && VendorJson.Str(o, "Type") is { Length: > 0 and <= 32 }
                                 && VendorJson.Long(o, "Size") is >= 1 and <= 32000 && o.Count <= 6)
                ? a : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

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
        v.RuleFor(x => x.Region).OptionalId();
        v.RuleFor(x => x.Zone).Id();
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
            .WithMessage("Disks必须是JSON数组,如 [{\"IsBoot\":\"True\",\"Type\":\"CLOUD_SSD\",\"Size\":40}]");
    }

    private static IRuleBuilderOptions<T, string?> UCloudOptional<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OptionalId();
}
