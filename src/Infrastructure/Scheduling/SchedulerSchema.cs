using System.Text;

namespace Kboss.Infrastructure.Scheduling;

/// <summary>
/// DDL of Quartz.NET's ADO job store (the tables the pinned Quartz 4.7.3 validates at start: its embedded
/// <c>create_sqlite.sql</c> / <c>create_sqlServer.sql</c>, without the optional execution-history tables), written once
/// as a table model and rendered per provider. Called by the <c>Scheduler</c> migrations of both providers (ADR 0019).
/// </summary>
public static class SchedulerSchema
{
    /// <summary>Table prefix Quartz is configured with.</summary>
    public const string Prefix = "QRTZ_";

    // Column spec: NAME type[!] [=default]; types s<N> nvarchar(N), i int, l bigint, b bit, n numeric, x blob.
    private static readonly Table[] Tables =
    [
        new("JOB_DETAILS", "JOB_NAME JOB_GROUP", null, false,
            "JOB_NAME s150!", "JOB_GROUP s150!", "DESCRIPTION s250", "JOB_CLASS_NAME s250!", "IS_DURABLE b!",
            "IS_NONCONCURRENT b!", "IS_UPDATE_DATA b!", "REQUESTS_RECOVERY b!", "JOB_DATA x"),
        new("TRIGGERS", "TRIGGER_NAME TRIGGER_GROUP", "JOB_DETAILS:JOB_NAME JOB_GROUP", false,
            "TRIGGER_NAME s150!", "TRIGGER_GROUP s150!", "JOB_NAME s150!", "JOB_GROUP s150!", "DESCRIPTION s250",
            "NEXT_FIRE_TIME l", "PREV_FIRE_TIME l", "PRIORITY i", "TRIGGER_STATE s16!", "TRIGGER_TYPE s8!",
            "START_TIME l!",
            "END_TIME l", "CALENDAR_NAME s200", "MISFIRE_INSTR i", "MISFIRE_ORIG_FIRE_TIME l", "EXECUTION_GROUP s200",
            "PREFERRED_NODE s200", "PREFERRED_NODE_AUTO b! =0", "RETRY_POLICY s250", "RETRY_ATTEMPT i",
            "CONTINUES_TRIGGER_NAME s150", "CONTINUES_TRIGGER_GROUP s150", "CONTINUATION_CONDITION i",
            "OVERLAP_POLICY i",
            "PAUSE_REASON s250", "PAUSED_BY s200", "PAUSED_AT l", "MISFIRE_THRESHOLD l", "FIXED_DELAY b", "JOB_DATA x"),
        new("SIMPLE_TRIGGERS", "TRIGGER_NAME TRIGGER_GROUP", "TRIGGERS:TRIGGER_NAME TRIGGER_GROUP", true,
            "TRIGGER_NAME s150!", "TRIGGER_GROUP s150!", "REPEAT_COUNT l!", "REPEAT_INTERVAL l!", "TIMES_TRIGGERED l!"),
        new("CRON_TRIGGERS", "TRIGGER_NAME TRIGGER_GROUP", "TRIGGERS:TRIGGER_NAME TRIGGER_GROUP", true,
            "TRIGGER_NAME s150!", "TRIGGER_GROUP s150!", "CRON_EXPRESSION s250!", "TIME_ZONE_ID s80"),
        new("SIMPROP_TRIGGERS", "TRIGGER_NAME TRIGGER_GROUP", "TRIGGERS:TRIGGER_NAME TRIGGER_GROUP", true,
            "TRIGGER_NAME s150!", "TRIGGER_GROUP s150!", "STR_PROP_1 s512", "STR_PROP_2 s512", "STR_PROP_3 s512",
            "INT_PROP_1 i", "INT_PROP_2 i", "LONG_PROP_1 l", "LONG_PROP_2 l", "DEC_PROP_1 n", "DEC_PROP_2 n",
            "BOOL_PROP_1 b", "BOOL_PROP_2 b", "TIME_ZONE_ID s80"),
        new("BLOB_TRIGGERS", "TRIGGER_NAME TRIGGER_GROUP", "TRIGGERS:TRIGGER_NAME TRIGGER_GROUP", true,
            "TRIGGER_NAME s150!", "TRIGGER_GROUP s150!", "BLOB_DATA x"),
        new("CALENDARS", "CALENDAR_NAME", null, false, "CALENDAR_NAME s200!", "CALENDAR x!"),
        new("PAUSED_TRIGGER_GRPS", "TRIGGER_GROUP", null, false,
            "TRIGGER_GROUP s150!", "PAUSE_REASON s250", "PAUSED_BY s200", "PAUSED_AT l"),
        new("PAUSED_JOB_GRPS", "JOB_GROUP", null, false,
            "JOB_GROUP s150!", "PAUSE_REASON s250", "PAUSED_BY s200", "PAUSED_AT l"),
        new("FIRED_TRIGGERS", "ENTRY_ID", null, false,
            "ENTRY_ID s140!", "TRIGGER_NAME s150!", "TRIGGER_GROUP s150!", "INSTANCE_NAME s200!", "FIRED_TIME l!",
            "SCHED_TIME l!", "PRIORITY i!", "STATE s16!", "JOB_NAME s150", "JOB_GROUP s150", "IS_NONCONCURRENT b",
            "REQUESTS_RECOVERY b", "EXECUTION_GROUP s200", "PROGRESS i", "PROGRESS_MESSAGE s250",
            "INTERRUPT_REQUESTED_TIME l"),
        new("SCHEDULER_STATE", "INSTANCE_NAME", null, false,
            "INSTANCE_NAME s200!", "LAST_CHECKIN_TIME l!", "CHECKIN_INTERVAL l!", "QUARTZ_VERSION s20"),
        new("LOCKS", "LOCK_NAME", null, false, "LOCK_NAME s40!"),
    ];

