using FluentValidation;
using Kboss.Application.Common.Interfaces;
using Kboss.Application.Common.Validation;
using Kboss.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Application.Common;

/// <summary>What a soft-delete use case deletes and how it is audited.</summary>
/// <typeparam name="T">The entity.</typeparam>
/// <param name="Rows">Its set (the alive filter hides deleted rows: deleting twice is not found).</param>
/// <param name="NotFoundMessage">Message when no alive row has the id.</param>
/// <param name="Action">Audit action, e.g. <c>catalog.spec_data.deleted</c>.</param>
/// <param name="EntityType">Audit entity type (the spec's table name).</param>
/// <param name="Detail">Audit detail of the deleted row.</param>
public sealed record SoftDeletion<T>(Func<IKbossDbContext, IQueryable<T>> Rows, string NotFoundMessage, string Action,
    string EntityType, Func<T, object> Detail) where T : Entity, ISoftDeletable;

/// <summary>
/// The soft-delete use case every <c>*_delete</c> endpoint copies: load the alive row by its trimmed id
/// (not found → <see cref="SoftDeletion{T}.NotFoundMessage"/>), authorise, mark deleted, audit, one save.
/// </summary>
public sealed class SoftDelete(IKbossDbContext db, ICurrentUser user)
{
    /// <summary>Deletes row <paramref name="id"/> of <paramref name="what"/> if <paramref name="authorise"/> passes.
    /// </summary>
    /// <returns>The deleted row's id.</returns>
    /// <exception cref="BusinessException">not_found.</exception>
    public async Task<string> RunAsync<T>(SoftDeletion<T> what, string? id,
        Func<T, CancellationToken, ValueTask> authorise, CancellationToken ct) where T : Entity, ISoftDeletable
    {
        var key = id.Trimmed();
        var row = await what.Rows(db).FirstOrDefaultAsync(x => x.Id == key, ct)
                  ?? throw BusinessException.NotFound(what.NotFoundMessage);
        await authorise(row, ct);
        row.MarkDeleted();
        db.AuditEntries.Add(Audit.Entry(user, what.Action, what.EntityType, row.Id, what.Detail(row)));
        await db.SaveChangesAsync(ct);
        return row.Id;
    }
}

/// <summary>A request naming one row by its <c>id</c> (deletes and other single-row commands).</summary>
public interface IByIdRequest
{
    /// <summary>The row's id (required).</summary>
    string? Id { get; }
}

/// <summary>The one rule of a by-id request: <c>id</c> required, at most <c>maxChars</c> characters.</summary>
/// <typeparam name="T">The request.</typeparam>
public abstract class ByIdValidator<T> : AbstractValidator<T> where T : IByIdRequest
{
    /// <summary>Sets the rule.</summary>
    /// <param name="maxChars">Longest id accepted.</param>
    protected ByIdValidator(int maxChars) => RuleFor(x => x.Id).Required().MaxChars(maxChars);
}
