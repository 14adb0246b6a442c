using Kboss.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit.Abstractions;

namespace Kboss.Infrastructure.IntegrationTests;

/// <summary>
/// No SQL Server is available in development and CI (ARCHITECTURE.md §4): the SQL Server migrations are checked by
/// generating their script (no server is contacted) and parsing it with Microsoft's T-SQL parser. Dynamic SQL that
/// EF Core wraps in <c>EXEC(N'…')</c> (filtered indexes in the idempotent script) is parsed too.
/// </summary>
public sealed class SqlServerMigrationScriptTests(ITestOutputHelper output)
{
    private const string ConnectionString = "Server=localhost;Database=kboss;Trusted_Connection=True;TrustServerCertificate=True";

    private static SqlServerKbossDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SqlServerKbossDbContext>()
            .UseSqlServer(ConnectionString, s => s.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(new TimestampInterceptor(TimeProvider.System))
            .Options);

    private static string GenerateScript(bool idempotent)
    {
        using var context = CreateContext();
        var migrator = context.GetService<IMigrator>();
        return idempotent
            ? migrator.GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent)
            : migrator.GenerateScript();
    }

    /// <summary>Parses <paramref name="sql"/> and, recursively, every <c>EXEC('…')</c> string inside it.</summary>
    private static ParsedScript Parse(string sql)
    {
        var result = new ParsedScript();
        Parse(sql, "script", result);
        return result;
    }

    private static void Parse(string sql, string origin, ParsedScript result)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(sql), out var errors);
        foreach (var e in errors)
            result.Errors.Add($"{origin}: line {e.Line}, column {e.Column}: error {e.Number}: {e.Message}");
        if (fragment is null) return;
        var collector = new Collector();
        fragment.Accept(collector);
        result.Tables.AddRange(collector.Tables);
        result.Indexes.AddRange(collector.Indexes);
        foreach (var dynamicSql in collector.DynamicSql)
        {
            result.DynamicSqlCount++;
            Parse(dynamicSql, $"EXEC({Shorten(dynamicSql)})", result);
        }
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Migration_script_parses_without_errors(bool idempotent)
    {
        var sql = GenerateScript(idempotent);
        var parsed = Parse(sql);

        foreach (var error in parsed.Errors) output.WriteLine(error);
        if (parsed.Errors.Count > 0) output.WriteLine(sql);
        parsed.Errors.Should().BeEmpty("the SQL Server migration script must be valid T-SQL:\n" + string.Join("\n", parsed.Errors));
        if (idempotent)
            parsed.DynamicSqlCount.Should().BeGreaterThan(0, "the idempotent script wraps filtered indexes in EXEC, and those strings must be parsed as well");
    }

    [Fact]
    public void Rollback_script_parses_without_errors()
    {
        using var context = CreateContext();
        var migrator = context.GetService<IMigrator>();
        var latest = context.Database.GetMigrations().Last();
        var sql = migrator.GenerateScript(fromMigration: latest, toMigration: Migration.InitialDatabase);

        var parsed = Parse(sql);

        foreach (var error in parsed.Errors) output.WriteLine(error);
        parsed.Errors.Should().BeEmpty(string.Join("\n", parsed.Errors));
        sql.Should().Contain("DROP TABLE [cpcwidget]");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Script_creates_the_core_tables(bool idempotent)
    {
        var parsed = Parse(GenerateScript(idempotent));

        parsed.Tables.Select(t => t.Name).Should().Contain(["cpclist", "cpcwidget", "cpcwidget_stock", "users", "organization"]);
        // the Quartz job store (ADR 0019) and the shared keys
        parsed.Tables.Select(t => t.Name).Should().Contain(["QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_FIRED_TRIGGERS",
            "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS", "QRTZ_PAUSED_JOB_GRPS", "data_protection_keys", "shared_key"]);
        parsed.Indexes.Should().Contain(i => i.Table == "QRTZ_TRIGGERS" && i.Name == "IDX_QRTZ_T_NFT_ST");
        parsed.Tables.Select(t => t.Name).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Widget_unit_price_is_decimal_19_6(bool idempotent)
    {
        var parsed = Parse(GenerateScript(idempotent));

        var widget = parsed.Tables.Should().ContainSingle(t => t.Name == "cpcwidget").Subject;
        var unitPrice = widget.Columns.Should().ContainSingle(c => c.Name == "unit_price").Subject;
        unitPrice.Type.Should().Be(SqlDataTypeOption.Decimal);
        unitPrice.Parameters.Should().Equal("19", "6");
        unitPrice.Nullable.Should().BeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Widget_has_a_filtered_unique_index_on_centre_type_and_model(bool idempotent)
    {
        var parsed = Parse(GenerateScript(idempotent));

        var index = parsed.Indexes.Should().ContainSingle(i => i.Table == "cpcwidget" && i.Columns.SequenceEqual(new[] { "cpcid", "type", "model" })).Subject;
        index.Unique.Should().BeTrue();
        index.Filter.Should().NotBeNull("alive rows only must be unique, so a deleted widget can be re-added");
        index.Filter!.Value.Should().Be(("del_flg", "0"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Users_and_organizations_have_filtered_unique_names(bool idempotent)
    {
        var parsed = Parse(GenerateScript(idempotent));

        var username = parsed.Indexes.Should().ContainSingle(i => i.Table == "users" && i.Columns.SequenceEqual(new[] { "username" })).Subject;
        username.Unique.Should().BeTrue();
        username.Filter.Should().Be(("del_flg", "0"));
        var normalized = parsed.Indexes.Should().ContainSingle(i => i.Table == "users" && i.Columns.SequenceEqual(new[] { "normalized_username" })).Subject;
        normalized.Unique.Should().BeTrue();
        normalized.Conditions.Should().BeEquivalentTo([("del_flg", "0"), ("normalized_username", "IS NOT NULL")],
            "ADR 0018: unique among alive users; accounts left without a normal form by a clash are many NULLs");
        var orgName = parsed.Indexes.Should().ContainSingle(i => i.Table == "organization" && i.Columns.SequenceEqual(new[] { "name" })).Subject;
        orgName.Unique.Should().BeTrue();
        orgName.Filter.Should().Be(("del_flg", "0"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Container_cloud_tables_have_their_lookup_and_filtered_unique_indexes(bool idempotent)
    {
        var script = Parse(GenerateScript(idempotent));
        script.Errors.Should().BeEmpty();
        script.Tables.Select(t => t.Name).Should().Contain(["cpcnode", "cpclabel", "cpcpodyaml"]);
        // the last definition is the one in force (a later migration may re-create it)
        IndexInfo Index(string table, params string[] columns) =>
            script.Indexes.Last(i => i.Table == table && i.Columns.SequenceEqual(columns));
        var ip = Index("cpcnode", "cpcid", "ip");
        ip.Unique.Should().BeTrue();
        ip.Filter.Should().Be(("del_flg", "0"));
        Index("cpcnode", "cpcid", "node_status").Unique.Should().BeFalse();
        Index("cpcnode", "cluster_id");
        var label = Index("cpclabel", "org_id", "label_type", "label_key", "label_value");
        label.Unique.Should().BeTrue();
        label.Filter.Should().Be(("del_flg", "0"));
        var port = Index("cpcpodyaml", "cluster_id", "source_outsideport");
        port.Unique.Should().BeTrue();
        port.Conditions.Should().BeEquivalentTo([("del_flg", "0"), ("source_portmode", "NodePort"), ("state",
            "<>failed")]);
        Index("cpcpodyaml", "cluster_id", "id");
        Index("cpccluster", "controller_id");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Catalog_tables_have_an_index_for_every_filter_path(bool idempotent)
    {
        var script = Parse(GenerateScript(idempotent));
        script.Errors.Should().BeEmpty();
        script.Tables.Select(t => t.Name).Should().Contain(["specification_template", "specific_data", "provider", "product",
            "wlwl_parameter", "homepage_category_tree", "user_inquiry", "customer_resource"]);
        // the last definition is the one in force (a later migration may re-create it)
        IndexInfo Index(string table, params string[] columns) =>
            script.Indexes.Last(i => i.Table == table && i.Columns.SequenceEqual(columns));
        var wlwl = Index("wlwl_parameter", "high_school", "chaosuan_center", "route_num", "broadband");
        wlwl.Unique.Should().BeTrue();
        wlwl.Filter.Should().Be(("del_flg", "0"));
        Index("specification_template", "org_id", "product_id", "create_at");
        Index("specific_data", "product_id", "create_at");
        Index("product", "reseller_org_id", "product_group", "create_at");
        Index("product", "provider_id", "product_group", "create_at");
        Index("provider", "prefix");
        Index("homepage_category_tree", "url_link", "priority");
        Index("homepage_category_tree", "parent_id");
        Index("user_inquiry", "org_id", "url_link", "create_at");
        Index("customer_resource", "user_id", "expire_time");
        Index("customer_resource", "user_id", "product_id");
    }

    [Fact]
    public void Sql_server_snapshot_matches_the_model()
    {
        using var context = CreateContext();

        context.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a SQL Server migration (dotnet ef migrations add … --context SqlServerKbossDbContext)");
    }

    private sealed class ParsedScript
    {
        public List<string> Errors { get; } = [];
        public List<TableInfo> Tables { get; } = [];
        public List<IndexInfo> Indexes { get; } = [];
        public int DynamicSqlCount { get; set; }
    }

    private sealed record TableInfo(string Name, IReadOnlyList<ColumnInfo> Columns);

    private sealed record ColumnInfo(string Name, SqlDataTypeOption? Type, IReadOnlyList<string> Parameters, bool Nullable);

    /// <summary>
    /// A CREATE INDEX; <see cref="Conditions"/> are the <c>(column, string literal)</c> pairs of a
    /// <c>WHERE column = 'literal' [AND …]</c>; <see cref="Filter"/> is the only one when there is exactly one.
    /// </summary>
    private sealed record IndexInfo(string Name, string Table, IReadOnlyList<string> Columns, bool Unique,
        IReadOnlyList<(string Column, string Value)> Conditions)
    {
        public (string Column, string Value)? Filter => Conditions.Count == 1 ? Conditions[0] : null;
    }

    private sealed class Collector : TSqlFragmentVisitor
    {
        public List<TableInfo> Tables { get; } = [];
        public List<IndexInfo> Indexes { get; } = [];
        public List<string> DynamicSql { get; } = [];

        public override void Visit(CreateTableStatement node)
        {
            var columns = node.Definition.ColumnDefinitions.Select(c =>
            {
                var type = c.DataType as SqlDataTypeReference;
                var nullable = c.Constraints.OfType<NullableConstraintDefinition>().Select(n => (bool?)n.Nullable).FirstOrDefault() ?? true;
                return new ColumnInfo(c.ColumnIdentifier.Value, type?.SqlDataTypeOption,
                    type?.Parameters.Select(p => p.Value).ToList() ?? [], nullable);
            }).ToList();
            Tables.Add(new TableInfo(node.SchemaObjectName.BaseIdentifier.Value, columns));
            base.Visit(node);
        }

        public override void Visit(CreateIndexStatement node)
        {
            var conditions = new List<(string, string)>();
            if (node.FilterPredicate is not null) Conditions(node.FilterPredicate, node.Name.Value, conditions);
            Indexes.Add(new IndexInfo(node.Name.Value, node.OnName.BaseIdentifier.Value,
                node.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToList(),
                node.Unique, conditions));
            base.Visit(node);
        }

        /// <summary>Flattens <c>a = 'x' AND b &lt;&gt; 'y' AND c IS NOT NULL</c> (optionally parenthesised);
        /// any other shape is unexpected.</summary>
        private static void Conditions(BooleanExpression e, string index, List<(string, string)> into)
        {
            switch (e)
            {
                case BooleanParenthesisExpression p:
                    Conditions(p.Expression, index, into);
                    break;
                case BooleanBinaryExpression { BinaryExpressionType: BooleanBinaryExpressionType.And } and:
                    Conditions(and.FirstExpression, index, into);
                    Conditions(and.SecondExpression, index, into);
                    break;
                case BooleanComparisonExpression
                {
                    ComparisonType: BooleanComparisonType.Equals,
                    FirstExpression: ColumnReferenceExpression column,
                    SecondExpression: StringLiteral literal,
                }:
                    into.Add((column.MultiPartIdentifier.Identifiers[^1].Value, literal.Value));
                    break;
                case BooleanComparisonExpression
                {
                    ComparisonType: BooleanComparisonType.NotEqualToBrackets,
                    FirstExpression: ColumnReferenceExpression column,
                    SecondExpression: StringLiteral literal,
                }:
                    into.Add((column.MultiPartIdentifier.Identifiers[^1].Value, "<>" + literal.Value));
                    break;
                case BooleanComparisonExpression // a bit flag (invoice_application_item.live = 1, issue 11)
                {
                    ComparisonType: BooleanComparisonType.Equals,
                    FirstExpression: ColumnReferenceExpression column,
                    SecondExpression: IntegerLiteral number,
                }:
                    into.Add((column.MultiPartIdentifier.Identifiers[^1].Value, number.Value));
                    break;
                case BooleanIsNullExpression { IsNot: true, Expression: ColumnReferenceExpression notNull }:
                    // SQL Server lets a unique index hold one NULL only: nullable unique columns exclude NULLs
                    into.Add((notNull.MultiPartIdentifier.Identifiers[^1].Value, "IS NOT NULL"));
                    break;
                default:
                    throw new InvalidOperationException("unexpected index filter shape in " + index);
            }
        }

        public override void Visit(ExecuteStatement node)
        {
            if (node.ExecuteSpecification.ExecutableEntity is ExecutableStringList list)
                // EF drops a column's default constraint with EXEC(N'… [' + @var + '];'): a variable stands for a name
                DynamicSql.Add(string.Concat(list.Strings.Select(s => s is StringLiteral l ? l.Value : "variable_name")));
            base.Visit(node);
        }
    }
}
