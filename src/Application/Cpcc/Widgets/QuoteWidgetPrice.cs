using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Kboss.Domain.Cpcc;
using Mediator;

namespace Kboss.Application.Cpcc.Widgets;

/// <summary>
/// A quote line: priced (<c>resource_name, resource_type, amount, resource_unit, unit_price, duration,
/// duration_unit, subtotal</c>) or failed (<c>resource_type, error</c>); absent keys are omitted.
/// </summary>
public sealed record QuoteLine
{
    /// <summary><c>type + " " + model</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ResourceName { get; init; }
    /// <summary>cpu / memory / disk / gpu as requested.</summary>
    public string ResourceType { get; init; } = "";
    /// <summary>Requested amount (cpu 核, memory Mi, disk Gi, gpu 卡).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Amount { get; init; }
    /// <summary>Fixed quote unit of the type.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ResourceUnit { get; init; }
    /// <summary>Widget unit price.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? UnitPrice { get; init; }
    /// <summary>Requested duration as a string.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Duration { get; init; }
    /// <summary>Requested duration unit.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DurationUnit { get; init; }
    /// <summary>Line price in 元, 2 decimals.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public decimal? Subtotal { get; init; }
    /// <summary>Why the line could not be priced.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Error { get; init; }
}

/// <summary>The W3 <c>data</c>: total of the priced lines, the lines, and the quote's own status and message.</summary>
public sealed record PriceQuote(decimal TotalPrice, string Currency, IReadOnlyList<QuoteLine> PriceDetails, bool Status,
    string Message, string Duration, string DurationUnit);

/// <summary>
/// W3 <c>GET /dev/cpcc/cpcwidget/accrual_price.dspy</c>: prices a combination of widgets for a duration with the
/// formula of <see cref="PricingRules"/>. <c>resources</c> is a JSON array of <c>{type, model, amount}</c>
/// (cpu 核, memory Mi, disk Gi, gpu 卡). Each line is checked in order: a type without widgets →
/// <c>没有该类型组件</c>; unknown model → <c>无效的 {type} 部件型号: {model}</c>; bad amount →
/// <c>无效的 {type} 部件数量: {amount}</c>; amount above what is available (in <c>clusterid</c> when given, else
/// in all clusters; repeated widgets add up) → <c>{type} {model} 库存不足 (库存: n, 请求: m)</c>. A failed line adds
/// nothing to the total; the first failure becomes <c>msg</c> with <c>status:false</c> and the partial quote in
/// <c>data</c>. <c>duration</c> defaults to 1 and <c>duration_unit</c> to 小时.
/// spec: 41-cpcc-widgets-pricing.md; analysis/cpcc.md §4.1.
/// </summary>
public sealed record QuoteWidgetPrice : IQuery<Reply<PriceQuote>>
{
    private (string? From, IReadOnlyList<ResourceRequest>? Lines) _parsed;

    /// <summary>算力中心id.</summary>
    public string? Cpcid { get; init; }
    /// <summary>JSON array of <c>{type, model, amount}</c> (a JSON body may send the array itself).</summary>
    public string? Resources { get; init; }
    /// <summary>Integer ≥ 1 (default 1).</summary>
    public string? Duration { get; init; }
    /// <summary>小时 / 天 / 周 / 月 (default 小时).</summary>
    public string? DurationUnit { get; init; }
    /// <summary>Optional cluster whose stock is checked.</summary>
    public string? Clusterid { get; init; }

    /// <summary><see cref="Resources"/> parsed once (validator and handler share it); null when malformed.</summary>
    [JsonIgnore]
    internal IReadOnlyList<ResourceRequest>? Lines
    {
        get
        {
            if (!ReferenceEquals(_parsed.From, Resources) || (_parsed.From is null && _parsed.Lines is null))
                _parsed = (Resources, ResourceRequest.TryParse(Resources, out var lines) ? lines : null);
            return _parsed.Lines;
        }
    }

    /// <summary><see cref="Duration"/> as a number (1 when empty), null when not an integer in [1, 100000].</summary>
    [JsonIgnore]
    internal int? Hours => string.IsNullOrWhiteSpace(Duration) ? 1
        : RuleExtensions.TryInt(Duration, out var n) && n is >= 1 and <= 100_000 ? (int)n : null;

    /// <summary><see cref="DurationUnit"/> trimmed, 小时 when empty.</summary>
    [JsonIgnore]
    internal string Unit => DurationUnit.TrimmedOrNull() ?? "小时";
}

/// <summary>Validates <see cref="QuoteWidgetPrice"/> with the messages of analysis/cpcc.md §4.1.</summary>
public sealed class QuoteWidgetPriceValidator : AbstractValidator<QuoteWidgetPrice>
{
    /// <summary>Most lines in one quote.</summary>
    public const int MaxLines = 50;

