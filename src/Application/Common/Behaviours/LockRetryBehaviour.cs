using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Models;
using Mediator;

namespace Kboss.Application.Common.Behaviours;

/// <summary>Settings of <see cref="LockRetryBehaviour{TMessage, TResponse}"/>.</summary>
public static class LockRetry
{
    /// <summary>Tries per command.</summary>
    public const int Attempts = 3;

    /// <summary>The reply (<c>code: busy</c>) after the last try.</summary>
    public const string BusyMessage = "系统繁忙,数据库正被占用,请稍后重试";
}

/// <summary>
/// Runs a command again, whole, when it lost a lock race (<see cref="IKbossDbContext.IsLockConflict"/>: another
/// process held the SQLite file, the writer gate was not free in time, a SQL Server deadlock), at most
/// <see cref="LockRetry.Attempts"/> times with a short random pause, forgetting tracked changes between tries (ADR 0016).
/// A try that already committed something is not repeated. After the last try → <c>code: busy</c>, never a 500.
/// </summary>
public sealed class LockRetryBehaviour<TMessage, TResponse>(IKbossDbContext db)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var committed = db.CommittedUnits;
            try
            {
                return await next(message, cancellationToken);
            }
            catch (Exception e) when (db.IsLockConflict(e) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= LockRetry.Attempts || db.CommittedUnits != committed)
                    throw new BusinessException(LockRetry.BusyMessage, ErrorCodes.Busy);
                db.ClearChanges();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 100) * attempt), cancellationToken);
            }
        }
    }
}