    private static readonly (string Name, string Table, string Columns)[] Indexes =
    [
        ("J_G_N", "JOB_DETAILS", "JOB_GROUP, JOB_NAME"),
        ("T_J", "TRIGGERS", "JOB_NAME, JOB_GROUP"),
        ("T_G_N", "TRIGGERS", "TRIGGER_GROUP, TRIGGER_NAME"),
        ("T_C", "TRIGGERS", "CALENDAR_NAME"),
        ("T_NFT_ST", "TRIGGERS", "TRIGGER_STATE, NEXT_FIRE_TIME ASC, PRIORITY DESC, MISFIRE_INSTR"),
        ("FT_INST_JOB_REQ_RCVRY", "FIRED_TRIGGERS", "INSTANCE_NAME, REQUESTS_RECOVERY"),
        ("FT_J_G", "FIRED_TRIGGERS", "JOB_NAME, JOB_GROUP"),
        ("FT_T_G", "FIRED_TRIGGERS", "TRIGGER_NAME, TRIGGER_GROUP"),
    ];

    /// <summary>Creates the tables on SQLite (with delete triggers that cascade when foreign keys are off).</summary>
    public static string SqliteUp => Render(sqlServer: false);

    /// <summary>Drops the tables on SQLite.</summary>
    public static string SqliteDown => Drop("DROP TABLE IF EXISTS {0};\n");

    /// <summary>Creates the tables on SQL Server (one batch, no <c>GO</c>).</summary>
    public static string SqlServerUp => Render(sqlServer: true);

    /// <summary>Drops the tables on SQL Server.</summary>
    public static string SqlServerDown => Drop("DROP TABLE [{0}];\n");

    private static string Drop(string format)
    {
        var sb = new StringBuilder();
        foreach (var t in Tables.Reverse()) sb.AppendFormat(format, Prefix + t.Name);
        return sb.ToString();
    }

    private static string Render(bool sqlServer)
    {
        var sb = new StringBuilder();
        foreach (var t in Tables)
        {
            var name = Prefix + t.Name;
            var key = "SCHED_NAME, " + string.Join(", ", t.Key.Split(' '));
            sb.Append($"CREATE TABLE {Quote(name, sqlServer)} (\n");
            foreach (var c in (string[])["SCHED_NAME s120!", .. t.Columns])
                sb.Append("    ").Append(Column(c, sqlServer)).Append(",\n");
            sb.Append($"    CONSTRAINT {Quote("PK_" + name, sqlServer)} PRIMARY KEY ({key})");
            if (t.References is { } fk)
            {
                var target = fk.Split(':')[0];
                var columns = "SCHED_NAME, " + string.Join(", ", fk.Split(':')[1].Split(' '));
                sb.Append($",\n    CONSTRAINT {Quote($"FK_{name}_{Prefix}{target}", sqlServer)} ")
                    .Append($"FOREIGN KEY ({columns}) REFERENCES {Quote(Prefix + target, sqlServer)} ({columns})")
                    .Append(t.Cascade ? " ON DELETE CASCADE" : "");
            }
            sb.Append("\n);\n");
            if (t.Cascade && !sqlServer)
                sb.Append($"CREATE TRIGGER DELETE_{t.Name[..^1]} DELETE ON {Prefix}TRIGGERS\nBEGIN\n")
                    .Append($"    DELETE FROM {name} WHERE SCHED_NAME = OLD.SCHED_NAME")
                    .Append(" AND TRIGGER_NAME = OLD.TRIGGER_NAME AND TRIGGER_GROUP = OLD.TRIGGER_GROUP;\nEND;\n");
        }
        foreach (var (index, table, columns) in Indexes)
            sb.Append($"CREATE INDEX {Quote($"IDX_{Prefix}{index}", sqlServer)} ")
                .Append($"ON {Quote(Prefix + table, sqlServer)} (SCHED_NAME, {columns});\n");
        return sb.ToString();
    }

    private static string Quote(string name, bool sqlServer) => sqlServer ? $"[{name}]" : name;

    private static string Column(string spec, bool sqlServer)
    {
        var parts = spec.Split(' ');
        var type = parts[1].TrimEnd('!');
        var sql = type[0] switch
        {
            's' => $"{(sqlServer ? "nvarchar" : "NVARCHAR")}({type[1..]})",
            'i' => sqlServer ? "int" : "INTEGER",
            'l' => sqlServer ? "bigint" : "BIGINT",
            'b' => sqlServer ? "bit" : "BIT",
            'n' => sqlServer ? "numeric(13,4)" : "NUMERIC",
            'x' => sqlServer ? "varbinary(max)" : "BLOB",
            _ => throw new InvalidOperationException("unknown column type " + spec),
        };
        var notNull = parts[1].EndsWith('!') ? " NOT NULL" : " NULL";
        var dflt = parts.Length > 2 ? " DEFAULT " + parts[2][1..] : "";
        return $"{Quote(parts[0], sqlServer)} {sql}{notNull}{dflt}";
    }

    private sealed record Table(string Name, string Key, string? References, bool Cascade, params string[] Columns);
}
