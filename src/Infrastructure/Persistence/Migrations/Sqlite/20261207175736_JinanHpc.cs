using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JinanHpc : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hpc_ldap_account",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ldap_uid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    cluster_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    queue_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    sync_status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: true),
                    last_access = table.Column<DateTime>(type: "TEXT", nullable: true),
                    bound_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    synced_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hpc_ldap_account", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hpc_sync_info",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    sales_user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    product_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    sync_status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    ldap_uid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    cluster_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    queue_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    vendor_ref = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    synced_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hpc_sync_info", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hpc_ldap_account_operator_org_id_ldap_uid",
                table: "hpc_ldap_account",
                columns: new[] { "operator_org_id", "ldap_uid" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_hpc_ldap_account_org_id",
                table: "hpc_ldap_account",
                column: "org_id",
                unique: true,
                filter: "org_id IS NOT NULL AND del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_hpc_sync_info_operator_org_id_sync_status",
                table: "hpc_sync_info",
                columns: new[] { "operator_org_id", "sync_status" });

            migrationBuilder.CreateIndex(
                name: "IX_hpc_sync_info_org_id_sync_status",
                table: "hpc_sync_info",
                columns: new[] { "org_id", "sync_status" });

            migrationBuilder.CreateIndex(
                name: "IX_hpc_sync_info_sales_user_id",
                table: "hpc_sync_info",
                column: "sales_user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hpc_ldap_account");

            migrationBuilder.DropTable(
                name: "hpc_sync_info");
        }
    }
}
