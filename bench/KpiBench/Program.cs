// KPI benchmark helper (bench/kpi.sh, ADR 0032).
//   fill  <db> <owner-orgid> <bills>: inserts <bills> bills of the org's customers in one transaction (plain SQL)
//   plans <db> <owner-orgid>:         prints the SQL and EXPLAIN QUERY PLAN of the KPI statements the endpoints run
using System.Diagnostics;
using System.Globalization;
using Kboss.Application.Finance.Kpi;
using Kboss.Domain.Finance;
using Kboss.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

if (args.Length < 3) return Usage();
var (db, org) = (args[1], args[2]);
return args[0] switch
{
    "fill" when args.Length == 4 => Fill(db, org, int.Parse(args[3], CultureInfo.InvariantCulture)),
    "plans" => await Plans(db, org),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: KpiBench fill <db> <owner-orgid> <bills> | plans <db> <owner-orgid>");
    return 2;
}

// Bills over the last 3 years (platform dates), 80 % BUY (1 in 20 unpaid or cancelled), 5 % REFUND, 15 % recharges.
static int Fill(string path, string org, int count)
{
    var watch = Stopwatch.StartNew();
    using var connection = new SqliteConnection($"Data Source={path}");
    connection.Open();
    var customers = new List<string>();
    using (var read = connection.CreateCommand())
    {
        read.CommandText = "SELECT id FROM organization WHERE owner_org_id = $org AND kind = 1 AND del_flg = '0'";
        read.Parameters.AddWithValue("$org", org);
        using var r = read.ExecuteReader();
        while (r.Read()) customers.Add(r.GetString(0));
    }
    if (customers.Count == 0) throw new InvalidOperationException("the org has no customers");
    Execute(connection, null, "PRAGMA cache_size = -800000"); // 800 MB: index pages stay in memory
    using var tx = connection.BeginTransaction();
    // The bill indexes are dropped and created again after the rows (a sorted build), all in the one transaction.
    var indexes = new List<string>();
    using (var read = connection.CreateCommand())
    {
        read.Transaction = tx;
        read.CommandText =
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bill' AND sql IS NOT NULL";
        using var r = read.ExecuteReader();
        while (r.Read()) indexes.Add(r.GetString(1));
    }
    foreach (var ddl in indexes) Execute(connection, tx, "DROP INDEX " + ddl.Split(' ')[2]);
    using var insert = connection.CreateCommand();
    insert.Transaction = tx;
    insert.CommandText = """
        INSERT INTO bill (id, customer_id, business_op, provider_amt, quantity, amount, cost_amt, refunded_amt,
            bill_date, bill_timestamp, bill_state, product_id, provider_id, settle_state, del_flg, create_at,
            update_time)
        VALUES ($id, $customer, $op, $list, $qty, $amount, $cost, '0.0', $date, $ts, $state, $product, $provider,
            '0', '0', $ts, $ts)
        """;
    string[] names = ["$id", "$customer", "$op", "$list", "$qty", "$amount", "$cost", "$date", "$ts", "$state",
        "$product", "$provider"];
    var p = names.ToDictionary(n => n, n => insert.Parameters.Add(n, SqliteType.Text));
    insert.Prepare();
    var random = new Random(42);
    var now = DateTime.UtcNow;
    for (var i = 0; i < count; i++)
    {
        var ts = now.AddSeconds(-random.NextDouble() * 3 * 365 * 86400);
        var roll = random.Next(100);
        var op = roll < 80 ? BusinessOps.Buy : roll < 85 ? BusinessOps.Refund
            : roll < 95 ? BusinessOps.Recharge : BusinessOps.RechargeAlipay;
        var buy = op is BusinessOps.Buy or BusinessOps.Refund;
        var amount = random.Next(100, 500_000) / 100m;
        p["$id"].Value = $"bench{i:D16}";
        p["$customer"].Value = customers[random.Next(customers.Count)];
        p["$op"].Value = op;
        p["$list"].Value = buy ? Money(amount * 1.25m) : DBNull.Value;
        p["$qty"].Value = buy ? 1 : DBNull.Value;
        p["$amount"].Value = Money(amount);
        p["$cost"].Value = buy ? Money(amount * 0.7m) : DBNull.Value;
        p["$date"].Value = DateOnly.FromDateTime(ts.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p["$ts"].Value = ts.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        p["$state"].Value = op == BusinessOps.Buy && roll % 20 == 0 ? (roll % 40 == 0 ? "0" : "2") : "1";
        p["$product"].Value = buy ? $"benchproduct{random.Next(50):D2}" : DBNull.Value;
        p["$provider"].Value = buy ? $"benchprovider{random.Next(10):D2}" : DBNull.Value;
        insert.ExecuteNonQuery();
    }
    foreach (var ddl in indexes) Execute(connection, tx, ddl);
    Execute(connection, tx, "DELETE FROM bill_day_total"); // the backfill then counts every bill (ADR 0040)
    Execute(connection, tx, Kboss.Infrastructure.Persistence.Migrations.BillDayTotalBackfill.Sql);
    tx.Commit();
    Console.WriteLine(
        $"inserted {count:N0} bills for {customers.Count} customers in {watch.Elapsed.TotalSeconds:F1} s");
    return 0;
}

static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
{
    using var command = connection.CreateCommand();
    command.Transaction = tx;
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static string Money(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero)
    .ToString("0.00", CultureInfo.InvariantCulture);

static async Task<int> Plans(string path, string org)
{
    var options = new DbContextOptionsBuilder<SqliteKbossDbContext>().UseSqlite($"Data Source={path}").Options;
    await using var db = new SqliteKbossDbContext(options);
    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    var window = KpiSeries.Window(KpiGranularity.Month, today);
    var customers = KpiQueries.CustomersOfOrg(db, org);
    var bills = KpiQueries.OrgBills(db, customers);
    var (from, to) = (KpiSeries.DataStart(window), window[^1].End);
    var lastDay = await db.Bills.MaxAsync(b => b.BillDate);
    var queries = new (string Name, IQueryable<object> Query)[]
    {
        ("revenue/profit analysis and big screens: money per op and day from the day totals (KPI-02/03/08/10)",
            KpiQueries.DailyMoneyOfOwner(db, org, from, to, false)),
        ("... less the bills of owned orgs outside the scope (deleted, not customers)",
            KpiQueries.OutsideDays(db, org, from, to)),
        ("salesperson scope: money per op and day from the bills (KPI-03 userid)",
            KpiQueries.DailyMoney(db, customers.Select(o => o.Id), from, to, false)),
        ("operate KPI: new customers per day (KPI-01/07)",
            KpiQueries.NewCustomersPerDay(customers, DateTime.UtcNow.AddYears(-2), 480)),
        ("operator bill list: bills and Σ per day from the day totals (KPI-06)",
            db.BillDayTotals.Where(t => t.OwnerOrgId == org).GroupBy(t => t.BillDate)
                .Select(g => (object)new { g.Key, Bills = g.Sum(t => t.Bills), Fen = g.Sum(t => t.AmountFen) })),
        ("operator bill list: a page's ids after the seek to its day (KPI-06)",
            KpiQueries.PageIds(KpiQueries.OrgBillsInOrder(db, customers).Where(b => b.BillDate <= lastDay), 700, 20)),
        ("one customer's or a salesperson's list: count (KPI-04/06)", bills.Select(b => (object)b.Id)),
    };
    foreach (var (name, query) in queries)
    {
        Console.WriteLine($"-- {name}");
        Console.WriteLine(SqlitePlans.Sql(query));
        foreach (var line in await SqlitePlans.ExplainAsync(db, query)) Console.WriteLine($"   PLAN {line}");
        Console.WriteLine();
    }
    return 0;
}
