using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CloudVendorsAndLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_bill_kpi_customer_newest",
                table: "bill");

            migrationBuilder.DropIndex(
                name: "ix_bill_kpi_newest",
                table: "bill");

            migrationBuilder.AddColumn<string>(
                name: "task_state",
                table: "cds_resource",
                type: "varchar(10)",
                unicode: false,
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "baidu_order",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    origin_order_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    account_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    order_type = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    service_type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    product_type = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    price = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    auto_renew_order = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_time = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    update_time_vendor = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    charged_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    pay_bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    refund_bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_baidu_order", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "baidu_order_action",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    vendor_request_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_baidu_order_action", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bill_day_total",
                columns: table => new
                {
                    owner_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    bill_date = table.Column<DateOnly>(type: "date", nullable: false),
                    business_op = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    bill_state = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    bills = table.Column<int>(type: "int", nullable: false),
                    amount_fen = table.Column<long>(type: "bigint", nullable: false),
                    cost_fen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bill_day_total", x => new { x.owner_org_id, x.bill_date, x.business_op, x.bill_state });
                });

            migrationBuilder.CreateTable(
                name: "hpc_ldap_account",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ldap_uid = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    cluster_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    queue_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    sync_status = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: true),
                    last_access = table.Column<DateTime>(type: "datetime2", nullable: true),
                    bound_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    synced_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hpc_ldap_account", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hpc_sync_info",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    sales_user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    product_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    product_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    quantity = table.Column<int>(type: "int", nullable: false),
                    sync_status = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    ldap_uid = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    cluster_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    queue_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    vendor_ref = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    last_error = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    synced_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hpc_sync_info", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ucloud_resource",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    project_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    vendor_state = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    vendor_state_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    state = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false, defaultValue: "live"),
                    operation = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false, defaultValue: ""),
                    resume_state = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false, defaultValue: ""),
                    failure_reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false, defaultValue: ""),
                    state_changed_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    resource_type = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    vendor_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    region_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    zone_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ucloud_resource", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vendor_account",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    vendor = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    username = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    vendor_account_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    mobile = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_account", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vendor_charge",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    idempotency_key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    fingerprint = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    list_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    cost_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    quantity = table.Column<int>(type: "int", nullable: true),
                    probe = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    subject_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    subject_operation = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false),
                    resource_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    reply_data = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    reply_message = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    reply_code = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: true),
                    bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false),
                    state = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false, defaultValue: "live"),
                    operation = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false, defaultValue: ""),
                    resume_state = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false, defaultValue: ""),
                    failure_reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false, defaultValue: ""),
                    state_changed_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_charge", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cds_resource_task_state",
                table: "cds_resource",
                column: "task_state");

            migrationBuilder.CreateIndex(
                name: "ix_bill_kpi_customer_newest",
                table: "bill",
                columns: new[] { "customer_id", "bill_date", "bill_timestamp", "id", "del_flg", "amount" });

            migrationBuilder.CreateIndex(
                name: "ix_bill_kpi_newest",
                table: "bill",
                columns: new[] { "bill_date", "bill_timestamp", "id", "customer_id", "del_flg" });

            migrationBuilder.CreateIndex(
                name: "IX_baidu_order_account_id",
                table: "baidu_order",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "IX_baidu_order_order_id",
                table: "baidu_order",
                column: "order_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_baidu_order_org_id_create_time",
                table: "baidu_order",
                columns: new[] { "org_id", "create_time" });

            migrationBuilder.CreateIndex(
                name: "IX_baidu_order_action_order_id_action",
                table: "baidu_order_action",
                columns: new[] { "order_id", "action" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_ucloud_resource_org_id_resource_type",
                table: "ucloud_resource",
                columns: new[] { "org_id", "resource_type" });

            migrationBuilder.CreateIndex(
                name: "IX_ucloud_resource_resource_type_vendor_id",
                table: "ucloud_resource",
                columns: new[] { "resource_type", "vendor_id" },
                unique: true,
                filter: "vendor_id IS NOT NULL AND del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_ucloud_resource_state_state_changed_at",
                table: "ucloud_resource",
                columns: new[] { "state", "state_changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_vendor_account_vendor_org_id",
                table: "vendor_account",
                columns: new[] { "vendor", "org_id" });

            migrationBuilder.CreateIndex(
                name: "IX_vendor_account_vendor_user_id",
                table: "vendor_account",
                columns: new[] { "vendor", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vendor_account_vendor_vendor_account_id",
                table: "vendor_account",
                columns: new[] { "vendor", "vendor_account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vendor_charge_org_id_idempotency_key",
                table: "vendor_charge",
                columns: new[] { "org_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vendor_charge_probe_subject_id",
                table: "vendor_charge",
                columns: new[] { "probe", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "IX_vendor_charge_state_state_changed_at",
                table: "vendor_charge",
                columns: new[] { "state", "state_changed_at" });

            // Per-day totals of the bills already there (ADR 0040); hand-written SQL kept apart.
            migrationBuilder.Sql(BillDayTotalBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "baidu_order");

            migrationBuilder.DropTable(
                name: "baidu_order_action");

            migrationBuilder.DropTable(
                name: "bill_day_total");

            migrationBuilder.DropTable(
                name: "hpc_ldap_account");

            migrationBuilder.DropTable(
                name: "hpc_sync_info");

            migrationBuilder.DropTable(
                name: "ucloud_resource");

            migrationBuilder.DropTable(
                name: "vendor_account");

            migrationBuilder.DropTable(
                name: "vendor_charge");

            migrationBuilder.DropIndex(
                name: "IX_cds_resource_task_state",
                table: "cds_resource");

            migrationBuilder.DropIndex(
                name: "ix_bill_kpi_customer_newest",
                table: "bill");

            migrationBuilder.DropIndex(
                name: "ix_bill_kpi_newest",
                table: "bill");

            migrationBuilder.DropColumn(
                name: "task_state",
                table: "cds_resource");

            migrationBuilder.CreateIndex(
                name: "ix_bill_kpi_customer_newest",
                table: "bill",
                columns: new[] { "customer_id", "bill_timestamp", "id", "bill_date", "del_flg", "amount" });

            migrationBuilder.CreateIndex(
                name: "ix_bill_kpi_newest",
                table: "bill",
                columns: new[] { "bill_timestamp", "id", "customer_id", "bill_date", "del_flg" });
        }
    }
}
