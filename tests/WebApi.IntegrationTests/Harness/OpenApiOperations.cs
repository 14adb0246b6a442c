using System.Text.Json.Nodes;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>One served operation of <c>clients/openapi.json</c> with its documented parameters.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters)
{
    /// <summary>pcapi endpoints answer <c>{status, info, data}</c> instead of <c>{status, msg, data}</c>.</summary>
    public bool IsPcapi => Path.StartsWith("/pcapi/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A documented parameter: its name and whether it is required.</summary>
public sealed record ApiParameter(string Name, bool Required);

/// <summary>Reads the committed OpenAPI document, so the harness covers every endpoint added later.</summary>
public static class OpenApiOperations
{
    /// <summary>Every path+method of the document, in document order.</summary>
    public static IReadOnlyList<ApiOperation> Load()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "contract", "openapi.committed.json");
        var doc = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, Parameters(doc, op!)));
        return operations;
    }

    /// <summary>
    /// An operation's documented parameters: its query parameters, then the properties of its request body
    /// (a POST's parameters are a JSON or form body, ADR 0024).
    /// </summary>
    public static IReadOnlyList<ApiParameter> Parameters(JsonNode doc, JsonNode op)
    {
        var list = (op["parameters"]?.AsArray() ?? [])
            .Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["required"]?.GetValue<bool>() ?? false))
            .ToList();
        if (BodySchema(doc, op) is { } schema)
        {
            var required = (schema["required"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToHashSet();
            list.AddRange((schema["properties"]?.AsObject() ?? [])
                .Select(p => new ApiParameter(p.Key, required.Contains(p.Key))));
        }
        return list;
    }

    /// <summary>The (resolved) JSON schema of an operation's request body, if it has one.</summary>
    public static JsonObject? BodySchema(JsonNode doc, JsonNode op)
    {
        var schema = op["requestBody"]?["content"]?["application/json"]?["schema"];
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
            schema = doc["components"]!["schemas"]![reference.Split('/')[^1]];
        return schema?.AsObject();
    }
}
