using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class UCloud : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ucloud_resource");
        }
    }
}
