namespace Kboss.Infrastructure.Persistence.Migrations;

/// <summary>
/// Data step of migration <c>OutsideCalls</c> (ADR 0015), the same on both providers: rows alive before the migration
/// take the column default <c>live</c>; soft-deleted rows are <c>deleted</c>.
/// </summary>
public static class OutsideCallsBackfill
{
    /// <summary>The UPDATE statements.</summary>
    public const string Sql =
        "UPDATE cpcpodyaml SET state = 'deleted' WHERE del_flg = '1';\n" +
        "UPDATE k8s_instance SET state = 'deleted' WHERE del_flg = '1';";
}
