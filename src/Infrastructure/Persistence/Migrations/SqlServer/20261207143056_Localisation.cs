using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Localisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cpcc_provider_link",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    cpcid = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    protocol_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcc_provider_link", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcc_purchase",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    customer_org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    product_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    provider_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    instance_config_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    refund_bill_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    list_amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    duration = table.Column<int>(type: "int", nullable: false),
                    duration_unit = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    idempotency_key = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    request_hash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcc_purchase", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_provider_link_cpcid",
                table: "cpcc_provider_link",
                column: "cpcid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_provider_link_org_id",
                table: "cpcc_provider_link",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_provider_link_provider_id",
                table: "cpcc_provider_link",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_purchase_customer_org_id_create_at",
                table: "cpcc_purchase",
                columns: new[] { "customer_org_id", "create_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_purchase_customer_org_id_idempotency_key",
                table: "cpcc_purchase",
                columns: new[] { "customer_org_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cpcc_purchase_instance_config_id",
                table: "cpcc_purchase",
                column: "instance_config_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cpcc_provider_link");

            migrationBuilder.DropTable(
                name: "cpcc_purchase");
        }
    }
}
