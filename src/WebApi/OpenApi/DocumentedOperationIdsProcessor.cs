using System.Text.RegularExpressions;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Kboss.WebApi.OpenApi;

/// <summary>
/// Names each operation after its documented endpoint so generated clients have one method per operation under the
/// spec's names (ADR 0024): the last path segment without <c>.dspy</c> (<c>accrual_price</c>); <c>pcapi_</c> before
/// the pcapi endpoints; <c>_post</c> after the POST of a path that also answers GET (a documented GET also served on
/// POST). A name still shared by two paths gets its parent segments in front until it is unique.
/// </summary>
public sealed partial class DocumentedOperationIdsProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var operations = context.Document.Paths
            .SelectMany(p => p.Value.Select(m =>
                (Path: p.Key, Methods: p.Value.Keys, Method: m.Key, Operation: m.Value)))
            .ToList();
        var depth = operations.ToDictionary(o => o.Operation, _ => 1);
        for (var round = 0; round < 8; round++)
        {
            foreach (var o in operations)
                o.Operation.OperationId = Name(o.Path, depth[o.Operation])
                    + (o.Method == OpenApiOperationMethod.Post && o.Methods.Contains(OpenApiOperationMethod.Get)
                        ? "_post" : "");
            var clashes = operations.GroupBy(o => o.Operation.OperationId).Where(g => g.Count() > 1)
                .SelectMany(g => g).ToList();
            if (clashes.Count == 0) return;
            foreach (var o in clashes) depth[o.Operation]++;
        }
    }

    private static string Name(string path, int segments)
    {
        var parts = path.Trim('/').Split('/');
        var name = string.Join("_", parts.Skip(Math.Max(0, parts.Length - segments)));
        name = NonIdentifier().Replace(name.Replace(".dspy", ""), "_");
        return parts[0] == "pcapi" && segments < parts.Length ? "pcapi_" + name : name;
    }

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NonIdentifier();
}
