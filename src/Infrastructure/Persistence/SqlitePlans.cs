using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Kboss.Infrastructure.Persistence;

/// <summary>
/// <c>EXPLAIN QUERY PLAN</c> of the SQL EF Core sends for a LINQ query on SQLite (ADR 0032): the query-plan test and
/// the KPI benchmark read the plans of the statements the endpoints run, with the same parameter values.
/// </summary>
public static class SqlitePlans
{
    /// <summary>The plan rows (<c>detail</c> column) of <paramref name="query"/> on <paramref name="db"/>.</summary>
    public static async Task<IReadOnlyList<string>> ExplainAsync<T>(DbContext db, IQueryable<T> query,
        CancellationToken ct = default)
    {
        var (sql, parameters) = Split(query.ToQueryString());
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters) command.Parameters.Add(Parameter(command, name, value));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) plan.Add(reader.GetString(reader.FieldCount - 1));
        return plan;
    }

    /// <summary>The SQL of <paramref name="query"/> (for printing).</summary>
    public static string Sql<T>(IQueryable<T> query) => Split(query.ToQueryString()).Sql;

    // ToQueryString on SQLite: ".param set @name value" lines, then the statement.
    private static (string Sql, List<(string Name, object? Value)> Parameters) Split(string text)
    {
        var parameters = new List<(string, object?)>();
        var lines = text.Split('\n');
        var i = 0;
        for (; i < lines.Length && lines[i].StartsWith(".param set ", StringComparison.Ordinal); i++)
        {
            var rest = lines[i][".param set ".Length..].Trim();
            var space = rest.IndexOf(' ');
            parameters.Add((rest[..space], Literal(rest[(space + 1)..].Trim())));
        }
        return (string.Join('\n', lines.Skip(i)).Trim(), parameters);
    }

    private static object? Literal(string v)
    {
        if (v == "NULL") return null;
        if (v.Length >= 2 && v[0] == '\'' && v[^1] == '\'')
            return v[1..^1].Replace("''", "'", StringComparison.Ordinal);
        return long.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
            : double.Parse(v, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        return p;
    }
}
