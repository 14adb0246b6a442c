using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CdsNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "task_state",
                table: "cds_resource",
                type: "TEXT",
                unicode: false,
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "vendor_charge",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    list_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    cost_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    probe = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject_operation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    resource_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    reply_data = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    reply_message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    reply_code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: true),
                    bill_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false, defaultValue: "live"),
                    operation = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false, defaultValue: ""),
                    resume_state = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false, defaultValue: ""),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false, defaultValue: ""),
                    state_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "vendor_charge");

            migrationBuilder.DropIndex(
                name: "IX_cds_resource_task_state",
                table: "cds_resource");

            migrationBuilder.DropColumn(
                name: "task_state",
                table: "cds_resource");
        }
    }
}
