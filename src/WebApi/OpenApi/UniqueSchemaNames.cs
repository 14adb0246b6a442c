using NJsonSchema;

namespace Kboss.WebApi.OpenApi;

/// <summary>
/// Schema names without NJsonSchema's de-duplication suffix (ADR 0048): two C# types whose schema names
/// clash (e.g. UCloud's and Capital Online's <c>BindEip</c>) would otherwise become <c>BindEip</c> and
/// <c>BindEip2</c>, a name that says nothing and changes with registration order. A clash is a defect of the
/// request types (give one a distinct name); it fails the document's generation with both names in the message.
/// </summary>
public sealed class UniqueSchemaNames : ITypeNameGenerator
{
    private readonly DefaultTypeNameGenerator names = new();

    public string Generate(JsonSchema schema, string? typeNameHint, IEnumerable<string> reservedTypeNames)
    {
        var reserved = reservedTypeNames as ICollection<string> ?? reservedTypeNames.ToList();
        var name = names.Generate(schema, typeNameHint, reserved);
        var plain = names.Generate(schema, typeNameHint, []);
        if (name != plain)
            throw new InvalidOperationException(
                $"OpenAPI schema name '{plain}' is taken by two types (the second would be '{name}'): "
                + "give one of the C# types a distinct name.");
        return name;
    }
}
