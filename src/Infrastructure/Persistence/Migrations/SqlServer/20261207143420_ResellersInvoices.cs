using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ResellersInvoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "rebate_rate",
                table: "product_sale_config",
                type: "decimal(5,4)",
                precision: 5,
                scale: 4,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "customer_invoice_info",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    client_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    contract_number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    invoice_type = table.Column<int>(type: "int", nullable: false),
                    invoice_title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    tax_no = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    bank_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    bank_account = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    receiver_name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    post_code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    title_type = table.Column<int>(type: "int", nullable: false),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_invoice_info", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invoice_application",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    maker = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    client_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    record_count = table.Column<int>(type: "int", nullable: false),
                    info_snapshot = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    apv_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    state = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    failure_reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_application", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invoice_application_item",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    application_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    recharge_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    live = table.Column<bool>(type: "bit", nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_application_item", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reseller",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    domain_name = table.Column<string>(type: "nvarchar(253)", maxLength: 253, nullable: true),
                    logo = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    license_number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    license = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reseller", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customer_invoice_info_client_id",
                table: "customer_invoice_info",
                column: "client_id",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_customer_invoice_info_org_id",
                table: "customer_invoice_info",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_application_apv_id",
                table: "invoice_application",
                column: "apv_id");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_application_client_id_state",
                table: "invoice_application",
                columns: new[] { "client_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_application_user_id_create_at",
                table: "invoice_application",
                columns: new[] { "user_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_application_item_application_id",
                table: "invoice_application_item",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_application_item_recharge_id",
                table: "invoice_application_item",
                column: "recharge_id",
                unique: true,
                filter: "live = 1");

            migrationBuilder.CreateIndex(
                name: "IX_reseller_domain_name",
                table: "reseller",
                column: "domain_name",
                unique: true,
                filter: "del_flg = '0' AND domain_name IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_reseller_org_id",
                table: "reseller",
                column: "org_id",
                unique: true,
                filter: "del_flg = '0'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_invoice_info");

            migrationBuilder.DropTable(
                name: "invoice_application");

            migrationBuilder.DropTable(
                name: "invoice_application_item");

            migrationBuilder.DropTable(
                name: "reseller");

            migrationBuilder.DropColumn(
                name: "rebate_rate",
                table: "product_sale_config");
        }
    }
}
