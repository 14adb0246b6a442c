using System.Reflection;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Validators;
using Kboss.WebApi.Contract;
using Namotion.Reflection;
using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Kboss.WebApi.OpenApi;

/// <summary>
/// Describes a <see cref="FromLegacyParamsAttribute"/> request in OpenAPI as one query parameter per property,
/// under its documented wire name, with the property's doc comment as description and <c>required</c> taken from
/// the request's FluentValidation rules (a <c>NotEmpty</c> rule). POST bodies may carry the same names.
/// </summary>
public sealed class LegacyParamsOperationProcessor : IOperationProcessor
{
    private static readonly Type[] ValidatorTypes = typeof(Application.DependencyInjection).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
        .ToArray();

    public bool Process(OperationProcessorContext context)
    {
        var parameter = context.MethodInfo.GetParameters().FirstOrDefault(p => p.GetCustomAttribute<FromLegacyParamsAttribute>() is not null);
        if (parameter is null) return true;
        var operation = context.OperationDescription.Operation;
        operation.RequestBody = null;
        foreach (var stale in operation.Parameters.Where(p => p.Kind is OpenApiParameterKind.Body or OpenApiParameterKind.ModelBinding || p.Name == parameter.Name).ToList())
            operation.Parameters.Remove(stale);
        var required = RequiredMembers(parameter.ParameterType);
        foreach (var property in WireOrder(parameter.ParameterType))
        {
            var name = Application.DependencyInjection.WireName(property);
            if (operation.Parameters.Any(p => p.Name == name)) continue;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                Kind = OpenApiParameterKind.Query,
                IsRequired = required.Contains(property.Name),
                Description = property.GetXmlDocsSummary(),
                Schema = new JsonSchema { Type = JsonObjectType.String },
            });
        }
        return true;
    }

    /// <summary>
    /// The writable properties of a request in documented order: declaration order (a request's own properties before
    /// those of a fields base), then <see cref="JsonPropertyOrderAttribute"/>.
    /// </summary>
    internal static IEnumerable<PropertyInfo> WireOrder(Type requestType) =>
        requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
            .OrderBy(p => p.GetCustomAttribute<JsonPropertyOrderAttribute>()?.Order ?? 0);

    private static HashSet<string> RequiredMembers(Type requestType)
    {
        var set = new HashSet<string>();
        var validatorType = ValidatorTypes.FirstOrDefault(t => typeof(IValidator<>).MakeGenericType(requestType).IsAssignableFrom(t));
        if (validatorType?.GetConstructor(Type.EmptyTypes) is null) return set;
        var descriptor = ((IValidator)Activator.CreateInstance(validatorType)!).CreateDescriptor();
        foreach (var property in requestType.GetProperties())
            if (descriptor.GetValidatorsForMember(property.Name).Concat(descriptor.GetValidatorsForMember(Application.DependencyInjection.WireName(property)))
                .Any(v => v.Validator is INotEmptyValidator))
                set.Add(property.Name);
        return set;
    }
}
