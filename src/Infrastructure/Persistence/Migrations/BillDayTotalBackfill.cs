namespace Kboss.Infrastructure.Persistence.Migrations;

/// <summary>
/// Fills <c>bill_day_total</c> (ADR 0040) from the bills written before it existed: live bills grouped by their
/// customer's owner org, date, operation and state, money as whole 分 (the same rounding as the KPI sums). Plain SQL
/// for SQLite and SQL Server; it only inserts keys that have no row yet, so running it twice adds nothing. Also run by
/// <c>bench/KpiBench</c> after its bulk insert.
/// </summary>
public static class BillDayTotalBackfill
{
    /// <summary>The statement.</summary>
    public const string Sql = """
        INSERT INTO bill_day_total (owner_org_id, bill_date, business_op, bill_state, bills, amount_fen, cost_fen)
        SELECT g.owner_org_id, g.bill_date, g.business_op, g.bill_state, g.bills, g.amount_fen, g.cost_fen
        FROM (
            SELECT COALESCE(o.owner_org_id, '') AS owner_org_id, b.bill_date, b.business_op, b.bill_state,
                   COUNT(*) AS bills,
                   SUM(CAST(ROUND(CAST(b.amount AS FLOAT) * 100, 0) AS BIGINT)) AS amount_fen,
                   SUM(CAST(ROUND(CAST(COALESCE(b.cost_amt, b.provider_amt, 0) AS FLOAT) * 100, 0) AS BIGINT))
                       AS cost_fen
            FROM bill b LEFT JOIN organization o ON o.id = b.customer_id
            WHERE b.del_flg = '0'
            GROUP BY COALESCE(o.owner_org_id, ''), b.bill_date, b.business_op, b.bill_state
        ) g
        WHERE NOT EXISTS (SELECT 1 FROM bill_day_total t
                          WHERE t.owner_org_id = g.owner_org_id AND t.bill_date = g.bill_date
                            AND t.business_op = g.business_op AND t.bill_state = g.bill_state)
        """;
}