    public QuoteWidgetPriceValidator()
    {
        RuleFor(x => x.Cpcid).Required("无算力中心ID");
        RuleFor(x => x.Resources).Must((x, _) => x.Lines is not null).WithMessage("resources参数格式错误");
        RuleFor(x => x.Duration).Must((x, _) => x.Hours is not null).WithMessage(x => $"无效的使用时长: {x.Duration}");
        RuleFor(x => x.DurationUnit).Must((x, _) => PricingRules.DurationUnitHours.ContainsKey(x.Unit))
            .WithMessage(x => $"无效的时长单位: {x.DurationUnit}");
    }
}

/// <summary>One requested line. <see cref="Amount"/> is null when it is not a positive integer.</summary>
/// <param name="Type">Requested type.</param>
/// <param name="Model">Requested model (default STANDARD).</param>
/// <param name="Amount">Amount, or null when invalid.</param>
/// <param name="AmountText">Amount as sent (for the error message).</param>
public sealed record ResourceRequest(string Type, string Model, long? Amount, string AmountText)
{
    /// <summary>Parses the <c>resources</c> JSON array; false when it is not a non-empty array of objects (≤ 50).</summary>
    public static bool TryParse(string? json, out List<ResourceRequest> lines)
    {
        lines = [];
        if (string.IsNullOrWhiteSpace(json)) return false;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return false;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) return false;
                lines.Add(new ResourceRequest(Text(item, "type"), Text(item, "model") is { Length: > 0 } m ? m : WidgetTypes.DefaultModel,
                    ParseAmount(item), Text(item, "amount")));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return false; // malformed JSON, lone surrogates, duplicate keys
        }
        return lines.Count is > 0 and <= QuoteWidgetPriceValidator.MaxLines;
    }

    private static string Text(JsonElement item, string name) => item.TryGetProperty(name, out var v)
        ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!.Trim(),
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            _ => v.GetRawText(),
        }
        : "";

    private static long? ParseAmount(JsonElement item)
    {
        if (!item.TryGetProperty("amount", out var v)) return null;
        long n;
        var ok = v.ValueKind switch
        {
            JsonValueKind.Number => v.TryGetInt64(out n),
            JsonValueKind.String => long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n),
            _ => (n = 0) != 0,
        };
        return ok && n > 0 && n <= 1_000_000_000_000 ? n : null;
    }
}

/// <summary>Handles <see cref="QuoteWidgetPrice"/>: one read of the centre's widgets (cached), then pure arithmetic.</summary>
public sealed class QuoteWidgetPriceHandler(WidgetCatalog catalog, CenterGuard guard)
    : IQueryHandler<QuoteWidgetPrice, Reply<PriceQuote>>
{
    /// <summary>Message of a successful quote.</summary>
    public const string OkMessage = "获取部件组合价格成功";

    public async ValueTask<Reply<PriceQuote>> Handle(QuoteWidgetPrice q, CancellationToken ct)
    {
        var cpcid = q.Cpcid.Trimmed();
        var widgets = await catalog.GetAsync(cpcid, ct);
        if (widgets.Count == 0 && !await guard.ExistsAsync(cpcid, ct))
            throw BusinessException.NotFound(CenterGuard.NotFoundMessage);
        var requests = q.Lines!;
        var duration = q.Hours!.Value;
        var unit = q.Unit;
        var durationText = duration.ToString(CultureInfo.InvariantCulture);
        var clusterId = q.Clusterid.TrimmedOrNull();

        var lines = new List<QuoteLine>(requests.Count);
        var requested = new Dictionary<string, long>();
        Failure? firstFailure = null;
        decimal total = 0;
        foreach (var r in requests)
        {
            var check = PricingRules.CheckLine(r.Type, r.Model, r.Amount, r.AmountText, widgets, clusterId, requested);
            if (check.Value is not { } widget)
            {
                firstFailure ??= check.Failure;
                lines.Add(new QuoteLine { ResourceType = r.Type, Error = check.Failure!.Message });
                continue;
            }
            decimal subtotal;
            try
            {
                subtotal = PricingRules.Subtotal(r.Amount!.Value, widget.UnitPrice, duration, unit, widget.ChargeUnit,
                    widget.AccountUnit);
                total = checked(total + subtotal);
            }
            catch (OverflowException)
            {
                var overflow = PricingRules.Overflow(r.Type, widget.Model);
                firstFailure ??= overflow;
                lines.Add(new QuoteLine { ResourceType = r.Type, Error = overflow.Message });
                continue;
            }
            lines.Add(new QuoteLine
            {
                ResourceName = $"{r.Type} {widget.Model}", ResourceType = r.Type, Amount = r.Amount,
                ResourceUnit = WidgetTypes.QuoteUnit(r.Type), UnitPrice = widget.UnitPrice, Duration = durationText,
                DurationUnit = unit, Subtotal = subtotal,
            });
        }
        var quote = new PriceQuote(PricingRules.Round2(total), PricingRules.Currency, lines, firstFailure is null,
            firstFailure?.Message ?? "汇算正常", durationText, unit);
        Common.Metrics.KbossMetrics.Quote(firstFailure is null);
        return firstFailure is null ? Reply.Ok(OkMessage, quote) : Reply.Fail(firstFailure, quote);
    }
}
