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
        }
        foreach (var b in Bases.Where(b => resolver.HasSchema(b, false)))
        {
            var merged = resolver.GetSchema(b, false);
            foreach (var name in schemas.Where(s => ReferenceEquals(s.Value, merged)).Select(s => s.Key).ToList())
                schemas.Remove(name);
        }
    }

    /// <summary>The properties of <paramref name="schema"/> and of the bases it is built on (a base of a base too).</summary>
    private static IEnumerable<KeyValuePair<string, JsonSchemaProperty>> Properties(JsonSchema schema) =>
        schema.AllOf.SelectMany(s => Properties(s.ActualSchema)).Concat(schema.Properties);
}
