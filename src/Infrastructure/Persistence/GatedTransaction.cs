using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kboss.Infrastructure.Persistence;

/// <summary>
/// The transaction <see cref="KbossDbContext.BeginTransactionAsync"/> hands out: EF Core's own, plus giving the
/// SQLite writer gate back when it is disposed without a commit or rollback (EF raises no interceptor event then).
/// </summary>
internal sealed class GatedTransaction(IDbContextTransaction inner, KbossDbContext db)
    : IDbContextTransaction, IInfrastructure<DbTransaction>
{
    public Guid TransactionId => inner.TransactionId;
    public bool SupportsSavepoints => inner.SupportsSavepoints;
    DbTransaction IInfrastructure<DbTransaction>.Instance => inner.GetDbTransaction();

    public void Commit() => inner.Commit();
    public Task CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);
    public void Rollback() => inner.Rollback();
    public Task RollbackAsync(CancellationToken cancellationToken = default) => inner.RollbackAsync(cancellationToken);
    public void CreateSavepoint(string name) => inner.CreateSavepoint(name);
    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) =>
        inner.CreateSavepointAsync(name, cancellationToken);
    public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);
    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) =>
        inner.RollbackToSavepointAsync(name, cancellationToken);
    public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);
    public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) =>
        inner.ReleaseSavepointAsync(name, cancellationToken);

    public void Dispose()
    {
        inner.Dispose();
        SqliteWriteGate.Exit(db, WriteHold.Transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        SqliteWriteGate.Exit(db, WriteHold.Transaction);
    }
}
