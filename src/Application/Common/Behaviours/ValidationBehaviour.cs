using FluentValidation;
using Mediator;

namespace Kboss.Application.Common.Behaviours;

/// <summary>
/// Runs every FluentValidation validator of the message before its handler; failures become a
/// <see cref="RequestValidationException"/> keyed by the documented parameter names.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            if (result.IsValid) continue;
            errors ??= new Dictionary<string, string[]>();
            foreach (var group in result.Errors.GroupBy(e => e.PropertyName))
                errors[group.Key] = [.. errors.GetValueOrDefault(group.Key, []), .. group.Select(e => e.ErrorMessage)];
        }
        if (errors is not null) throw new RequestValidationException(errors);
        return await next(message, cancellationToken);
    }
}
