using Kboss.Application.Common.Security;
using Mediator;

namespace Kboss.Application.Common.Behaviours;

/// <summary>
/// Resolves <see cref="IOrgScoped.Orgid"/> before the handler runs: absent → the caller's org; another org →
/// allowed only by role (else 403). Runs before validation so validators see the effective org.
/// </summary>
public sealed class OrgScopeBehaviour<TMessage, TResponse>(OrgAccess access)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage, IOrgScoped
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        message.Orgid = await access.ResolveAsync(message.Orgid, cancellationToken);
        return await next(message, cancellationToken);
    }
}
