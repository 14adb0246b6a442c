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
            {
                var parameters = (op!["parameters"]?.AsArray() ?? [])
                    .Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["required"]?.GetValue<bool>()
                        ?? false))
                    .ToList();
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters));
            }
        return operations;
    }
}
