using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SiteOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "org_id",
                table: "wlwl_parameter",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "org_id",
                table: "smart_product",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "site",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    url_link = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    org_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "varchar(1)", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    update_time = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_site", x => x.id);
                });

            migrationBuilder.UpdateData(
                table: "wlwl_parameter",
                keyColumn: "id",
                keyValue: "wlwlSpecExample000001",
                column: "org_id",
                value: null);

            migrationBuilder.CreateIndex(
                name: "IX_wlwl_parameter_org_id",
                table: "wlwl_parameter",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_smart_product_org_id",
                table: "smart_product",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_site_org_id",
                table: "site",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_site_url_link",
                table: "site",
                column: "url_link",
                unique: true,
                filter: "del_flg = '0'");
            foreach (var sql in SiteOwnershipBackfill.All) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "site");

            migrationBuilder.DropIndex(
                name: "IX_wlwl_parameter_org_id",
                table: "wlwl_parameter");

            migrationBuilder.DropIndex(
                name: "IX_smart_product_org_id",
                table: "smart_product");

            migrationBuilder.DropColumn(
                name: "org_id",
                table: "wlwl_parameter");

            migrationBuilder.DropColumn(
                name: "org_id",
                table: "smart_product");
        }
    }
}
