using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kboss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpccluster",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpccluster", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpclist",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    pcapi_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    api_user = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    api_pwd_protected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    enable_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    expire_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    contact_phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpclist", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcwidget",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cpcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 19, scale: 6, nullable: false),
                    resource_unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    charge_unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    account_unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcwidget", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organization",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    owner_org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "revoked_token",
                columns: table => new
                {
                    jti = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    expires_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_revoked_token", x => x.jti);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    username = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    org_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    failed_login_count = table.Column<int>(type: "INTEGER", nullable: false),
                    lockout_end_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    del_flg = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1, nullable: false),
                    create_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cpcwidget_stock",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    widget_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    cluster_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    stock = table.Column<long>(type: "INTEGER", nullable: false),
                    consumed = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cpcwidget_stock", x => x.id);
                    table.ForeignKey(
                        name: "FK_cpcwidget_stock_cpccluster_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "cpccluster",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_cpcwidget_stock_cpcwidget_widget_id",
                        column: x => x.widget_id,
                        principalTable: "cpcwidget",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_create_at",
                table: "audit_log",
                column: "create_at");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_entity_type_entity_id",
                table: "audit_log",
                columns: new[] { "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpccluster_cpcid",
                table: "cpccluster",
                column: "cpcid");

            migrationBuilder.CreateIndex(
                name: "IX_cpclist_org_id_id",
                table: "cpclist",
                columns: new[] { "org_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcwidget_cpcid_type_model",
                table: "cpcwidget",
                columns: new[] { "cpcid", "type", "model" },
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_cpcwidget_type_update_time",
                table: "cpcwidget",
                columns: new[] { "type", "update_time" });

            migrationBuilder.CreateIndex(
                name: "IX_cpcwidget_stock_cluster_id",
                table: "cpcwidget_stock",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "IX_cpcwidget_stock_widget_id_cluster_id",
                table: "cpcwidget_stock",
                columns: new[] { "widget_id", "cluster_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organization_name",
                table: "organization",
                column: "name",
                unique: true,
                filter: "del_flg = '0'");

            migrationBuilder.CreateIndex(
                name: "IX_organization_owner_org_id",
                table: "organization",
                column: "owner_org_id");

            migrationBuilder.CreateIndex(
                name: "IX_revoked_token_expires_at_utc",
                table: "revoked_token",
                column: "expires_at_utc");

            migrationBuilder.CreateIndex(
                name: "IX_users_org_id",
                table: "users",
                column: "org_id");

            migrationBuilder.CreateIndex(
                name: "IX_users_username",
                table: "users",
                column: "username",
                unique: true,
                filter: "del_flg = '0'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "cpclist");

            migrationBuilder.DropTable(
                name: "cpcwidget_stock");

            migrationBuilder.DropTable(
                name: "organization");

            migrationBuilder.DropTable(
                name: "revoked_token");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "cpccluster");

            migrationBuilder.DropTable(
                name: "cpcwidget");
        }
    }
}
