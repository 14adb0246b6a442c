using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Finance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bill",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    order_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    order_goods_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    business_op = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    provider_amt = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    quantity = table.Column<int>(type: "int", nullable: true),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    cost_amt = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    refunded_amt = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    bill_date = table.Column<DateOnly>(type: "date", nullable: false),
                    bill_timestamp = table.Column<DateTime>(type: "datetime2", nullable: false),
                    bill_state = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    provider_bill_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    resource_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    origin_bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    settle_state = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    provider_settle_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bill", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customer_balance",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    balance = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_balance", x => x.id);
                    table.CheckConstraint("ck_customer_balance_not_negative", "balance >= 0");
                });

            migrationBuilder.CreateTable(
                name: "ledger_entry",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    kind = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    balance_after = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    reference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    idempotency_key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entry", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bill_bill_date_business_op_bill_state",
                table: "bill",
                columns: new[] { "bill_date", "business_op", "bill_state" });

            migrationBuilder.CreateIndex(
                name: "IX_bill_customer_id_bill_date",
                table: "bill",
                columns: new[] { "customer_id", "bill_date" });

            migrationBuilder.CreateIndex(
                name: "IX_bill_origin_bill_id",
                table: "bill",
                column: "origin_bill_id");

            migrationBuilder.CreateIndex(
                name: "IX_bill_provider_id_settle_state_bill_date",
                table: "bill",
                columns: new[] { "provider_id", "settle_state", "bill_date" });

            migrationBuilder.CreateIndex(
                name: "IX_bill_provider_settle_id",
                table: "bill",
                column: "provider_settle_id");

            migrationBuilder.CreateIndex(
                name: "IX_customer_balance_customer_org_id",
                table: "customer_balance",
                column: "customer_org_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entry_customer_org_id_create_at",
                table: "ledger_entry",
                columns: new[] { "customer_org_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entry_idempotency_key",
                table: "ledger_entry",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entry_reference",
                table: "ledger_entry",
                column: "reference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bill");

            migrationBuilder.DropTable(
                name: "customer_balance");

            migrationBuilder.DropTable(
                name: "ledger_entry");
        }
    }
}
