namespace Kboss.Application.Finance.Kpi;

/// <summary>Names of the KPI indexes (ADR 0032): the mapping, the query-plan test and the benchmark.</summary>
public static class KpiIndexes
{
    /// <summary>bill (business_op, bill_state, bill_date, customer_id, del_flg, amount, cost_amt, provider_amt).
    /// </summary>
    public const string Money = "ix_bill_kpi_money";
    /// <summary>bill (bill_date, bill_timestamp, id, customer_id, del_flg): an operator's newest-first pages.
    /// </summary>
    public const string Newest = "ix_bill_kpi_newest";
    /// <summary>bill (customer_id, bill_date, bill_timestamp, id, del_flg, amount): one customer's list, Σ.
    /// </summary>
    public const string CustomerNewest = "ix_bill_kpi_customer_newest";
    /// <summary>organization (owner_org_id, kind, create_at, del_flg, saleman_id).</summary>
    public const string OrgCustomers = "ix_organization_kpi_owner";
    /// <summary>organization (saleman_id, kind, create_at, del_flg).</summary>
    public const string SalesCustomers = "ix_organization_kpi_saleman";
}
