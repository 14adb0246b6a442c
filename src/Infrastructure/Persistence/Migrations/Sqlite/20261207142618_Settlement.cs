using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Settlement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "provider_settlement",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    bill_count = table.Column<int>(type: "INTEGER", nullable: false),
                    total_provider_amt = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    total_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    settle_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    apv_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    source = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    settled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_settlement", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_settlement_bill",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    settle_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    settle_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_settlement_bill", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_provider_settlement_apv_id",
                table: "provider_settlement",
                column: "apv_id");

            migrationBuilder.CreateIndex(
                name: "IX_provider_settlement_org_id_provider_id_start_date_end_date",
                table: "provider_settlement",
                columns: new[] { "org_id", "provider_id", "start_date", "end_date" },
                unique: true,
                filter: "state <> '3'");

            migrationBuilder.CreateIndex(
                name: "IX_provider_settlement_org_id_state",
                table: "provider_settlement",
                columns: new[] { "org_id", "state" });

            migrationBuilder.CreateIndex(
                name: "IX_provider_settlement_bill_bill_id",
                table: "provider_settlement_bill",
                column: "bill_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_provider_settlement_bill_settle_id",
                table: "provider_settlement_bill",
                column: "settle_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "provider_settlement");

            migrationBuilder.DropTable(
                name: "provider_settlement_bill");
        }
    }
}
