using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SafeOutsideEffectsAndNodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cpcpodyaml_cluster_id_source_outsideport",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "failed_login_count",
                table: "users");

            migrationBuilder.DropColumn(
                name: "lockout_end_utc",
                table: "users");

            migrationBuilder.AddColumn<string>(
                name: "org_id",
                table: "wlwl_parameter",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "normalized_username",
                table: "users",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "org_id",
                table: "smart_product",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "failure_reason",
                table: "k8s_instance",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "operation",
                table: "k8s_instance",
                type: "TEXT",
                unicode: false,
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "resume_state",
                table: "k8s_instance",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "k8s_instance",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: false,
                defaultValue: "live");

            migrationBuilder.AddColumn<DateTime>(
                name: "state_changed_at",
                table: "k8s_instance",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "failure_reason",
                table: "cpcpodyaml",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "operation",
                table: "cpcpodyaml",
                type: "TEXT",
                unicode: false,
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "resume_state",
                table: "cpcpodyaml",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "cpcpodyaml",
                type: "TEXT",
                unicode: false,
                maxLength: 20,
                nullable: false,
                defaultValue: "live");

            migrationBuilder.AddColumn<DateTime>(
                name: "state_changed_at",
                table: "cpcpodyaml",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    xml = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "shared_key",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_key", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_throttle",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false),
                    pending = table.Column<int>(type: "INTEGER", nullable: false),
                    blocked_until_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_failure_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    pending_since_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_throttle", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "site",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    url_link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site", x => x.id);
                });

            migrationBuilder.UpdateData(
                table: "wlwl_parameter",
                keyColumn: "id",
                keyValue: "wlwlSpecExample000001",
                column: "org_id",
                value: null);

            migrationBuilder.CreateIndex(
                name: "IX_wlwl_parameter_org_id",
                table: "wlwl_parameter",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_users_normalized_username",
                table: "users",
                column: "normalized_username",
                unique: true,
                filter: "del_flg = '0' AND normalized_username IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_smart_product_org_id",
                table: "smart_product",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_k8s_instance_state_state_changed_at",
                table: "k8s_instance",
                columns: new[] { "state", "state_changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_cluster_id_source_outsideport",
                table: "cpcpodyaml",
                columns: new[] { "cluster_id", "source_outsideport" },
                unique: true,
                filter: "del_flg = '0' AND source_portmode = 'NodePort' AND state <> 'failed'");

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_state_state_changed_at",
                table: "cpcpodyaml",
                columns: new[] { "state", "state_changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_throttle_last_failure_utc",
                table: "sign_in_throttle",
                column: "last_failure_utc");

            migrationBuilder.CreateIndex(
                name: "IX_site_org_id",
                table: "site",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_site_url_link",
                table: "site",
                column: "url_link",
                unique: true,
                filter: "del_flg = '0'");

            // Hand-written steps (kept out of the generated code so migrations can be regenerated):
            foreach (var sql in SiteOwnershipBackfill.All) migrationBuilder.Sql(sql); // sites and owner orgs (ADR 0017)
            migrationBuilder.Sql(OutsideCallsBackfill.Sql); // soft-deleted instance rows become 'deleted' (ADR 0015)
            migrationBuilder.Sql(Kboss.Infrastructure.Scheduling.SchedulerSchema.SqliteUp); // Quartz tables (ADR 0019)
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Kboss.Infrastructure.Scheduling.SchedulerSchema.SqliteDown);

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "shared_key");

            migrationBuilder.DropTable(
                name: "sign_in_throttle");

            migrationBuilder.DropTable(
                name: "site");

            migrationBuilder.DropIndex(
                name: "IX_wlwl_parameter_org_id",
                table: "wlwl_parameter");

            migrationBuilder.DropIndex(
                name: "IX_users_normalized_username",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_smart_product_org_id",
                table: "smart_product");

            migrationBuilder.DropIndex(
                name: "IX_k8s_instance_state_state_changed_at",
                table: "k8s_instance");

            migrationBuilder.DropIndex(
                name: "IX_cpcpodyaml_cluster_id_source_outsideport",
                table: "cpcpodyaml");

            migrationBuilder.DropIndex(
                name: "IX_cpcpodyaml_state_state_changed_at",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "org_id",
                table: "wlwl_parameter");

            migrationBuilder.DropColumn(
                name: "normalized_username",
                table: "users");

            migrationBuilder.DropColumn(
                name: "org_id",
                table: "smart_product");

            migrationBuilder.DropColumn(
                name: "failure_reason",
                table: "k8s_instance");

            migrationBuilder.DropColumn(
                name: "operation",
                table: "k8s_instance");

            migrationBuilder.DropColumn(
                name: "resume_state",
                table: "k8s_instance");

            migrationBuilder.DropColumn(
                name: "state",
                table: "k8s_instance");

            migrationBuilder.DropColumn(
                name: "state_changed_at",
                table: "k8s_instance");

            migrationBuilder.DropColumn(
                name: "failure_reason",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "operation",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "resume_state",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "state",
                table: "cpcpodyaml");

            migrationBuilder.DropColumn(
                name: "state_changed_at",
                table: "cpcpodyaml");

            migrationBuilder.AddColumn<int>(
                name: "failed_login_count",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "lockout_end_utc",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cpcpodyaml_cluster_id_source_outsideport",
                table: "cpcpodyaml",
                columns: new[] { "cluster_id", "source_outsideport" },
                unique: true,
                filter: "del_flg = '0' AND source_portmode = 'NodePort'");
        }
    }
}
