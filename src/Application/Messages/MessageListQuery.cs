using FluentValidation;
using Kboss.Application.Common.Validation;
using Mediator;

namespace Kboss.Application.Messages;

/// <summary>
/// The three message lists' request: <c>userid</c>, the receiver (default: the caller; another user only for an
/// admin, or an operator of that user's org, else 403). Rows newest first.
/// </summary>
public abstract record MessageListQuery : IQuery<MessageListReply>
{
    /// <summary>Receiver (optional; the caller by default).</summary>
    public string? Userid { get; init; }
}

/// <summary>The one rule of the message lists.</summary>
/// <typeparam name="T">The list request.</typeparam>
public abstract class MessageListValidator<T> : AbstractValidator<T> where T : MessageListQuery
{
    /// <summary>Sets the rule.</summary>
    protected MessageListValidator() => RuleFor(x => x.Userid).MaxChars(64);
}
