using Microsoft.Data.Sqlite;

namespace Kboss.WebApi.IntegrationTests.Harness;

/// <summary>A row of the database as text, by column name.</summary>
public sealed record DbRow(string Table, string Key, IReadOnlyDictionary<string, string> Values)
{
    public string Text => string.Join("|", Values.Select(v => $"{v.Key}={v.Value}"));
}

/// <summary>
/// One difference between two snapshots; <see cref="Before"/> or <see cref="After"/> is null for inserts/deletes.
/// </summary>
public sealed record RowChange(string Table, string Key, DbRow? Before, DbRow? After)
{
    public string Kind => Before is null ? "inserted" : After is null ? "deleted" : "changed";

    public override string ToString() => $"{Table} {Key} {Kind}";
}

/// <summary>
/// Every row of every table, read through its own SQLite connection (not the app's DbContext), keyed by primary key.
/// Two snapshots around a group of calls show exactly which rows those calls changed.
/// </summary>
public sealed class DbSnapshot
{
    private readonly Dictionary<string, Dictionary<string, DbRow>> _tables = new(StringComparer.Ordinal);

    public IEnumerable<DbRow> Rows => _tables.Values.SelectMany(t => t.Values);

    public static async Task<DbSnapshot> TakeAsync(string dbFile)
    {
        var snapshot = new DbSnapshot();
        await using var db = new SqliteConnection($"Data Source={dbFile};Mode=ReadOnly;Default Timeout=30");
        await db.OpenAsync();
        var tables = new List<string>();
        await using (var list = db.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                + "AND name NOT LIKE '\\_\\_%' ESCAPE '\\' "
                // the scheduler's own tables change by themselves (check-ins, trigger states), not by any request
                + "AND name NOT LIKE 'QRTZ\\_%' ESCAPE '\\'";
            await using var r = await list.ExecuteReaderAsync();
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        }
        foreach (var table in tables)
        {
            var keys = new List<string>();
            await using (var info = db.CreateCommand())
            {
                info.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk";
                await using var r = await info.ExecuteReaderAsync();
                while (await r.ReadAsync()) keys.Add(r.GetString(0));
            }
            var rows = snapshot._tables[table] = new Dictionary<string, DbRow>(StringComparer.Ordinal);
            await using var select = db.CreateCommand();
            select.CommandText = $"SELECT rowid AS __rowid, * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 1; i < reader.FieldCount; i++)
                    values[reader.GetName(i)] = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i),
                        System.Globalization.CultureInfo.InvariantCulture)!;
                var key = keys.Count > 0 ? string.Join("/", keys.Select(k => values[k]))
                    : "rowid:" + reader.GetInt64(0);
                rows[key] = new DbRow(table, key, values);
            }
        }
        return snapshot;
    }

    /// <summary>Rows inserted, changed or deleted from this snapshot to <paramref name="after"/>.</summary>
    public IEnumerable<RowChange> Diff(DbSnapshot after)
    {
        foreach (var (table, rows) in _tables)
        {
            var later = after._tables.GetValueOrDefault(table) ?? [];
            foreach (var (key, row) in rows)
                if (!later.TryGetValue(key, out var now)) yield return new RowChange(table, key, row, null);
                else if (now.Text != row.Text) yield return new RowChange(table, key, row, now);
            foreach (var (key, row) in later)
                if (!rows.ContainsKey(key)) yield return new RowChange(table, key, null, row);
        }
    }
}
