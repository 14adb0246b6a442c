using System.Reflection;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;

namespace Kboss.WebApi.OpenApi;

/// <summary>
/// The parameters a request always needs: the properties with an unconditional <c>Required()</c> (a
/// <c>NotEmpty</c>) rule in one of the validators the app runs for it, <c>Include</c>d validators too. A rule under
/// <c>When</c>/<c>Unless</c> is not "always" (e.g. <c>update_cpcwidget</c> needs <c>type</c> only without <c>id</c>).
/// </summary>
public sealed class RequiredParameters(IServiceProvider services)
{
    /// <summary>The property names (C# names) of <paramref name="requestType"/> that are always required.</summary>
    public IReadOnlySet<string> Of(Type requestType)
    {
        var validators = services.GetServices(typeof(IValidator<>).MakeGenericType(requestType)).OfType<IValidator>();
        var wireToProperty = requestType.GetProperties()
            .ToDictionary(p => Application.DependencyInjection.WireName(p), p => p.Name);
        var set = new HashSet<string>();
        foreach (var rule in validators.SelectMany(v => UnconditionalNotEmptyRules(v)))
        {
            var name = rule.Member?.Name ?? rule.PropertyName;
            if (name is null) continue;
            set.Add(wireToProperty.GetValueOrDefault(name, name));
        }
        return set;
    }

    private static IEnumerable<IValidationRule> UnconditionalNotEmptyRules(IValidator validator)
    {
        if (validator is not IEnumerable<IValidationRule> rules) yield break;
        foreach (var rule in rules.Where(r => !r.HasCondition && !r.HasAsyncCondition))
        {
            if (rule is IIncludeRule)
            {
                foreach (var included in rule.Components.Select(c => Included(c.Validator)).OfType<IValidator>())
                    foreach (var inner in UnconditionalNotEmptyRules(included)) yield return inner;
                continue;
            }
            if (rule.Components.Any(c => c.Validator is INotEmptyValidator && !c.HasCondition && !c.HasAsyncCondition))
                yield return rule;
        }
    }

    /// <summary>The validator an <c>Include(new X())</c> holds (kept in FluentValidation's child adaptor).</summary>
    private static IValidator? Included(IPropertyValidator adaptor) =>
        adaptor.GetType().GetFields(BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(f => typeof(IValidator).IsAssignableFrom(f.FieldType))
            .Select(f => f.GetValue(adaptor)).OfType<IValidator>().FirstOrDefault();
}
