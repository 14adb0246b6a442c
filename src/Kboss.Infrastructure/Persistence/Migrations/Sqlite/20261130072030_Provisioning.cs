using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Provisioning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cpc_operation",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    device_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 10, nullable: false),
                    progress = table.Column<int>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    log = table.Column<string>(type: "TEXT", nullable: false),
                    force = table.Column<bool>(type: "INTEGER", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpc_operation", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cpc_operation_cluster_id_status",
                table: "cpc_operation",
                columns: new[] { "cluster_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_cpc_operation_cpcid_id",
                table: "cpc_operation",
                columns: new[] { "cpcid", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpc_operation_device_id_status",
                table: "cpc_operation",
                columns: new[] { "device_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_cpc_operation_status",
                table: "cpc_operation",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cpc_operation");
        }
    }
}
