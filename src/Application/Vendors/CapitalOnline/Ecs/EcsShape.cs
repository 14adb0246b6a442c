using System.Text.Json.Nodes;
using FluentValidation;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;

namespace Kboss.Application.Vendors.CapitalOnline.Ecs;

/// <summary>
/// What decides a host order's price (CDS DescribePrice, analysis/vendors.md §3.8 CDS-ECS-06/12): zone, family and
/// spec, billing method and duration, disks, count. <c>get_ecs_price</c> and <c>create_ecs</c> both reduce to it, so
/// the price shown and the price charged come from the same body.
/// </summary>
public interface IEcsShape
{
    string? AvailableZoneCode { get; }
    string? EcsFamilyName { get; }
    string? Cpu { get; }
    string? Ram { get; }
    string? Gpu { get; }
    string? BillingMethod { get; }
    string? Duration { get; }
    string? IsToMonth { get; }
    string? Number { get; }
    /// <summary>System disk JSON object <c>{"DiskFeature":"ssd","Size":40}</c>.</summary>
    string? SystemDiskJson { get; }
    /// <summary>Data disks JSON array <c>[{"DiskFeature":"ssd","Size":100}]</c>.</summary>
    string? DataDiskJson { get; }
}

/// <summary>Rules and CDS bodies of <see cref="IEcsShape"/>.</summary>
public static class EcsShape
{
    /// <summary>The common rules; <paramref name="system"/>, <paramref name="data"/>: wire names of the disks (each
    /// validator requires its own system-disk property, so the document shows it required).</summary>
    public static void Rules<T>(AbstractValidator<T> v, string system, string data) where T : IEcsShape
    {
        v.RuleFor(x => x.AvailableZoneCode).Id().OverridePropertyName("AvailableZoneCode");
        v.RuleFor(x => x.EcsFamilyName).Required().MaxChars(CdsRules.NameMax).NoControlChars()
            .OverridePropertyName("EcsFamilyName");
        v.RuleFor(x => x.Cpu).Required().OptionalInt(1, EcsSpec.MaxCpu).OverridePropertyName("Cpu");
        v.RuleFor(x => x.Ram).Required().OptionalInt(1, EcsSpec.MaxRam).OverridePropertyName("Ram");
        v.RuleFor(x => x.Gpu).OptionalInt(0, EcsSpec.MaxGpu).OverridePropertyName("Gpu");
        v.RuleFor(x => x.Number).OptionalInt(1, EcsSpec.MaxNumber).OverridePropertyName("Number");
        v.RuleFor(x => x.BillingMethod).Required().OneOf(EcsSpec.BillingMethods).OverridePropertyName("BillingMethod");
        v.RuleFor(x => x.Duration).OptionalInt(1, EcsSpec.MaxDuration).OverridePropertyName("Duration");
        v.RuleFor(x => x.IsToMonth).OneOf(["0", "1"]).OverridePropertyName("IsToMonth");
        v.RuleFor(x => x.SystemDiskJson).Must(d => string.IsNullOrWhiteSpace(d) || IsDisk(d))
            .OverridePropertyName(system)
            .WithMessage(system + "必须是JSON对象 {\"DiskFeature\":\"ssd\",\"Size\":40}");
        v.RuleFor(x => x.DataDiskJson)
            .Must(d => string.IsNullOrWhiteSpace(d)
                       || CdsEcsRules.ParseJson(d) is JsonArray { Count: <= 16 } a && a.All(IsDisk))
            .OverridePropertyName(data).WithMessage(data + "必须是磁盘对象的JSON数组(至多16块),没有数据盘时传 []");
    }

    /// <summary>The body of CDS DescribePrice.</summary>
    public static JsonObject PriceBody(IEcsShape s)
    {
        var body = Spec(s);
        body["SystemDiskInfo"] = SystemDisk(s.SystemDiskJson);
        body["DataDiskInfo"] = DataDisks(s.DataDiskJson);
        return body;
    }

    /// <summary>The system disk as kboss sends it: <c>{DiskFeature, Size}</c> only (null when absent), so what is
    /// priced is what is ordered and no stray member (<c>"size":500</c> beside <c>"Size":50</c>) reaches CDS.</summary>
    public static JsonObject? SystemDisk(string? raw) => Disk(CdsEcsRules.ParseJson(raw));

    /// <summary>The data disks as kboss sends them (see <see cref="SystemDisk"/>); <c>[]</c> when absent.</summary>
    public static JsonArray DataDisks(string? raw) =>
        new((CdsEcsRules.ParseJson(raw) as JsonArray ?? []).Select(d => (JsonNode?)Disk(d)).ToArray());

    private static JsonObject? Disk(JsonNode? node) => node is JsonObject
        ? new JsonObject
        {
            ["DiskFeature"] = VendorJson.Str(node, "DiskFeature")?.Trim(), ["Size"] = VendorJson.Long(node, "Size"),
        }
        : null;

    /// <summary>Zone, family, spec, billing and count as CDS takes them (numbers as numbers).</summary>
    public static JsonObject Spec(IEcsShape s)
    {
        var body = new JsonObject
        {
            ["AvailableZoneCode"] = s.AvailableZoneCode.Trimmed(), ["EcsFamilyName"] = s.EcsFamilyName.Trimmed(),
            ["Cpu"] = Int(s.Cpu, 0), ["Ram"] = Int(s.Ram, 0), ["Gpu"] = Int(s.Gpu, 0),
            ["BillingMethod"] = s.BillingMethod.Trimmed(), ["Number"] = Int(s.Number, 1),
        };
        if (s.BillingMethod.Trimmed() == "1")
        {
            body["Duration"] = Int(s.Duration, 1);
            body["IsToMonth"] = Int(s.IsToMonth, 0);
        }
        return body;
    }

    /// <summary>Hosts ordered.</summary>
    public static int Count(IEcsShape s) => Int(s.Number, 1);

    private static bool IsDisk(string? raw) => IsDisk(CdsEcsRules.ParseJson(raw));

    private static bool IsDisk(JsonNode? node) =>
        node is JsonObject o && o.Count == 2 && o.ContainsKey("DiskFeature") && o.ContainsKey("Size")
        && VendorJson.Str(o, "DiskFeature") is { Length: > 0 and <= 32 } feature && !feature.Any(char.IsControl)
        && VendorJson.Long(o, "Size") is >= 1 and <= 65536;

    private static int Int(string? s, int fallback) => int.TryParse(s.TrimmedOrNull(), out var n) ? n : fallback;
}
