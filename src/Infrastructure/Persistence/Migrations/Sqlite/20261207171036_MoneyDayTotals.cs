using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoneyDayTotals : Migration
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

            migrationBuilder.CreateTable(
                name: "bill_day_total",
                columns: table => new
                {
                    owner_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    bill_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    business_op = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    bill_state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    bills = table.Column<int>(type: "INTEGER", nullable: false),
                    amount_fen = table.Column<long>(type: "INTEGER", nullable: false),
                    cost_fen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bill_day_total", x => new { x.owner_org_id, x.bill_date, x.business_op, x.bill_state });
                });

            migrationBuilder.CreateIndex(
                name: "ix_bill_kpi_customer_newest",
                table: "bill",
                columns: new[] { "customer_id", "bill_date", "bill_timestamp", "id", "del_flg", "amount" });

            migrationBuilder.CreateIndex(
                name: "ix_bill_kpi_newest",
                table: "bill",
                columns: new[] { "bill_date", "bill_timestamp", "id", "customer_id", "del_flg" });

            // Per-day totals of the bills already there (ADR 0040); hand-written SQL kept apart.
            migrationBuilder.Sql(BillDayTotalBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bill_day_total");

            migrationBuilder.DropIndex(
                name: "ix_bill_kpi_customer_newest",
                table: "bill");

            migrationBuilder.DropIndex(
                name: "ix_bill_kpi_newest",
                table: "bill");

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
