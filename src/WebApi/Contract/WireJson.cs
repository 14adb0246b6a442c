using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kboss.WebApi.Contract;

/// <summary>
/// JSON of the wire contract (ARCHITECTURE.md §2): snake_case keys, timestamps <c>yyyy-MM-dd HH:mm:ss</c> and dates
/// <c>yyyy-MM-dd</c> in the platform time zone, decimals without trailing zeros, Chinese unescaped.
/// </summary>
public static class WireJson
{
    /// <summary>Applies the contract to <paramref name="o"/> for time zone <paramref name="zone"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions o, TimeZoneInfo zone)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        o.Converters.Add(new PlatformDateTimeConverter(zone));
        o.Converters.Add(new DateOnlyConverter());
        o.Converters.Add(new TrimmedDecimalConverter());
        return o;
    }

    /// <summary>Options for request binding: snake_case names, any JSON value accepted for a string property.</summary>
    public static readonly JsonSerializerOptions Binding = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new LenientStringConverter() },
        // explicit so that the binder can read a request's names (GetTypeInfo) before its first deserialization
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Writes UTC <see cref="DateTime"/> as platform-local <c>yyyy-MM-dd HH:mm:ss</c>; reads that form back to UTC.</summary>
    public sealed class PlatformDateTimeConverter(TimeZoneInfo zone) : JsonConverter<DateTime>
    {
        /// <summary>Wire format.</summary>
        public const string Format = "yyyy-MM-dd HH:mm:ss";

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TimeZoneInfo.ConvertTimeToUtc(DateTime.ParseExact(reader.GetString()!, Format, CultureInfo.InvariantCulture), zone);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
        {
            var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
            writer.WriteStringValue(TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString(Format, CultureInfo.InvariantCulture));
        }
    }

    /// <summary><see cref="DateOnly"/> as <c>yyyy-MM-dd</c>.</summary>
    public sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Decimals without trailing zeros: <c>6.00</c> → <c>6</c>, <c>40.960</c> → <c>40.96</c>.</summary>
    public sealed class TrimmedDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? decimal.Parse(reader.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture)
                : reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(Kboss.Domain.Finance.Money.Normalize(value));
    }

    /// <summary>Reads any JSON value into a string property: strings as is, numbers and booleans as their text, arrays and objects as raw JSON.</summary>
    public sealed class LenientStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String: return reader.GetString();
                case JsonTokenType.True: return "true";
                case JsonTokenType.False: return "false";
                case JsonTokenType.Null: return null;
                case JsonTokenType.Number:
                    return reader.HasValueSequence ? System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)) : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                default:
                    using (var doc = JsonDocument.ParseValue(ref reader)) return doc.RootElement.GetRawText();
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
