using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Kboss.WebApi.OpenApi;

/// <summary>
/// Keeps the body schemas of requests built on an abstract fields base (e.g. <c>PublishProductFieldsRequest</c>,
/// <c>DeviceFieldsRequest</c>) flat, in documented order, as they were before the base existed (ADR 0023, 0024):
/// the <c>allOf</c> is merged (so a generated client sees every parameter and its <c>required</c> flag on the
/// request itself) and the base schema dropped.
/// </summary>
public sealed class FlatFieldsRequestsProcessor : IDocumentProcessor
{
    private static readonly Type[] Requests = typeof(Application.DependencyInjection).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(Mediator.IMessage).IsAssignableFrom(t)
            && t.BaseType is { IsAbstract: true })
        .ToArray();

    private static readonly Type[] Bases = Requests.Select(t => t.BaseType!).Distinct().ToArray();

    public void Process(DocumentProcessorContext context)
    {
        var schemas = context.Document.Components.Schemas;
        var resolver = context.SchemaResolver;
        var optional = new HashSet<JsonSchemaProperty>(ReferenceEqualityComparer.Instance);
        var flattened = new List<JsonSchema>();
        foreach (var type in Requests)
        {
            // by type, not by name: two requests of one name in different areas get different schema names
            if (!resolver.HasSchema(type, false)) continue;
            var schema = resolver.GetSchema(type, false);
            if (schema.AllOf.Count == 0) continue;
            var parts = schema.AllOf.Select(s => s.ActualSchema).ToList();
            var own = parts.Last();
            var found = new Dictionary<string, JsonSchemaProperty>();
            foreach (var (name, value) in parts.SelectMany(Properties)) found[name] = value; // own ones last
            schema.AllOf.Clear();
            schema.Type = JsonObjectType.Object;
            schema.Description = own.Description;
            schema.AllowAdditionalProperties = false;
            foreach (var property in LegacyParamsOperationProcessor.WireOrder(type))
            {
                var name = Application.DependencyInjection.WireName(property);
                if (found.Remove(name, out var value)) schema.Properties[name] = value;
            }
            foreach (var (name, value) in found) schema.Properties[name] = value;
            optional.UnionWith(schema.Properties.Where(p => !schema.RequiredProperties.Contains(p.Key))
                .Select(p => p.Value));
            flattened.Add(schema);
        }
        // a required field is not nullable (as LegacyParamsOperationProcessor marks own fields); a base's field object
        // is shared by the requests built on it, so one that another request has as optional is copied first
        foreach (var schema in flattened)
            foreach (var name in schema.RequiredProperties.Where(schema.Properties.ContainsKey).ToList())
            {
                var value = schema.Properties[name];
                if (optional.Contains(value)) schema.Properties[name] = value = Copy(value);
                value.IsNullableRaw = false;
            }
        foreach (var b in Bases.Where(b => resolver.HasSchema(b, false)))
        {
            var merged = resolver.GetSchema(b, false);
            foreach (var name in schemas.Where(s => ReferenceEquals(s.Value, merged)).Select(s => s.Key).ToList())
                schemas.Remove(name);
        }
    }

    /// <summary>A copy of a request field's schema (a string, or an array of them, with its description).</summary>
    private static JsonSchemaProperty Copy(JsonSchemaProperty p) => new()
    {
        Type = p.Type, Format = p.Format, Description = p.Description, Item = p.Item, MaxLength = p.MaxLength,
        MinLength = p.MinLength, Pattern = p.Pattern, Default = p.Default, Example = p.Example,
    };

    /// <summary>The properties of <paramref name="schema"/> and of the bases it is built on (a base of a base too).</summary>
    private static IEnumerable<KeyValuePair<string, JsonSchemaProperty>> Properties(JsonSchema schema) =>
        schema.AllOf.SelectMany(s => Properties(s.ActualSchema)).Concat(schema.Properties);
}
