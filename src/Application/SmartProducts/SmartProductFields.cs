using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kboss.Domain.Catalog;

namespace Kboss.Application.SmartProducts;

/// <summary>
/// The list answer of 智算产品 (24-smart-compute-products.md): the documented <c>{"status": true, "msg": [rows]}</c>,
/// the array in <c>msg</c> as the legacy wire, mirrored in <c>data</c> (analysis §6 #27). Failures use the usual envelope.
/// </summary> <typeparam name="T">Row shape.</typeparam>
/// <param name="Status">Always true.</param>
/// <param name="Msg">The rows (documented place).</param>
/// <param name="Data">The same rows (platform place).</param>
public sealed record ListInMsgReply<T>(
    [property: JsonPropertyOrder(0)] bool Status,
    [property: JsonPropertyOrder(1)] IReadOnlyList<T> Msg,
    [property: JsonPropertyOrder(2)] IReadOnlyList<T> Data)
{
    /// <summary>A success with <paramref name="rows"/>.</summary>
    public static ListInMsgReply<T> Of(IReadOnlyList<T> rows) => new(true, rows, rows);
}

/// <summary>One editable field of a smart-compute product: its documented name, accessors and length limit.</summary>
/// <param name="Name">Wire name (typos kept: <c>yearly_rant</c>).</param>
/// <param name="Get">Reads the entity.</param>
/// <param name="Set">Writes the entity.</param>
/// <param name="Max">Longest accepted value.</param>
public sealed record SmartField(string Name, Func<SmartProduct, string> Get, Action<SmartProduct, string> Set, int Max)
{
    /// <summary>Every editable field, in the order of the <c>up_smart</c> example body.</summary>
    public static readonly IReadOnlyList<SmartField> All =
    [
        new("product_model", p => p.ProductModel, (p, v) => p.ProductModel = v, SmartProductLimits.Long),
        new("location", p => p.Location, (p, v) => p.Location = v, SmartProductLimits.Long),
        new("scale", p => p.Scale, (p, v) => p.Scale = v, SmartProductLimits.Short),
        new("leadtime", p => p.Leadtime, (p, v) => p.Leadtime = v, SmartProductLimits.Short),
        new("brand", p => p.Brand, (p, v) => p.Brand = v, SmartProductLimits.Short),
        new("resource_type", p => p.ResourceType, (p, v) => p.ResourceType = v, SmartProductLimits.Short),
        new("card_type", p => p.CardType, (p, v) => p.CardType = v, SmartProductLimits.Long),
        new("card_interface", p => p.CardInterface, (p, v) => p.CardInterface = v, SmartProductLimits.Short),
        new("cpu", p => p.Cpu, (p, v) => p.Cpu = v, SmartProductLimits.Long),
        new("memory", p => p.Memory, (p, v) => p.Memory = v, SmartProductLimits.Long),
        new("system_disk", p => p.SystemDisk, (p, v) => p.SystemDisk = v, SmartProductLimits.Long),
        new("data_disk", p => p.DataDisk, (p, v) => p.DataDisk = v, SmartProductLimits.Long),
        new("data_network", p => p.DataNetwork, (p, v) => p.DataNetwork = v, SmartProductLimits.Long),
        new("card_network", p => p.CardNetwork, (p, v) => p.CardNetwork = v, SmartProductLimits.Long),
        new("outer_bandwidth", p => p.OuterBandwidth, (p, v) => p.OuterBandwidth = v, SmartProductLimits.Short),
        new("shared_storage", p => p.SharedStorage, (p, v) => p.SharedStorage = v, SmartProductLimits.Short),
        new("address", p => p.Address, (p, v) => p.Address = v, SmartProductLimits.Long),
        new("test_claim", p => p.TestClaim, (p, v) => p.TestClaim = v, SmartProductLimits.Short),
        new("yearly_rant", p => p.YearlyRant, (p, v) => p.YearlyRant = v, SmartProductLimits.Short),
        new("quarterly_rent", p => p.QuarterlyRent, (p, v) => p.QuarterlyRent = v, SmartProductLimits.Short),
        new("monthly_rent", p => p.MonthlyRent, (p, v) => p.MonthlyRent = v, SmartProductLimits.Short),
        new("remark", p => p.Remark, (p, v) => p.Remark = v, SmartProductLimits.Long),
        new("type", p => p.Type, (p, v) => p.Type = v, SmartProductLimits.Short),
    ];

    /// <summary>Accepted alias of a wire name (analysis §3.6.3: <c>yearly_rent</c> for <c>yearly_rant</c>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string> { ["yearly_rent"] = "yearly_rant" };

    /// <summary>Fields a new product must have (the customer filter and list need them).</summary>
    public static readonly IReadOnlyList<string> RequiredOnAdd = ["product_model", "card_type"];

