using System.Reflection;
using System.Text.Json.Serialization;
using Kboss.WebApi.Contract;
using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Kboss.WebApi.OpenApi;

/// <summary>
/// Describes a <see cref="FromLegacyParamsAttribute"/> request under its documented wire names (ADR 0024): a GET
/// lists them as query parameters; a POST declares a request body (<c>application/json</c> and
/// <c>application/x-www-form-urlencoded</c>) with the request's schema, so secrets stay out of URLs. The legacy
/// query form of a POST is still bound by the server and is marked deprecated (<see cref="LegacyQueryExtension"/>
/// and the description). <c>required</c> comes from the validators (<see cref="RequiredParameters"/>).
/// </summary>
public sealed class LegacyParamsOperationProcessor(RequiredParameters requiredParameters) : IOperationProcessor
{
    /// <summary>Operation extension on POSTs: the query string form of the body's parameters is deprecated.</summary>
    public const string LegacyQueryExtension = "x-legacy-query";

    private const string LegacyQueryNote =
        "Parameters: a JSON or form body. Deprecated: the same names in the query string (legacy clients) are "
        + "still accepted.";

    public bool Process(OperationProcessorContext context)
    {
        var parameter = context.MethodInfo.GetParameters()
            .FirstOrDefault(p => p.GetCustomAttribute<FromLegacyParamsAttribute>() is not null);
        if (parameter is null) return true;
        var operation = context.OperationDescription.Operation;
        operation.RequestBody = null;
        foreach (var stale in operation.Parameters.Where(p =>
                     p.Kind is OpenApiParameterKind.Body or OpenApiParameterKind.ModelBinding
                     || p.Name == parameter.Name).ToList())
            operation.Parameters.Remove(stale);
        var type = parameter.ParameterType;
        var required = requiredParameters.Of(type);
        if (context.OperationDescription.Method == OpenApiOperationMethod.Post) DescribeBody(context, type, required);
        else DescribeQuery(operation, type, required);
        return true;
    }

    private static void DescribeQuery(OpenApiOperation operation, Type type, IReadOnlySet<string> required)
    {
        foreach (var property in WireOrder(type))
        {
            var name = Application.DependencyInjection.WireName(property);
            if (operation.Parameters.Any(p => p.Name == name)) continue;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                OriginalName = ClientVariableName(name),
                Kind = OpenApiParameterKind.Query,
                IsRequired = required.Contains(property.Name),
                Description = property.GetXmlDocsSummary(),
                Schema = new JsonSchema { Type = JsonObjectType.String },
            });
        }
    }

    private static void DescribeBody(OperationProcessorContext context, Type type, IReadOnlySet<string> required)
    {
        var reference = context.SchemaGenerator.GenerateWithReference<JsonSchema>(type.ToContextualType(),
            context.SchemaResolver);
        var schema = reference.ActualSchema;
        foreach (var property in WireOrder(type).Where(p => required.Contains(p.Name)))
        {
            var name = Application.DependencyInjection.WireName(property);
            if (!schema.RequiredProperties.Contains(name)) schema.RequiredProperties.Add(name);
            if (schema.ActualProperties.TryGetValue(name, out var value)) value.IsNullableRaw = false;
        }
        var operation = context.OperationDescription.Operation;
        operation.RequestBody = new OpenApiRequestBody { Name = "body", IsRequired = true };
        foreach (var mediaType in new[] { "application/json", "application/x-www-form-urlencoded" })
            operation.RequestBody.Content[mediaType] =
                new OpenApiMediaType { Schema = new JsonSchema { Reference = schema } };
        operation.ExtensionData ??= new Dictionary<string, object?>();
        operation.ExtensionData[LegacyQueryExtension] = "deprecated";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? LegacyQueryNote
            : operation.Description + "\n\n" + LegacyQueryNote;
    }

    /// <summary>
    /// <c>x-originalName</c> of a query parameter whose name is a reserved word of JavaScript/TypeScript
    /// (<c>Delete</c>, CDS bandwidth_remove_eip): generated clients name their argument after it (NSwag takes the
    /// variable name from <c>x-originalName</c> and does not escape reserved words), so the TypeScript client has
    /// <c>delete_</c> and still sends <c>Delete=</c>. Null for every other name (the variable is the name).
    /// </summary>
    internal static string? ClientVariableName(string name)
    {
        var variable = char.ToLowerInvariant(name[0]) + name[1..];
        return ReservedWords.Contains(variable) ? variable + "_" : null;
    }

    /// <summary>ECMAScript reserved words (strict mode included) that cannot name a parameter.</summary>
    private static readonly HashSet<string> ReservedWords =
    [
        "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
        "do", "else", "enum", "eval", "export", "extends", "false", "finally", "for", "function", "if", "implements",
        "import", "in", "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public",
        "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
        "yield",
    ];

    /// <summary>
    /// The writable properties of a request in documented order: declaration order (a request's own properties before
    /// those of a fields base), then <see cref="JsonPropertyOrderAttribute"/>.
    /// </summary>
    internal static IEnumerable<PropertyInfo> WireOrder(Type requestType) =>
        requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .OrderBy(p => p.GetCustomAttribute<JsonPropertyOrderAttribute>()?.Order ?? 0);
}
