using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kboss.Application.Common;
using Kboss.Application.Common.Models;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kboss.WebApi.Contract;

/// <summary>
/// Binds a use-case request from the legacy parameter sources, merged in this order (later wins): the query string,
/// then a form body (<c>application/x-www-form-urlencoded</c> or multipart) or a JSON object body (a
/// <c>text/plain</c> body is the parameter <c>body</c>). Names are the
/// documented ones (snake_case of the request's properties); a stray trailing space in a name is ignored; numbers
/// and booleans may be strings and vice versa (ARCHITECTURE.md §2). A request implementing
/// <see cref="IUploadRequest"/> also receives the multipart part <c>file</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromLegacyParamsAttribute : Attribute, IBinderTypeProviderMetadata
{
    /// <summary>The binding source shown to ApiExplorer.</summary>
    public static readonly BindingSource Source = new("LegacyParams", "Legacy parameters", isGreedy: true, isFromRequest: true);

    public Type BinderType => typeof(LegacyParamsModelBinder);

    public BindingSource BindingSource => Source;
}

/// <summary>The model binder behind <see cref="FromLegacyParamsAttribute"/>.</summary>
public sealed class LegacyParamsModelBinder : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        JsonObject values;
        try
        {
            values = await MergeAsync(bindingContext.HttpContext);
        }
        catch (RequestValidationException)
        {
            throw;
        }
        catch (Exception e) when (e is not (OperationCanceledException or BadHttpRequestException))
        {
            // (Kestrel's BadHttpRequestException — body over the limit, broken chunking — goes to ServerLimits)
            // unreadable form (NUL, too many fields, bad multipart), oversized body, duplicate JSON keys, lone surrogates
            throw RequestValidationException.For("body", "请求体格式错误或过大");
        }

        RefuseCaseVariants(values, bindingContext.ModelType);
        object? model;
        try
        {
            model = values.Deserialize(bindingContext.ModelType, WireJson.Binding);
        }
        catch (JsonException e)
        {
            var param = e.Path?.TrimStart('$', '.') is { Length: > 0 } p ? p : "body";
            throw RequestValidationException.For(param, $"{param} 参数格式错误");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw RequestValidationException.For("body", "请求参数格式错误");
        }
        model ??= Activator.CreateInstance(bindingContext.ModelType);
        if (model is IUploadRequest upload) AttachFile(bindingContext.HttpContext.Request, upload);
        bindingContext.Result = ModelBindingResult.Success(model);
    }

    /// <summary>
    /// Refuses a parameter whose name differs from a documented name of the request only by letter case and is not
    /// itself documented (ADR 0048 addendum): binding is case-sensitive, so <c>region</c> for UCloud's documented
    /// <c>Region</c> was silently ignored and the order went to the default region.
    /// </summary>
    private static void RefuseCaseVariants(JsonObject values, Type requestType)
    {
        var documented = DocumentedNames.GetOrAdd(requestType, Documented);
        foreach (var (name, _) in values)
        {
            if (documented.Contains(name)) continue;
            if (documented.FirstOrDefault(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase)) is { } d)
                throw RequestValidationException.For(name, $"参数名区分大小写: 请使用 {d} 而不是 {name}");
        }
    }

    /// <summary>The names binding sets on <paramref name="requestType"/> (its settable or constructor properties).
    /// </summary>
    private static FrozenSet<string> Documented(Type requestType) =>
        WireJson.Binding.GetTypeInfo(requestType).Properties
            .Where(p => p.Set is not null || p.AssociatedParameter is not null)
            .Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<Type, FrozenSet<string>> DocumentedNames = new();

    /// <summary>Hands the multipart part <c>file</c> to an upload request (ADR 0027); other file parts are refused.
    /// </summary>
    private static void AttachFile(HttpRequest request, IUploadRequest upload)
    {
        if (!request.HasFormContentType || request.Form.Files.Count == 0) return;
        if (request.Form.Files.Count > 1 || request.Form.Files[0].Name != "file")
            throw RequestValidationException.For("file", "只能上传一个文件,字段名为 file");
        var part = request.Form.Files[0];
        upload.Attach(new UploadedFile(part.FileName, part.Length, part.OpenReadStream));
    }

    private static async Task<JsonObject> MergeAsync(HttpContext http)
    {
        var request = http.Request;
        var values = new JsonObject();
        foreach (var (key, value) in request.Query) Put(values, key, value.Count > 0 ? value[0] : null);

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(http.RequestAborted);
            foreach (var (key, value) in form) Put(values, key, value.Count > 0 ? value[0] : null);
        }
        else if (request.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true)
        {
            // a documented raw string body (add_weixpay's "body", issue 12) binds to the parameter "body"
            using var reader = new StreamReader(request.Body);
            Put(values, "body", await reader.ReadToEndAsync(http.RequestAborted));
        }
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: http.RequestAborted);
            }
            catch (JsonException)
            {
                throw RequestValidationException.For("body", "请求体不是有效的 JSON");
            }
            if (body is JsonObject obj)
                foreach (var (key, value) in obj.ToList())
                {
                    obj.Remove(key);
                    Put(values, key, value);
                }
            else if (body is not null)
                throw RequestValidationException.For("body", "请求体必须是 JSON 对象");
        }
        return values;
    }

    /// <summary>Stores one parameter under its trimmed name; text with control characters is refused.</summary>
    private static void Put(JsonObject values, string key, JsonNode? value)
    {
        var name = key.Trim();
        if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Any(ch => char.IsControl(ch) && ch is not ('\t' or '\n' or '\r')))
            throw RequestValidationException.For(name, $"{name} 包含非法控制字符");
        values[name] = value;
    }

    private static void Put(JsonObject values, string key, string? value) => Put(values, key, value is null ? null : JsonValue.Create(value));
}
