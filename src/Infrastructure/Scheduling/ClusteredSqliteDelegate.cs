using System.Data.Common;
using Quartz.Impl.AdoJobStore;

namespace Kboss.Infrastructure.Scheduling;

/// <summary>
/// Quartz's SQLite dialect (the same paging and row limit as its <c>SQLiteDelegate</c>) as a delegate Quartz lets
/// run clustered. Quartz refuses clustering for its own SQLite delegate because concurrent serializable transactions
/// fail with "database is locked"; kboss avoids that by running every Quartz transaction as
/// <c>BEGIN IMMEDIATE</c> (serializable on Microsoft.Data.Sqlite) with a busy time-out, so nodes on one SQLite file
/// queue for the write lock instead of failing, and the database lock row is read inside that write transaction.
/// ADR 0019.
/// </summary>
public sealed class ClusteredSqliteDelegate : StdAdoDelegate
{
    protected override string? SchemaResourceName => "Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql";

    protected override string ApplyPaging(string sql, bool takeLimited) =>
        takeLimited ? sql + " LIMIT @pageTake OFFSET @pageSkip" : sql + " LIMIT -1 OFFSET @pageSkip";

    protected override void AddPagingParameters(DbCommand cmd, int skip, int take, bool takeLimited)
    {
        if (takeLimited) AddCommandParameter(cmd, "pageTake", take);
        AddCommandParameter(cmd, "pageSkip", skip);
    }

    protected override SqlRowLimit GetRowLimit(int count) => SqlRowLimit.AtStatementEnd("LIMIT", count);
}
