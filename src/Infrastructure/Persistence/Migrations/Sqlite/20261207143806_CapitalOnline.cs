using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CapitalOnline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cds_resource",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    operator_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    resource_type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    vendor_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    parent_vendor_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    zone_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    task_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
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
                    table.PrimaryKey("PK_cds_resource", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vendor_credential",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    vendor = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    access_key_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    secret_protected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    endpoint = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_credential", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cds_resource_org_id_resource_type",
                table: "cds_resource",
                columns: new[] { "org_id", "resource_type" });

            migrationBuilder.CreateIndex(
                name: "IX_cds_resource_resource_type_vendor_id",
                table: "cds_resource",
                columns: new[] { "resource_type", "vendor_id" },
                unique: true,
                filter: "vendor_id IS NOT NULL AND del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_cds_resource_state_state_changed_at",
                table: "cds_resource",
                columns: new[] { "state", "state_changed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_vendor_credential_org_id_vendor",
                table: "vendor_credential",
                columns: new[] { "org_id", "vendor" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cds_resource");

            migrationBuilder.DropTable(
                name: "vendor_credential");
        }
    }
}