    /// <summary>
    /// Reads one product object (a batch row): every known key, numbers and booleans as their text (<c>address: 1</c> →
    /// <c>"1"</c>). Returns the values by wire name, or an error message naming the bad key.
    /// </summary>
    public static (Dictionary<string, string> Values, string? Error) Read(JsonNode? node)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not JsonObject obj) return (values, "不是对象");
        foreach (var (rawKey, value) in obj)
        {
            var key = rawKey.Trim();
            key = Aliases.GetValueOrDefault(key, key);
            var field = All.FirstOrDefault(f => f.Name == key);
            if (field is null || value is null) continue;
            if (value is not JsonValue v) return (values, $"{key} 必须是文本或数字");
            var text = v.TryGetValue<string>(out var s) ? s : v.ToJsonString();
            if (text.Any(ch => char.IsControl(ch) && ch is not ('\t' or '\n' or '\r'))) return (values, $"{key} 包含非法控制字符");
            text = text.Trim();
            if (text.Length > field.Max) return (values, $"{key} 长度不能超过 {field.Max} 个字符");
            values[key] = text;
        }
        foreach (var required in RequiredOnAdd)
            if (string.IsNullOrEmpty(values.GetValueOrDefault(required))) return (values, $"缺少必要参数: {required}");
        return (values, null);
    }
}

/// <summary>A smart-compute product as customers see it (the 19 fields of the documented POST answer).</summary>
public record SmartProductView
{
    /// <summary>Id.</summary>
    public string Id { get; init; } = "";
    /// <summary>Model.</summary>
    public string ProductModel { get; init; } = "";
    /// <summary>Location.</summary>
    public string Location { get; init; } = "";
    /// <summary>Scale.</summary>
    public string Scale { get; init; } = "";
    /// <summary>Lead time.</summary>
    public string Leadtime { get; init; } = "";
    /// <summary>Last update date (yyyy-MM-dd).</summary>
    public string UpdateDate { get; init; } = "";
    /// <summary>Brand.</summary>
    public string Brand { get; init; } = "";
    /// <summary>Resource type.</summary>
    public string ResourceType { get; init; } = "";
    /// <summary>Card type.</summary>
    public string CardType { get; init; } = "";
    /// <summary>Card interface.</summary>
    public string CardInterface { get; init; } = "";
    /// <summary>CPU.</summary>
    public string Cpu { get; init; } = "";
    /// <summary>Memory.</summary>
    public string Memory { get; init; } = "";
    /// <summary>System disk.</summary>
    public string SystemDisk { get; init; } = "";
    /// <summary>Data disk.</summary>
    public string DataDisk { get; init; } = "";
    /// <summary>Data network.</summary>
    public string DataNetwork { get; init; } = "";
    /// <summary>Card network.</summary>
    public string CardNetwork { get; init; } = "";
    /// <summary>Public bandwidth.</summary>
    public string OuterBandwidth { get; init; } = "";
    /// <summary>Shared storage.</summary>
    public string SharedStorage { get; init; } = "";
    /// <summary>Address.</summary>
    public string Address { get; init; } = "";

    /// <summary>Maps an entity to the customer view.</summary>
    public static SmartProductView From(SmartProduct p) => Fill(new SmartProductView(), p);

    /// <summary>Copies the customer fields of <paramref name="p"/> into <paramref name="v"/>.</summary>
    protected static T Fill<T>(T v, SmartProduct p) where T : SmartProductView => (T)(((SmartProductView)v) with
    {
        Id = p.Id, ProductModel = p.ProductModel, Location = p.Location, Scale = p.Scale, Leadtime = p.Leadtime,
        UpdateDate = p.UpdateDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Brand = p.Brand, ResourceType = p.ResourceType, CardType = p.CardType, CardInterface = p.CardInterface,
        Cpu = p.Cpu, Memory = p.Memory, SystemDisk = p.SystemDisk, DataDisk = p.DataDisk, DataNetwork = p.DataNetwork,
        CardNetwork = p.CardNetwork, OuterBandwidth = p.OuterBandwidth, SharedStorage = p.SharedStorage, Address = p.Address,
    });
}

/// <summary>A smart-compute product as sales see it: the customer fields plus terms, rents, remark, type and times.</summary>
public sealed record SmartProductSalesView : SmartProductView
{
    /// <summary>Test/trial terms.</summary>
    public string TestClaim { get; init; } = "";
    /// <summary>Yearly rent (typo kept).</summary>
    public string YearlyRant { get; init; } = "";
    /// <summary>Quarterly rent.</summary>
    public string QuarterlyRent { get; init; } = "";
    /// <summary>Monthly rent.</summary>
    public string MonthlyRent { get; init; } = "";
    /// <summary>Remark.</summary>
    public string Remark { get; init; } = "";
    /// <summary>Type code.</summary>
    public string Type { get; init; } = "";
    /// <summary>Created (platform time).</summary>
    public DateTime CreateAt { get; init; }

    /// <summary>Maps an entity to the sales view.</summary>
    public static SmartProductSalesView FromSales(SmartProduct p) => Fill(new SmartProductSalesView
    {
        TestClaim = p.TestClaim, YearlyRant = p.YearlyRant, QuarterlyRent = p.QuarterlyRent, MonthlyRent = p.MonthlyRent,
        Remark = p.Remark, Type = p.Type, CreateAt = p.CreateAt,
    }, p);
}
